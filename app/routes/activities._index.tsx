import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { ActivityTable } from "~/components/activities/ActivityTable";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { UnsentActivities } from "~/components/activities/UnsentActivities";
import type { RootLoaderData } from "~/root";
import {
  activityRights,
  listActivities,
  listOwnActivities,
  ownTotals,
  readingScope,
  queueSize,
} from "~/domain/activities/activities.server";
import { statusesText } from "~/domain/activities/export.server";
import { listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { listChapterDistricts } from "~/domain/leadership/positions.server";
import { listProgrammeNames } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { activityStatusLabel } from "~/i18n/labels";
import { formatHours, formatNumber } from "~/utils/format";
import { requireActor } from "~/http/permissions.server";
import { calendarToday } from "~/utils/dates";
import { parseBoardFilters } from "~/validation/activities";
import { ACTIVITY_STATUSES } from "~/validation/activity-codes";
import { parsePage } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("activities.title")} · ${t("app.name")}` }];

// /activities: a volunteer's own activities and totals; with chapter (or kecamatan) reading, the
// board's filtered list with totals, and the verification queue's size.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:own");
  const params = new URL(request.url).searchParams;
  const own = actor.memberId
    ? await Promise.all([listOwnActivities(actor, parsePage(params.get("p"))), ownTotals(actor)]).then(([list, totals]) => ({
        list,
        totals,
      }))
    : null;
  const { canLog, canManage, readsBoard } = activityRights(actor);
  if (!readsBoard) return { own, board: null, canLog, canManage };
  const filters = parseBoardFilters(params, calendarToday(actor.timeZone));
  const scope = readingScope(actor);
  const [list, queue, types, categories, districts, programmes] = await Promise.all([
    listActivities(actor, filters),
    queueSize(actor),
    listActivityTypes(actor.chapterId),
    listPpksCategories(actor.chapterId),
    listChapterDistricts(actor.chapterId),
    listProgrammeNames(actor.chapterId),
  ]);
  return {
    own,
    canLog,
    canManage,
    board: {
      list,
      statuses: statusesText(list.totals.statuses),
      queue,
      filters,
      types,
      categories,
      programmes,
      districts: scope ? districts.filter((d) => scope.districtCodes.includes(d.code)) : districts,
    },
  };
}

export default function ActivitiesPage() {
  const { own, board, canLog, canManage } = useLoaderData<typeof loader>();
  const userId = useRouteLoaderData<RootLoaderData>("root")?.user?.id;
  const { search } = useLocation();
  return (
    <>
      <PageHeader
        title={t("activities.title")}
        intro={t("activities.intro")}
        actions={
          <>
            {canLog ? (
              <Link className="button button--primary" to="/activities/new">
                {t("activities.list.new")}
              </Link>
            ) : null}
            <Link className="button" to="/activities/follow-ups">
              {t("activities.list.followUps")}
            </Link>
            {canManage ? (
              <Link className="button" to="/activities/settings">
                {t("activities.list.settings")}
              </Link>
            ) : null}
          </>
        }
      />
      {canLog && userId ? <UnsentActivities userId={userId} /> : null}
      {own ? (
        <>
          <section className="stats" aria-label={t("activities.list.own")} data-testid="own-totals">
            {(["month", "year"] as const).map((period) => (
              <div className="stat" key={period}>
                <span className="stat__label">{t(`activities.totals.${period}`)}</span>
                <span className="stat__value">{t("activities.totals.hours", { hours: formatHours(own.totals[period].hours) })}</span>
                <span className="stat__label">
                  {t("activities.totals.people", { people: formatNumber(own.totals[period].people) })} ·{" "}
                  {t("activities.totals.activities", { count: own.totals[period].activities })}
                </span>
              </div>
            ))}
          </section>
          <section className="card">
            <h2>{t("activities.list.own")}</h2>
            <ActivityTable rows={own.list.rows} showVolunteer={false} />
            <Pager page={own.list.page} pages={own.list.pageCount} param="p" />
          </section>
        </>
      ) : null}
      {board ? (
        <section className="card">
          <h2>{t("activities.list.all")}</h2>
          <p>
            <Link to="/activities/verification">{t("activities.list.queue", { count: board.queue })}</Link> ·{" "}
            <a href={`/activities/export.xlsx${search}`} download>
              {t("activities.list.export")}
            </a>
          </p>
          {/* As many columns as fit at 180 px or more: no select is squashed to its arrow. */}
          <Form
            method="get"
            className="filters"
            style={{ gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))" }}
            data-testid="activity-filters"
          >
            <label>
              {t("activities.filter.from")}
              <input type="date" name="from" defaultValue={board.filters.from ?? ""} />
            </label>
            <label>
              {t("activities.filter.to")}
              <input type="date" name="to" defaultValue={board.filters.to ?? ""} />
            </label>
            <label>
              {t("activities.filter.district")}
              <select name="kecamatan" defaultValue={board.filters.districtCode ?? ""}>
                <option value="">{t("activities.filter.all")}</option>
                {board.districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("activities.filter.type")}
              <select name="jenis" defaultValue={board.filters.typeId ?? ""}>
                <option value="">{t("activities.filter.all")}</option>
                {board.types.map((type) => (
                  <option key={type.id} value={type.id}>
                    {type.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("activities.filter.status")}
              <select name="status" defaultValue={board.filters.status ?? ""}>
                <option value="">{t("activities.filter.all")}</option>
                {ACTIVITY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {activityStatusLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("activities.filter.category")}
              <select name="kategori" defaultValue={board.filters.categoryId ?? ""}>
                <option value="">{t("activities.filter.all")}</option>
                {board.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            {board.programmes.length ? (
              <label>
                {t("activities.filter.programme")}
                <select name="program" defaultValue={board.filters.programmeId ?? ""}>
                  <option value="">{t("activities.filter.all")}</option>
                  {board.programmes.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button type="submit" className="button">
              {t("activities.filter.apply")}
            </button>
          </Form>
          <p data-testid="board-totals">
            {t("activities.totals.filtered", {
              count: formatNumber(board.list.total),
              hours: formatHours(board.list.totals.hours),
              people: formatNumber(board.list.totals.people),
              households: formatNumber(board.list.totals.households),
            })}
            <br />
            {t("activities.totals.statuses", { statuses: board.statuses })}
          </p>
          <ActivityTable rows={board.list.rows} showVolunteer showLocation />
          <Pager page={board.list.page} pages={board.list.pageCount} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
