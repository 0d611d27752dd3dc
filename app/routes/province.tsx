import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { provinceOverview, type ChapterFigures } from "~/domain/dashboard/province.server";
import { t } from "~/i18n";
import { formatCalendarDateShort, formatMonth, formatNumber } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("province.title")} · ${t("app.name")}` }];

// GET /province: the roll-up of a province chapter across the chapters under it (the board with
// read:report:chapter, and the administrator working in the province chapter).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:report:chapter");
  const overview = unwrap(await provinceOverview(actor));
  return { ...overview, timeZone: actor.timeZone };
}

type Row = { key: string; name: string; figures: ChapterFigures; total?: boolean };

const n = (v: number) => formatNumber(v);

export default function ProvincePage() {
  const d = useLoaderData<typeof loader>();
  const rows: Row[] = [
    ...d.rows.map((r) => ({ key: r.id, name: r.name, figures: r.figures })),
    ...(d.own ? [{ key: "own", name: d.province.name, figures: d.own }] : []),
  ];
  const all: Row[] = [...rows, { key: "total", name: t("province.total"), figures: d.total, total: true }];
  const month = formatMonth(d.windows.month.start, d.timeZone);
  const year = String(new Date(d.windows.year.start).getUTCFullYear());
  const lastMonth = formatMonth(d.windows.lastMonth.start, d.timeZone);
  const cell = (row: Row, content: string) => (row.total ? <strong>{content}</strong> : content);
  return (
    <>
      <PageHeader title={t("province.title")} intro={t("province.intro", { chapter: d.province.name })} />
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("province.membersTitle")}</h2>
        <div className="table-wrap">
          <table className="table table--cards" data-testid="province-members">
            <thead>
              <tr>
                <th>{t("province.col.chapter")}</th>
                <th className="num">{t("province.col.members")}</th>
                <th className="num">{t("province.col.candidates")}</th>
                <th className="num">{t("province.col.inactive")}</th>
              </tr>
            </thead>
            <tbody>
              {all.map((r) => (
                <tr key={r.key} data-row={r.key}>
                  <CardCell label={t("province.col.chapter")}>{cell(r, r.name)}</CardCell>
                  <CardCell label={t("province.col.members")} className="num">
                    {cell(r, n(r.figures.members.active))}
                  </CardCell>
                  <CardCell label={t("province.col.candidates")} className="num">
                    {cell(r, n(r.figures.members.candidates))}
                  </CardCell>
                  <CardCell label={t("province.col.inactive")} className="num">
                    {cell(r, n(r.figures.members.inactive))}
                  </CardCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {(
        [
          ["month", t("province.thisMonth", { period: month })],
          ["year", t("province.thisYear", { period: year })],
        ] as const
      ).map(([period, title]) => (
        <section key={period} aria-labelledby={`${period}-title`}>
          <h2 id={`${period}-title`}>{title}</h2>
          <div className="table-wrap">
            <table className="table table--cards" data-testid={`province-${period}`}>
              <thead>
                <tr>
                  <th>{t("province.col.chapter")}</th>
                  <th className="num">{t("province.col.activities")}</th>
                  <th className="num">{t("province.col.people")}</th>
                  <th className="num">{t("province.col.sent")}</th>
                  <th className="num">{t("province.col.received")}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((r) => (
                  <tr key={r.key} data-row={r.key}>
                    <CardCell label={t("province.col.chapter")}>{cell(r, r.name)}</CardCell>
                    <CardCell label={t("province.col.activities")} className="num">
                      {cell(r, n(r.figures[period].activities))}
                    </CardCell>
                    <CardCell label={t("province.col.people")} className="num">
                      {cell(r, n(r.figures[period].people))}
                    </CardCell>
                    <CardCell label={t("province.col.sent")} className="num">
                      {cell(r, n(r.figures[period].reportsSent))}
                    </CardCell>
                    <CardCell label={t("province.col.received")} className="num">
                      {cell(r, n(r.figures[period].reportsReceived))}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section aria-labelledby="missing-title">
        <h2 id="missing-title">{t("province.missing.title", { period: lastMonth })}</h2>
        {d.missing.length === 0 ? (
          <p>{t("province.missing.none", { period: lastMonth })}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="province-missing">
              <thead>
                <tr>
                  <th>{t("province.col.chapter")}</th>
                  <th>{t("province.missing.lastSent")}</th>
                </tr>
              </thead>
              <tbody>
                {d.missing.map((m) => (
                  <tr key={m.id}>
                    <CardCell label={t("province.col.chapter")}>{m.name}</CardCell>
                    <CardCell label={t("province.missing.lastSent")}>
                      {m.lastSentAt ? formatCalendarDateShort(m.lastSentAt, d.timeZone) : t("province.missing.never")}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
