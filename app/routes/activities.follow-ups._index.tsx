import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { listFollowUps } from "~/domain/activities/follow-ups.server";
import { t } from "~/i18n";
import { formatCalendarDateShort, formatNumber } from "~/utils/format";
import { requireActor } from "~/http/permissions.server";
import { parseFollowUpFilter, type FollowUpFilter } from "~/validation/activities";
import { FOLLOW_UP_FILTERS } from "~/validation/activity-codes";
import { parsePage } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("followUps.title")} · ${t("app.name")}` }];

// /activities/follow-ups: the follow-ups the user may see (their own activities', or those of
// their scope), open ones by default, the NIK/KK masked.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:own");
  const params = new URL(request.url).searchParams;
  const filter = parseFollowUpFilter(params.get("status"));
  const page = parsePage(params.get("page"));
  return { filter, list: await listFollowUps(actor, filter, page) };
}

const filterLabel = (filter: FollowUpFilter) =>
  filter === "open" ? t("followUps.filter.open") : filter === "all" ? t("followUps.filter.all") : t(`activities.followUp.${filter}`);

export default function FollowUpsPage() {
  const { filter, list } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("followUps.title")} intro={t("followUps.intro")} />
      <section className="card">
        <Form method="get" className="filters">
          <label>
            {t("followUps.column.status")}
            <select name="status" defaultValue={filter}>
              {FOLLOW_UP_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {filterLabel(f)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("activities.filter.apply")}
          </button>
        </Form>
        <p data-testid="follow-up-count">{t("followUps.count", { count: formatNumber(list.total) })}</p>
        {list.rows.length === 0 ? (
          <p>{t("followUps.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="follow-ups">
              <thead>
                <tr>
                  <th>{t("followUps.column.opened")}</th>
                  <th>{t("followUps.column.institution")}</th>
                  <th>{t("followUps.column.status")}</th>
                  <th>{t("followUps.column.latest")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((f) => (
                  <tr key={f.id}>
                    <CardCell label={t("followUps.column.opened")}>
                      {formatCalendarDateShort(f.openedBy.date)}
                      <br />
                      <small className="muted">{f.openedBy.village.name}</small>
                    </CardCell>
                    <CardCell label={t("followUps.column.institution")}>
                      <Link to={`/activities/follow-ups/${f.id}`}>{f.institution}</Link>
                      <br />
                      <small>
                        {f.description}
                        {f.caseIdentifierMasked ? ` · NIK/KK ${f.caseIdentifierMasked}` : ""}
                      </small>
                    </CardCell>
                    <CardCell label={t("followUps.column.status")}>{t(`activities.followUp.${f.status}`)}</CardCell>
                    <CardCell label={t("followUps.column.latest")}>
                      {f.latest ? `${formatCalendarDateShort(f.latest.activity.date)}${f.latest.note ? ` · ${f.latest.note}` : ""}` : "–"}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={list.page} pages={list.pageCount} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
