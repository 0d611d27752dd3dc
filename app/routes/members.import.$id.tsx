import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSubmit } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { commitImport, getImport, recheckImportSheet, type ImportDetail } from "~/domain/members/import-commit.server";
import type { ImportOutcome, ImportRowView } from "~/domain/members/import-parse.server";
import { t, type MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { ALL_SHEETS } from "~/validation/member-import";
import { formRefusal, refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import type { ImportStreamEvent } from "./members.import.$id.progress";

// GET /members/import/:id: the dry run's result: what was read of the file (sheet, other sheets,
// unrecognised and missing columns), then row by row. POST intent=commit: saves it all
// (without JavaScript; with it, the page streams the commit from ./progress to show progress);
// intent=finish: after a streamed commit, back to /members with the confirmation;
// intent=sheet: reads another sheet of the same workbook (or all) as a new dry run.

export const meta: MetaFunction = () => [{ title: `${t("import.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  return unwrap(await getImport(actor, params.id ?? "")).detail;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  const importId = params.id ?? "";
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "sheet") {
    const result = await recheckImportSheet(actor, importId, String(form.get("sheet") ?? ""));
    if (result.ok) return redirect(`/members/import/${result.importId}`);
    return formRefusal(result);
  }
  if (intent === "finish") {
    const { detail } = unwrap(await getImport(actor, importId));
    if (detail.status !== "committed") return redirectWithToast(`/members/import/${importId}`, "error", "import.error.commitFailed");
    return redirectWithToast("/members", "success", "import.done", { created: detail.counts.create, updated: detail.counts.update });
  }
  const result = await commitImport(actor, importId);
  if (result.ok) return redirectWithToast("/members", "success", "import.done", { created: result.created, updated: result.updated });
  // Refused by the import's state (committed, rows rejected, the registry changed): back to the page, saying why.
  if (result.refusal === "conflict") return redirectWithToastText(`/members/import/${importId}`, "error", result.message);
  throw refusalResponse(result);
}

const OUTCOME_LABEL: Record<ImportOutcome, MessageKey> = {
  create: "import.result.create",
  update: "import.result.update",
  unchanged: "import.result.unchanged",
  reject: "import.result.reject",
};

/** Posts the commit to ./progress and reads its stream of progress events. */
async function streamCommit(
  importId: string,
  onProgress: (done: number, total: number) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
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

/** What was read of the file: the sheet, the others (to choose from), the columns. */
function FileNotes({ id, file, formError }: { id: string; file: ImportDetail["file"]; formError?: string }) {
  const others = file.sheets.filter((s) => !file.sheetsRead.includes(s));
  const readAll = file.sheetsRead.length > 1;
  return (
    <section className="card import-file" aria-label={t("import.file.title")} style={{ overflowWrap: "anywhere" }}>
      {file.missingColumns.length ? (
        <p className="form-error" role="alert" data-testid="import-missing-columns">
          {t("import.file.missingColumns", { columns: file.missingColumns.join(", ") })}
        </p>
      ) : null}
      {file.nikColumnRounded ? (
        <p className="form-error" role="alert" data-testid="import-nik-rounded">
          {t("import.file.nikRounded")}
        </p>
      ) : null}
      {file.sheetsRead.length ? (
        <p data-testid="import-sheet-read">{t("import.file.sheetRead", { sheets: file.sheetsRead.join(", ") })}</p>
      ) : null}
      {others.length ? <p data-testid="import-other-sheets">{t("import.file.otherSheets", { sheets: others.join(", ") })}</p> : null}
      {file.sheetsWithoutHeader.length && (readAll || others.length) ? (
        <p className="muted">{t("import.file.withoutHeader", { sheets: file.sheetsWithoutHeader.join(", ") })}</p>
      ) : null}
      {file.canChooseSheet ? (
        <Form method="post" className="import-file__sheet">
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="sheet" />
          <div className="field">
            <label htmlFor={`sheet-${id}`}>{t("import.file.chooseSheet")}</label>
            <select id={`sheet-${id}`} name="sheet" defaultValue={readAll ? ALL_SHEETS : file.sheetsRead[0]}>
              {file.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
              <option value={ALL_SHEETS}>{t("import.file.allSheets")}</option>
            </select>
          </div>
          <button type="submit" className="button">
            {t("import.file.readSheet")}
          </button>
        </Form>
      ) : null}
      {file.encoding ? <p className="muted">{t("import.file.encoding", { encoding: t(`import.encoding.${file.encoding}`) })}</p> : null}
      {file.unknownColumns.length ? (
        <p className="notice" data-testid="import-unknown-columns">
          {t("import.file.unknownColumns", { columns: file.unknownColumns.map((c) => `"${c}"`).join(", ") })}
        </p>
      ) : null}
      {file.ignoredColumns.length ? (
        <p className="muted" data-testid="import-ignored-columns">
          {t("import.file.ignoredColumns", { columns: file.ignoredColumns.map((c) => `"${c}"`).join(", ") })}
        </p>
      ) : null}
    </section>
  );
}

export default function ImportResultPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  const toSave = d.counts.create + d.counts.update;
  return (
    <>
      <PageHeader title={t("import.result.title", { file: d.fileName })} />
      <FileNotes id={d.id} file={d.file} formError={formError} />
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
        <table className="table table--cards">
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
              <tr
                key={`${row.sheet ?? ""}-${row.rowNumber}`}
                className={`import-row import-row--${row.outcome}`}
                data-testid={row.sheet ? `import-row-${row.sheet}-${row.rowNumber}` : `import-row-${row.rowNumber}`}
              >
                <CardCell label={t("import.col.row")}>
                  {row.sheet ? t("import.rowInSheet", { row: row.rowNumber, sheet: row.sheet }) : row.rowNumber}
                </CardCell>
                <CardCell label={t("import.col.name")}>{row.fullName}</CardCell>
                <CardCell label={t("import.col.nik")} className="mono">
                  {row.nikMasked}
                </CardCell>
                <CardCell label={t("import.col.outcome")}>{t(OUTCOME_LABEL[row.outcome])}</CardCell>
                <CardCell label={t("import.col.notes")}>
                  <RowNotes row={row} />
                </CardCell>
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
