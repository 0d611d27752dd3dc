import { CardCell } from "~/components/CardCell";
import { Link } from "@remix-run/react";
import { t, type MessageKey } from "~/i18n";
import { attendanceLabel, competencySourceLabel, courseKindLabel, levelLabel, resultLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatHours } from "~/utils/format";

type Dateish = string | Date;

export type TrainingRecordData = {
  trainings: {
    key: string;
    title: string;
    kind: string;
    startDate: Dateish;
    endDate: Dateish;
    hours: number;
    attendance: string | null;
    result: string | null;
    score: number | null;
    external: boolean;
  }[];
  totalHours: number;
  certificates: {
    id: string;
    title: string;
    number: string;
    issuedOn: Dateish;
    expiresOn: Dateish | null;
    file: string | null;
    expired: boolean;
  }[];
  competencies: { level: string; source: string; acquiredOn: Dateish; competency: { id: string; name: string } }[];
  gaps: string[];
};

/** A member's training path: gaps, trainings with hours, certificates, competencies. */
export function TrainingRecordView({ record }: { record: TrainingRecordData }) {
  return (
    <>
      {record.gaps.length ? (
        <section className="notice" data-testid="training-gaps">
          <strong>{t("trainings.member.gaps")}</strong>
          <ul>
            {record.gaps.map((gap) => (
              <li key={gap}>{t(`trainings.member.gap.${gap}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("trainings.member.history")}</h2>
        <p>{t("trainings.member.totalHours", { hours: formatHours(record.totalHours) })}</p>
        {record.trainings.length === 0 ? (
          <p>{t("trainings.member.noHistory")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="training-history">
              <thead>
                <tr>
                  <th>{t("trainings.column.course")}</th>
                  <th>{t("trainings.column.date")}</th>
                  <th>{t("trainings.column.hours")}</th>
                  <th>{t("trainings.column.attendance")}</th>
                  <th>{t("trainings.column.result")}</th>
                </tr>
              </thead>
              <tbody>
                {record.trainings.map((tr) => (
                  <tr key={tr.key}>
                    <CardCell label={t("trainings.column.course")}>
                      {tr.title}
                      <br />
                      <small className="muted">
                        {courseKindLabel(tr.kind)}
                        {tr.external ? ` · ${t("trainings.member.externalMark")}` : ""}
                      </small>
                    </CardCell>
                    <CardCell label={t("trainings.column.date")}>
                      {t("trainings.dates", { start: formatCalendarDateShort(tr.startDate), end: formatCalendarDateShort(tr.endDate) })}
                    </CardCell>
                    <CardCell label={t("trainings.column.hours")}>{formatHours(tr.hours)}</CardCell>
                    <CardCell label={t("trainings.column.attendance")}>{tr.external ? "–" : attendanceLabel(tr.attendance)}</CardCell>
                    <CardCell label={t("trainings.column.result")}>
                      {tr.external ? "–" : `${resultLabel(tr.result)}${tr.score !== null ? ` (${formatHours(tr.score)})` : ""}`}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t("trainings.member.certificates")}</h2>
        {record.certificates.length === 0 ? (
          <p>{t("trainings.member.noCertificates")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="certificates">
              <thead>
                <tr>
                  <th>{t("trainings.column.certificate")}</th>
                  <th>{t("trainings.column.certNumber")}</th>
                  <th>{t("trainings.column.expires")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {record.certificates.map((c) => (
                  <tr key={c.id}>
                    <CardCell label={t("trainings.column.certificate")}>{c.title}</CardCell>
                    <CardCell label={t("trainings.column.certNumber")} className="mono">
                      {c.number}
                    </CardCell>
                    <CardCell label={t("trainings.column.expires")}>
                      {c.expiresOn ? formatCalendarDateShort(c.expiresOn) : t("trainings.noExpiry")}
                      {c.expired ? <strong> ({t("trainings.dashboard.expired").toLowerCase()})</strong> : null}
                    </CardCell>
                    <CardCell label={t("trainings.certificate.download")}>
                      {c.file ? <a href={`/trainings/certificates/${c.id}/file`}>{t("trainings.certificate.download")}</a> : null}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t("trainings.member.competencies")}</h2>
        {record.competencies.length === 0 ? (
          <p>{t("trainings.member.noCompetencies")}</p>
        ) : (
          <ul className="plain-list" data-testid="competencies">
            {record.competencies.map((c) => (
              <li key={c.competency.id}>
                <strong>{c.competency.name}</strong>: {levelLabel(c.level)}{" "}
                <span className="muted">
                  ({competencySourceLabel(c.source)}, {formatCalendarDateShort(c.acquiredOn)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

type EventRow = {
  id: string;
  startDate: Dateish;
  endDate: Dateish;
  place: string;
  participantCount: number;
  course: { name: string; kind: string };
};

/** Training events in a table, each linking to its page when `linked`. */
export function EventTable({ events, linked, testId }: { events: EventRow[]; linked: boolean; testId?: string }) {
  if (events.length === 0) return <p>{t("trainings.board.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("trainings.column.course")}</th>
            <th>{t("trainings.column.date")}</th>
            <th>{t("trainings.column.place")}</th>
            <th>{t("trainings.column.participants")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <CardCell label={t("trainings.column.course")}>
                {linked ? <Link to={`/trainings/events/${e.id}`}>{e.course.name}</Link> : e.course.name}
              </CardCell>
              <CardCell label={t("trainings.column.date")}>
                {t("trainings.dates", { start: formatCalendarDateShort(e.startDate), end: formatCalendarDateShort(e.endDate) })}
              </CardCell>
              <CardCell label={t("trainings.column.place")}>{e.place}</CardCell>
              <CardCell label={t("trainings.column.participants")}>{e.participantCount}</CardCell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
