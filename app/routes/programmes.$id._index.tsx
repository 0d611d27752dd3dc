import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/BarChart";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ProgressBar } from "~/components/ProgressBar";
import { programmeOverview } from "~/domain/programmes/overview.server";
import { t } from "~/i18n";
import { formatCalendarDateLong, formatHours, formatNumber, formatRupiah } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { agreementKindLabel } from "~/validation/programme-values";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.programme.name ?? t("programmes.title")} · ${t("app.name")}`,
  },
];

// /programmes/:id: the programme, its targets against what verified activities reached, its
// volunteers and hours; for the board and the coordinator also the money and the report.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  return unwrap(await programmeOverview(actor, params.id ?? ""));
}

export default function ProgrammePage() {
  const { programme: p, phase, actuals, totals, money, canEdit, canCurate, canLog } = useLoaderData<typeof loader>();
  // progress against a target counts only the reach in the target kelurahan
  const actualOf = new Map(actuals.byCategory.map((c) => [c.categoryId, c.inTarget]));
  return (
    <>
      <PageHeader
        title={p.name}
        intro={`${t(`programmes.phase.${phase}`)} · ${formatCalendarDateLong(p.startDate)} – ${formatCalendarDateLong(p.endDate)}`}
        actions={
          <>
            {canLog ? (
              <Link className="button button--primary" to={`/activities/new?program=${p.id}`}>
                {t("programmes.detail.log")}
              </Link>
            ) : null}
            {money ? (
              <Link className="button" to={`/programmes/${p.id}/money`}>
                {t("programmes.money.title")}
              </Link>
            ) : null}
            {canEdit ? (
              <Link className="button" to={`/programmes/${p.id}/edit`}>
                {t("programmes.detail.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card">
        <p>{p.goal}</p>
        <dl className="facts">
          <dt>{t("programmes.field.coordinator")}</dt>
          <dd>{p.coordinator.fullName}</dd>
          <dt>{t("programmes.column.partners")}</dt>
          <dd>
            {p.partners.length ? (
              <ul className="plain-list" data-testid="programme-partners">
                {p.partners.map((x) => (
                  <li key={x.partnerId}>
                    {x.partner.name}
                    {x.agreement ? ` · ${agreementKindLabel(x.agreement.kind)} ${x.agreement.number}` : ""}
                    {x.committed !== null
                      ? ` · ${t("programmes.detail.committed", {
                          amount: formatRupiah(x.committed),
                          received: formatRupiah(x.received ?? 0),
                        })}`
                      : ""}
                  </li>
                ))}
              </ul>
            ) : (
              t(`programmes.source.${p.fundingSource}`)
            )}
          </dd>
          <dt>{t("programmes.field.villages")}</dt>
          <dd>{p.villages.length ? p.villages.map((v) => v.village.name).join(", ") : "–"}</dd>
          <dt>{t("programmes.field.volunteers")}</dt>
          <dd>{p.volunteers.length ? p.volunteers.map((v) => v.member.fullName).join(", ") : "–"}</dd>
        </dl>
      </section>
      {totals ? (
        <section className="card" data-testid="money-summary">
          <h2>{t("programmes.detail.money")}</h2>
          <ProgressBar label={t("programmes.detail.realisation")} value={totals.spent} target={totals.budget} format={formatRupiah} />
          <dl className="facts">
            <dt>{t("programmes.money.budget")}</dt>
            <dd>{formatRupiah(totals.budget)}</dd>
            <dt>{t("programmes.money.received")}</dt>
            <dd>{formatRupiah(totals.received)}</dd>
            <dt>{t("programmes.money.spent")}</dt>
            <dd>{formatRupiah(totals.spent)}</dd>
            <dt>{t("programmes.money.remaining")}</dt>
            <dd>{formatRupiah(totals.remaining)}</dd>
            <dt>{t("programmes.money.balance")}</dt>
            <dd>{formatRupiah(totals.balance)}</dd>
          </dl>
          {totals.pendingReceived || totals.pendingSpent ? (
            <p className="notice">
              {t("programmes.money.pendingNote", {
                amount: formatRupiah(totals.pendingReceived + totals.pendingSpent),
              })}
            </p>
          ) : null}
          <p>
            <a href={`/programmes/${p.id}/report.pdf`}>{t("programmes.detail.reportPdf")}</a> ·{" "}
            <a href={`/programmes/${p.id}/report.xlsx`} download>
              {t("programmes.detail.reportXlsx")}
            </a>
          </p>
        </section>
      ) : null}
      <section className="card" data-testid="targets">
        <h2>{t("programmes.detail.targets")}</h2>
        <p className="muted">
          {t("programmes.detail.fromVerified", {
            activities: formatNumber(actuals.activities),
            hours: formatHours(actuals.volunteerHours),
          })}
        </p>
        {actuals.waiting ? <p className="notice">{t("programmes.detail.waiting", { count: actuals.waiting })}</p> : null}
        {actuals.outsideTarget.people > 0 ? (
          <p className="notice" data-testid="outside-target">
            {t("programmes.detail.outsideTarget", {
              people: formatNumber(actuals.outsideTarget.people),
              villages: actuals.outsideTarget.villages
                .map((v) =>
                  t("programmes.detail.outsideVillage", {
                    name: v.name,
                    people: formatNumber(v.people),
                  }),
                )
                .join(", "),
            })}
          </p>
        ) : null}
        {actuals.unassigned.volunteers.length > 0 ? (
          <p className="notice" data-testid="unassigned-hours">
            {t("programmes.detail.unassigned", {
              hours: formatHours(actuals.unassigned.hours),
              volunteers: actuals.unassigned.volunteers
                .map((v) =>
                  t("programmes.detail.unassignedVolunteer", {
                    name: v.fullName,
                    hours: formatHours(v.hours),
                  }),
                )
                .join(", "),
            })}
          </p>
        ) : null}
        {p.targets.length ? (
          p.targets.map((x) => (
            <ProgressBar key={x.categoryId} label={x.category.name} value={actualOf.get(x.categoryId) ?? 0} target={x.target} />
          ))
        ) : (
          <p>{t("programmes.detail.noTargets")}</p>
        )}
        {actuals.byCategory.length ? (
          <BarChart
            title={t("programmes.detail.reachChart")}
            rows={actuals.byCategory.map((c) => ({
              label: c.name,
              value: c.people,
            }))}
            testId="reach-chart"
          />
        ) : null}
      </section>
      {actuals.byVillage.length ? (
        <section className="card">
          <h2>{t("programmes.detail.byVillage")}</h2>
          <div className="table-wrap">
            <table className="table table--cards" data-testid="by-village">
              <thead>
                <tr>
                  <th>{t("activities.field.village")}</th>
                  <th className="num">{t("activities.column.people")}</th>
                  <th className="num">{t("programmes.detail.households")}</th>
                  <th className="num">{t("programmes.detail.activities")}</th>
                </tr>
              </thead>
              <tbody>
                {actuals.byVillage.map((v) => (
                  <tr key={v.villageCode}>
                    <CardCell label={t("activities.field.village")}>
                      {v.name}
                      {v.inTarget ? null : <span className="muted"> ({t("programmes.detail.notTarget")})</span>}
                    </CardCell>
                    <CardCell label={t("activities.column.people")} className="num">
                      {formatNumber(v.people)}
                    </CardCell>
                    <CardCell label={t("programmes.detail.households")} className="num">
                      {formatNumber(v.households)}
                    </CardCell>
                    <CardCell label={t("programmes.detail.activities")} className="num">
                      {formatNumber(v.activities)}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {actuals.volunteers.length ? (
        <section className="card">
          <h2>{t("programmes.detail.volunteerHours")}</h2>
          <div className="table-wrap">
            <table className="table table--cards" data-testid="volunteer-hours">
              <thead>
                <tr>
                  <th>{t("activities.column.volunteer")}</th>
                  <th className="num">{t("programmes.detail.activities")}</th>
                  <th className="num">{t("activities.column.hours")}</th>
                </tr>
              </thead>
              <tbody>
                {actuals.volunteers.map((v) => (
                  <tr key={v.memberId}>
                    <CardCell label={t("activities.column.volunteer")}>
                      {v.fullName}
                      {v.assigned ? null : <span className="muted"> ({t("programmes.detail.notAssigned")})</span>}
                    </CardCell>
                    <CardCell label={t("programmes.detail.activities")} className="num">
                      {formatNumber(v.activities)}
                    </CardCell>
                    <CardCell label={t("activities.column.hours")} className="num">
                      {formatHours(v.hours)}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {money || canCurate ? (
        <section className="card">
          <h2>{t("programmes.photos.title")}</h2>
          {p.photos.length ? (
            <div className="photos" data-testid="programme-photos">
              {p.photos.map((photo) => (
                <img
                  key={photo.photoId}
                  src={`/activities/${photo.activityId}/photos/${photo.photoId}.jpg`}
                  alt={t("programmes.photos.alt")}
                  loading="lazy"
                  width={160}
                />
              ))}
            </div>
          ) : (
            <p>{t("programmes.photos.none")}</p>
          )}
          {canCurate ? <Link to={`/programmes/${p.id}/photos`}>{t("programmes.photos.choose")}</Link> : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
