import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useSubmit } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { commitImport, getImport, type ImportOutcome, type ImportRowView } from "~/domain/member-import.server";
import { t, type MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import type { ImportStreamEvent } from "./members.import.$id.progress";

// GET /members/import/:id: the dry run's result, row by row. POST intent=commit: saves it all
// (without JavaScript; with it, the page streams the commit from ./progress to show progress)
// and intent=finish: after a streamed commit, back to /members with the confirmation.

export const meta: MetaFunction = () => [{ title: `${t("import.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:member:chapter");
  const record = await getImport(user.chapter.id, params.id ?? "");
  if (!record) notFound();
  return record;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:member:chapter");
  const importId = params.id ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent === "finish") {
    const record = await getImport(user.chapter.id, importId);
    if (!record) notFound();
    if (record.status !== "committed") return redirectWithToast(`/members/import/${importId}`, "error", "import.error.commitFailed");
    return redirectWithToast("/members", "success", "import.done", { created: record.counts.create, updated: record.counts.update });
  }
  const result = await commitImport({ chapterId: user.chapter.id, actorId: user.id, importId });
  if (result.ok) return redirectWithToast("/members", "success", "import.done", { created: result.created, updated: result.updated });
  if (result.reason === "missing") notFound();
  return redirectWithToast(`/members/import/${importId}`, "error", `import.refused.${result.reason}`, {
    rows: (result.rows ?? []).slice(0, 20).join(", "),
  });
}

const OUTCOME_LABEL: Record<ImportOutcome, MessageKey> = {
  create: "import.result.create",
  update: "import.result.update",
  unchanged: "import.result.unchanged",
  reject: "import.result.reject",
};

/** Posts the commit to ./progress and reads its stream of progress events. */
async function streamCommit(importId: string, onProgress: (done: number, total: number) => void): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch(`/members/import/${importId}/progress`, { method: "POST", headers: { Accept: "application/x-ndjson" } });
    if (!response.ok || !response.body) return { ok: false, message: t("import.error.commitFailed") };
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      buffer += value ?? "";
      for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
        const event = JSON.parse(buffer.slice(0, newline)) as ImportStreamEvent;
        buffer = buffer.slice(newline + 1);
        if (event.type === "progress") onProgress(event.done, event.total);
        else return event.ok ? { ok: true } : { ok: false, message: event.message };
      }
      if (done) break;
    }
  } catch {
    // the connection dropped: the page is reloaded below to show what happened
  }
  return { ok: false, message: t("import.error.connection") };
}

function CommitPanel({ importId, count }: { importId: string; count: number }) {
  const submit = useSubmit();
  const revalidator = useRevalidator();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function commitWithProgress(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (progress) return;
    setError(null);
    setProgress({ done: 0, total: count });
    const outcome = await streamCommit(importId, (done, total) => setProgress({ done, total }));
    if (outcome.ok) {
      submit({ intent: "finish" }, { method: "post" });
      return;
    }
    setProgress(null);
    setError(outcome.message);
    revalidator.revalidate();
  }

  if (progress) {
    return (
      <div className="card" role="status" aria-live="polite">
        <progress max={progress.total || 1} value={progress.done} aria-label={t("import.result.progress")} style={{ width: "100%" }} />
        <p>{t("import.result.saving", { done: formatNumber(progress.done), total: formatNumber(progress.total) })}</p>
      </div>
    );
  }
  return (
    <Form method="post" onSubmit={commitWithProgress} className="card">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted">{t("import.result.commitNote")}</p>
      <input type="hidden" name="intent" value="commit" />
      <button type="submit" className="button button--primary">
        {t("import.result.commit", { count: formatNumber(count) })}
      </button>
    </Form>
  );
}

function RowNotes({ row }: { row: ImportRowView }) {
  return (
    <ul className="plain-list">
      {row.reasons.map((note) => (
        <li key={`r-${note}`}>{note}</li>
      ))}
      {row.existingMember && row.outcome !== "reject" ? (
        <li>
          <Link to={`/members/${row.existingMember.id}`}>
            {t("import.result.updates", { name: row.existingMember.fullName, number: row.existingMember.memberNumber ?? "–" })}
          </Link>
        </li>
      ) : null}
      {row.changes?.length ? (
        <li>{t("import.col.changed", { fields: row.changes.map((f) => t(`import.field.${f}`)).join(", ") })}</li>
      ) : null}
      {row.warnings.map((note) => (
        <li key={`w-${note}`}>{note}</li>
      ))}
    </ul>
  );
}

export default function ImportResultPage() {
  const d = useLoaderData<typeof loader>();
  const toSave = d.counts.create + d.counts.update;
  return (
    <>
      <PageHeader title={t("import.result.title", { file: d.fileName })} />
      <section className="stats">
        {(["create", "update", "unchanged", "reject"] as const).map((outcome) => (
          <div key={outcome} className="stat" data-testid={`import-${outcome}`}>
            <span className="stat__value">{formatNumber(d.counts[outcome])}</span>
            <span className="stat__label">{t(OUTCOME_LABEL[outcome])}</span>
          </div>
        ))}
      </section>
      {d.status === "committed" ? (
        <p className="notice">{t("import.result.committed")}</p>
      ) : d.counts.reject > 0 ? (
        <>
          <p className="form-error" role="alert">
            {t("import.result.rejectedNote")}
          </p>
          <p>
            <Link className="button" to="/members/import">
              {t("import.result.again")}
            </Link>
          </p>
        </>
      ) : toSave === 0 ? (
        <p className="notice">{t("import.result.nothing")}</p>
      ) : (
        <CommitPanel key={d.id} importId={d.id} count={toSave} />
      )}
      {d.counts.total > d.rows.length ? (
        <p className="muted">{t("import.result.shown", { shown: formatNumber(d.rows.length), total: formatNumber(d.counts.total) })}</p>
      ) : null}
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
                  <RowNotes row={row} />
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
