import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useFetcher, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { commitImport, getImport, type ImportOutcome } from "~/domain/imports.server";
import { t, type MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: `${t("import.title")} · ${t("app.name")}` }];

const SHOWN_ROWS = 500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:member:chapter");
  const record = await getImport(user.chapter.id, params.id ?? "");
  if (!record) notFound();
  // Every rejected row, then the others up to a readable number.
  const rejected = record.rows.filter((r) => r.outcome === "reject");
  const others = record.rows.filter((r) => r.outcome !== "reject").slice(0, Math.max(0, SHOWN_ROWS - rejected.length));
  return { ...record, total: record.rows.length, rows: [...rejected, ...others].sort((a, b) => a.rowNumber - b.rowNumber) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:member:chapter");
  const result = await commitImport({ chapterId: user.chapter.id, actorId: user.id, importId: params.id ?? "" });
  if (result.ok) return redirectWithToast("/members", "success", "import.done", { created: result.created, updated: result.updated });
  if (result.reason === "missing") notFound();
  return redirectWithToast(`/members/import/${params.id}`, "error", `import.refused.${result.reason}` as MessageKey);
}

const OUTCOME_LABEL: Record<ImportOutcome, MessageKey> = {
  create: "import.result.create",
  update: "import.result.update",
  unchanged: "import.result.unchanged",
  reject: "import.result.reject",
};

function SavingProgress() {
  const { id } = useParams();
  const progress = useFetcher<{ done: number; total: number; finished: boolean }>();
  const { load } = progress;
  useEffect(() => {
    const timer = setInterval(() => load(`/members/import/${id}/progress`), 500);
    return () => clearInterval(timer);
  }, [id, load]);
  const done = progress.data?.done ?? 0;
  const total = progress.data?.total ?? 0;
  return (
    <div className="card" role="status" aria-live="polite">
      <progress max={total || 1} value={done} style={{ width: "100%" }} />
      <p>{t("import.result.saving", { done: formatNumber(done), total: formatNumber(total) })}</p>
    </div>
  );
}

export default function ImportResultPage() {
  const d = useLoaderData<typeof loader>();
  const saving = useNavigation().state === "submitting";
  const toSave = d.createCount + d.updateCount;
  return (
    <>
      <PageHeader title={t("import.result.title", { file: d.fileName })} />
      <section className="stats">
        {(
          [
            ["create", d.createCount],
            ["update", d.updateCount],
            ["unchanged", d.unchangedCount],
            ["reject", d.rejectCount],
          ] as const
        ).map(([outcome, count]) => (
          <div key={outcome} className="stat" data-testid={`import-${outcome}`}>
            <span className="stat__value">{formatNumber(count)}</span>
            <span className="stat__label">{t(OUTCOME_LABEL[outcome])}</span>
          </div>
        ))}
      </section>
      {d.status === "committed" ? (
        <p className="notice">{t("import.result.committed")}</p>
      ) : d.rejectCount > 0 ? (
        <p className="form-error" role="alert">
          {t("import.result.rejectedNote")}
        </p>
      ) : toSave === 0 ? (
        <p className="notice">{t("import.result.nothing")}</p>
      ) : saving ? (
        <SavingProgress />
      ) : (
        <Form method="post">
          <button type="submit" className="button button--primary">
            {t("import.result.commit", { count: formatNumber(toSave) })}
          </button>
        </Form>
      )}
      {d.total > d.rows.length ? <p className="muted">{t("import.result.shown", { shown: d.rows.length, total: d.total })}</p> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("import.col.row")}</th>
              <th scope="col">{t("import.col.name")}</th>
              <th scope="col">{t("import.col.nik")}</th>
              <th scope="col">{t("import.col.outcome")}</th>
              <th scope="col">{t("import.col.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((row) => (
              <tr key={row.rowNumber} className={`import-row import-row--${row.outcome}`} data-testid={`import-row-${row.rowNumber}`}>
                <td>{row.rowNumber}</td>
                <td>{row.fullName}</td>
                <td className="mono">{row.nikMasked}</td>
                <td>{t(OUTCOME_LABEL[row.outcome])}</td>
                <td>
                  <ul className="plain-list">
                    {[...row.reasons, ...row.warnings].map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                    {row.changedFields?.length ? (
                      <li>{t("import.col.changed", { fields: row.changedFields.map((f) => t(`members.field.${f}` as MessageKey)).join(", ") })}</li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
