import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DOCUMENT_MAX_BYTES, type DocumentError } from "~/domain/shared/scans.server";
import { readSkScan, saveSkScan } from "~/domain/leadership/sk.server";
import type { MessageKey } from "~/i18n";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { fileRoute } from "~/http/resource-errors.server";

const SK_ERRORS: Record<DocumentError | "storage", MessageKey> = {
  missing: "leadership.sk.error.missing",
  type: "leadership.sk.error.type",
  size: "leadership.sk.error.size",
  storage: "upload.storageFault",
};

// GET /leadership/:id/sk: the scanned decree, for anyone who may see the board.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:leadership:chapter");
  const scan = unwrap(await readSkScan(actor, params.id ?? ""));
  return fileResponse(scan.bytes, { type: scan.type, fileName: scan.name, disposition: "inline" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);

// POST /leadership/:id/sk (multipart, field "sk"): upload or replace the scan.
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const periodId = params.id ?? "";
  const back = `/leadership/${encodeURIComponent(periodId)}`;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig") return redirectWithToast(back, "error", SK_ERRORS.size);
  const file = await fileField(form, "sk");
  const result = await saveSkScan(actor, periodId, file);
  if (!result.ok) {
    if ("error" in result) return redirectWithToast(back, "error", SK_ERRORS[result.error]);
    unwrap(result);
  }
  return redirectWithToast(back, "success", "leadership.sk.saved");
}

// A member or period that is not there answers with the Indonesian error page.
export const action = fileRoute(act);
