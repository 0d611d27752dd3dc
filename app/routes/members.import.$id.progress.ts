import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Refusal } from "~/domain/shared/outcome.server";
import { commitImport, pollImportProgress } from "~/domain/members/import-commit.server";
import { unwrap } from "~/http/outcome.server";
import { t } from "~/i18n";
import { requireActor } from "~/http/permissions.server";

// GET  /members/import/:id/progress: how far a running commit has come, as JSON (for polling,
//   e.g. from another tab).
// POST /members/import/:id/progress: commits the import and streams its progress, one JSON
//   event per line (application/x-ndjson). The import page uses this: the progress arrives with
//   the commit itself, needing no further request or query while the transaction is open, and
//   the last event says how it ended.

export type ImportStreamEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; ok: true; created: number; updated: number }
  | { type: "done"; ok: false; message: string };

/** The sentence a refused commit carries (every refusal of commitImport has one). */
function refusalMessage(refusal: Refusal): string {
  if (refusal.refusal === "invalid") return refusal.formError ?? t("import.error.commitFailed");
  return refusal.message ?? t("import.error.commitFailed");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  const progress = unwrap(await pollImportProgress(actor, params.id ?? ""));
  const { ok: _ok, ...body } = progress;
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "import:member:chapter");
  const importId = params.id ?? "";
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: ImportStreamEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false; // the browser went away; the commit goes on
        }
      };
      try {
        const result = await commitImport(actor, importId, { onProgress: (done, total) => send({ type: "progress", done, total }) });
        send(
          result.ok
            ? { type: "done", ok: true, created: result.created, updated: result.updated }
            : { type: "done", ok: false, message: refusalMessage(result) },
        );
      } catch (error) {
        console.error(error);
        send({ type: "done", ok: false, message: t("import.error.commitFailed") });
      }
      if (open) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // no-transform keeps the compression middleware from holding the events back.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
