import { CardCell } from "~/components/CardCell";
import { countWaitingApplications } from "~/domain/members/applications.server";
import { parsePage } from "~/validation/fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { countOpenDuplicateFlags, listChapterVillages, listMembers, memberListRights } from "~/domain/members/members.server";
import { t, type MessageKey } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatNumber, maskNik } from "~/utils/format";
import { requireActor } from "~/http/permissions.server";
import { MEMBER_STATUSES, MEMBERSHIP_TYPES } from "~/validation/member-codes";
import { memberFiltersQuery } from "~/validation/member-values";
import { parseMemberFilters, type MemberFilters, type MemberSort } from "~/validation/members";

export const meta: MetaFunction = () => [{ title: `${t("members.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:member:chapter");
  const url = new URL(request.url);
  const filters = parseMemberFilters(url.searchParams);
  const page = parsePage(url.searchParams.get("page"));
  const [result, villages, duplicates, applications] = await Promise.all([
    listMembers(actor, { page, filters }),
    listChapterVillages(actor),
    // The duplicates page is only for those who may resolve them: no link that cannot work (0 for the others).
    countOpenDuplicateFlags(actor),
    countWaitingApplications(actor),
  ]);
  const districts = [...new Map(villages.map((v) => [v.parent?.code ?? "", v.parent?.name ?? ""])).entries()]
    .filter(([code]) => code)
    .map(([code, name]) => ({ code, name }));
  return {
    chapterName: result.chapterName,
    applications,
    filters,
    districts,
    villages: villages.filter((v) => !filters.districtCode || v.parent?.code === filters.districtCode),
    duplicates,
    can: memberListRights(actor),
    page: result.page,
    pages: result.pages,
    total: result.total,
    // The list always shows NIK masked; the whole NIK is shown on demand on the member's page,
    // to those allowed, and every such view is audited.
    members: result.members.map(({ nik, ...m }) => ({ ...m, nikMasked: maskNik(nik) })),
  };
}

export default function MembersPage() {
  const d = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string> = {}, filters: MemberFilters = d.filters) => memberFiltersQuery(filters, extra);
  const sortLink = (sort: MemberSort) =>
    query({}, { ...d.filters, sort, direction: d.filters.sort === sort && d.filters.direction === "asc" ? "desc" : "asc" });
  const sortMark = (sort: MemberSort) => (d.filters.sort === sort ? (d.filters.direction === "asc" ? " ▲" : " ▼") : "");
  const SortHeader = ({ sort, label }: { sort: MemberSort; label: MessageKey }) => (
    <th scope="col" aria-sort={d.filters.sort === sort ? (d.filters.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={sortLink(sort)} title={t("members.sortBy", { column: t(label) })}>
        {t(label)}
        {sortMark(sort)}
      </Link>
    </th>
  );
  return (
    <>
      <PageHeader
        title={t("members.title")}
        intro={t("members.intro", { chapter: d.chapterName })}
        actions={
          <>
            {d.can.create ? (
              <Link className="button button--primary" to="/members/new">
                {t("members.add")}
              </Link>
            ) : null}
            {d.applications > 0 ? (
              <Link className="button" to="/members/applications">
                {t("applications.link", { count: d.applications })}
              </Link>
            ) : null}
            {d.can.export || d.can.import || d.can.create ? (
              <details className="actions-menu">
                <summary className="button">{t("members.moreActions")}</summary>
                <div className="actions-menu__panel">
                  {d.can.export ? (
                    <>
                      <a href={`/members.pdf${query()}`} download>
                        {t("members.pdf")}
                      </a>
                      <a href={`/members/export.xlsx${query()}`} download>
                        {t("export.xlsx")}
                      </a>
                      <a href={`/members/export.csv${query()}`} download>
                        {t("export.csv")}
                      </a>
                      <a href={`/members/cards.pdf${query()}`} download>
                        {t("cards.printFiltered")}
                      </a>
                    </>
                  ) : null}
                  {d.can.import ? <Link to="/members/import">{t("import.link")}</Link> : null}
                  {d.can.create ? <Link to="/members/settings">{t("members.settings")}</Link> : null}
                </div>
              </details>
            ) : null}
          </>
        }
      />
      {d.duplicates > 0 ? (
        <p className="notice">
          <Link to="/members/duplicates">{t("members.duplicates.count", { count: d.duplicates })}</Link>
        </p>
      ) : null}
      <Form method="get" className="filters" role="search">
        <div className="filters__search">
          <label htmlFor="q" className="visually-hidden">
            {t("members.searchHint")}
          </label>
          <input id="q" name="q" type="search" defaultValue={d.filters.search ?? ""} placeholder={t("members.searchHint")} />
        </div>
        <label>
          <span>{t("members.filter.status")}</span>
          <select name="status" defaultValue={d.filters.status ?? ""}>
            <option value="">{t("members.filter.all")}</option>
            {MEMBER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {memberStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("members.filter.district")}</span>
          <select name="kecamatan" defaultValue={d.filters.districtCode ?? ""}>
            <option value="">{t("members.filter.all")}</option>
            {d.districts.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("members.filter.village")}</span>
          <select name="kelurahan" defaultValue={d.filters.villageCode ?? ""}>
            <option value="">{t("members.filter.all")}</option>
            {d.villages.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("members.filter.type")}</span>
          <select name="jenis" defaultValue={d.filters.membershipType ?? ""}>
            <option value="">{t("members.filter.all")}</option>
            {MEMBERSHIP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`member.type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {d.filters.sort !== "name" ? <input type="hidden" name="sort" value={d.filters.sort} /> : null}
        {d.filters.direction !== "asc" ? <input type="hidden" name="dir" value={d.filters.direction} /> : null}
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("members.filter.apply")}
          </button>
          <Link to="/members">{t("members.filter.reset")}</Link>
        </div>
      </Form>
      <p data-testid="members-count">{t("members.count", { count: formatNumber(d.total) })}</p>
      {d.members.length === 0 ? (
        <p className="notice">{t("members.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <SortHeader sort="name" label="members.col.name" />
                <SortHeader sort="number" label="members.field.memberNumber" />
                <th scope="col">{t("members.col.nik")}</th>
                <th scope="col">{t("members.col.village")}</th>
                <SortHeader sort="status" label="members.col.status" />
                <SortHeader sort="joinDate" label="members.col.joinDate" />
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.id}>
                  <CardCell label={t("members.col.name")}>
                    <Link to={`/members/${m.id}`}>{m.fullName}</Link>
                  </CardCell>
                  <CardCell label={t("members.field.memberNumber")} className="mono">
                    {m.memberNumber ?? "–"}
                  </CardCell>
                  <CardCell label={t("members.col.nik")} className="mono">
                    {m.nikMasked}
                  </CardCell>
                  <CardCell label={t("members.col.village")}>
                    {m.village.name}
                    {m.village.parent ? <small className="muted"> · {m.village.parent.name}</small> : null}
                  </CardCell>
                  <CardCell label={t("members.col.status")}>{memberStatusLabel(m.status)}</CardCell>
                  <CardCell label={t("members.col.joinDate")}>{formatCalendarDateShort(m.joinDate)}</CardCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 ? (
        <nav className="pager" aria-label={t("members.page", { page: d.page, pages: d.pages })}>
          {d.page > 1 ? <Link to={query({ page: String(d.page - 1) })}>{t("members.prev")}</Link> : <span />}
          <span>{t("members.page", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={query({ page: String(d.page + 1) })}>{t("members.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
