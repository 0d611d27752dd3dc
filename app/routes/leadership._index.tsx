import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { CompositionTable } from "~/components/leadership/CompositionTable";
import { boardComposition, getActivePeriod, listPeriods } from "~/domain/leadership/periods.server";
import { canManageLeadership } from "~/domain/leadership/positions.server";
import { t } from "~/i18n";
import { periodStatusLabel } from "~/i18n/labels";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateLong, formatCalendarDateShort } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("leadership.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:leadership:chapter");
  const [periods, active] = await Promise.all([listPeriods(actor), getActivePeriod(actor)]);
  const composition = active ? unwrap(await boardComposition(actor, active.id)) : null;
  const today = calendarToday(actor.timeZone);
  return {
    periods,
    active: composition
      ? {
          id: composition.period.id,
          name: composition.period.name,
          day: composition.day,
          holders: composition.holders,
          expired: composition.period.endDate < today,
          endDate: composition.period.endDate,
        }
      : null,
    canManage: canManageLeadership(actor),
  };
}

export default function LeadershipPage() {
  const { periods, active, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("leadership.title")}
        intro={t("leadership.intro")}
        actions={
          canManage ? (
            <>
              <Link className="button button--primary" to="/leadership/new">
                {t("leadership.periods.add")}
              </Link>
              <Link className="button" to="/leadership/positions">
                {t("leadership.positions.link")}
              </Link>
            </>
          ) : null
        }
      />
      <section className="card">
        <h2>{active ? `${t("leadership.active.title")}: ${active.name}` : t("leadership.active.title")}</h2>
        {active ? (
          <>
            {active.expired ? (
              <p className="notice" role="status">
                {t("leadership.active.expired", { name: active.name, date: formatCalendarDateLong(active.endDate) })}
              </p>
            ) : null}
            <p className="muted">{t("leadership.detail.composition", { date: formatCalendarDateLong(active.day) })}</p>
            <CompositionTable rows={active.holders} />
            <p>
              <Link to={`/leadership/${active.id}`}>{t("leadership.open")}</Link> ·{" "}
              <a href={`/leadership/${active.id}/structure.pdf`}>{t("leadership.detail.pdf")}</a>
            </p>
          </>
        ) : (
          <p className="notice">{t("leadership.active.none")}</p>
        )}
      </section>
      <section className="card">
        <h2>{t("leadership.periods.title")}</h2>
        {periods.length === 0 ? (
          <p>{t("leadership.periods.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="periods">
              <thead>
                <tr>
                  <th>{t("leadership.column.period")}</th>
                  <th>{t("leadership.column.term")}</th>
                  <th>{t("leadership.column.sk")}</th>
                  <th>{t("leadership.column.status")}</th>
                  <th>{t("leadership.column.holders")}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.id}>
                    <CardCell label={t("leadership.column.period")}>
                      <Link to={`/leadership/${p.id}`}>{p.name}</Link>
                    </CardCell>
                    <CardCell label={t("leadership.column.term")}>
                      {t("leadership.term", { start: formatCalendarDateShort(p.startDate), end: formatCalendarDateShort(p.endDate) })}
                    </CardCell>
                    <CardCell label={t("leadership.column.sk")}>{p.skNumber ?? "–"}</CardCell>
                    <CardCell label={t("leadership.column.status")}>{periodStatusLabel(p.status)}</CardCell>
                    <CardCell label={t("leadership.column.holders")}>{p.holdingCount}</CardCell>
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
