import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { listMembers } from "~/domain/members.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, formatNumber, maskNik } from "~/utils/format";
import { hasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("members.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:member:chapter");
  const url = new URL(request.url);
  const search = url.searchParams.get("q") ?? "";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const result = await listMembers({ chapterId: user.chapter.id, page, search });
  return {
    chapterName: user.chapter.name,
    search,
    canExport: hasPermission(user.permissions, "export:member:chapter"),
    ...result,
    // NIK is masked in lists; the member page (membership issue) shows it whole to those allowed.
    members: result.members.map(({ nik, ...m }) => ({ ...m, nikMasked: maskNik(nik) })),
  };
}

export default function MembersPage() {
  const d = useLoaderData<typeof loader>();
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(d.search ? { q: d.search } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title={t("members.title")}
        intro={t("members.intro", { chapter: d.chapterName })}
        actions={
          d.canExport ? (
            <a className="button" href="/members.pdf" download>
              {t("members.pdf")}
            </a>
          ) : null
        }
      />
      <Form method="get" className="search" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t("members.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={d.search} placeholder={t("members.search")} />
        <button type="submit" className="button">
          {t("members.searchSubmit")}
        </button>
      </Form>
      <p>{t("members.count", { count: formatNumber(d.total) })}</p>
      {d.members.length === 0 ? (
        <p className="notice">{t("members.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("members.col.name")}</th>
                <th scope="col">{t("members.col.nik")}</th>
                <th scope="col">{t("members.col.village")}</th>
                <th scope="col">{t("members.col.status")}</th>
                <th scope="col">{t("members.col.joinDate")}</th>
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.fullName}</td>
                  <td className="mono">{m.nikMasked}</td>
                  <td>{m.village.name}</td>
                  <td>{memberStatusLabel(m.status)}</td>
                  <td>{formatCalendarDateShort(m.joinDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 ? (
        <nav className="pager" aria-label={t("members.page", { page: d.page, pages: d.pages })}>
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>{t("members.prev")}</Link> : <span />}
          <span>{t("members.page", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>{t("members.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
