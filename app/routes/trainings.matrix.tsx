import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { listChapterDistricts } from "~/domain/leadership/positions.server";
import { competencyMatrix } from "~/domain/trainings/competencies.server";
import { t } from "~/i18n";
import { levelLabel } from "~/i18n/labels";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { parsePage } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("trainings.matrix.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const params = new URL(request.url).searchParams;
  const districtCode = params.get("kecamatan") || null;
  const page = parsePage(params.get("page"));
  const [matrix, districts] = await Promise.all([competencyMatrix(actor, { districtCode, page }), listChapterDistricts(actor.chapterId)]);
  const { ok: _ok, ...shown } = unwrap(matrix);
  return { ...shown, districts, districtCode };
}

export default function MatrixPage() {
  const { competencies, rows, total, page, pageCount, districts, districtCode } = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(districtCode ? { kecamatan: districtCode } : {}), ...extra }).toString();
  return (
    <>
      <PageHeader
        title={t("trainings.matrix.title")}
        intro={t("trainings.matrix.intro")}
        actions={
          <a className="button" href={`/trainings/matrix.xlsx?${query({})}`} download>
            {t("trainings.matrix.export")}
          </a>
        }
      />
      <Form method="get" className="inline-form card">
        <label>
          {t("trainings.column.district")}
          <select name="kecamatan" defaultValue={districtCode ?? ""}>
            <option value="">{t("trainings.matrix.allDistricts")}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("trainings.matrix.filter")}
        </button>
      </Form>
      <section className="card">
        <p data-testid="matrix-count">{t("trainings.matrix.count", { count: total })}</p>
        <div className="table-wrap">
          <table className="table" data-testid="matrix">
            <thead>
              <tr>
                <th>{t("trainings.column.name")}</th>
                <th>{t("trainings.column.district")}</th>
                {competencies.map((c) => (
                  <th key={c.id}>{c.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/members/${r.id}/trainings`}>{r.fullName}</Link>
                  </td>
                  <td>{r.district}</td>
                  {competencies.map((c) => (
                    <td key={c.id}>{r.levels[c.id] ? levelLabel(r.levels[c.id]!) : ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pageCount > 1 ? (
          <nav className="pager">
            {page > 1 ? <Link to={`?${query({ page: String(page - 1) })}`}>‹</Link> : null}
            <span>
              {page} / {pageCount}
            </span>
            {page < pageCount ? <Link to={`?${query({ page: String(page + 1) })}`}>›</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
