import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { readSkScan, saveSkScan, SK_MAX_BYTES, type SkScanError, type SkUpload } from "~/domain/leadership-sk.server";
import type { MessageKey } from "~/i18n";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";

const SK_ERRORS: Record<SkScanError, MessageKey> = {
  missing: "leadership.sk.error.missing",
  type: "leadership.sk.error.type",
  size: "leadership.sk.error.size",
};

// GET /leadership/:id/sk: the scanned decree, for anyone who may see the board.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:leadership:chapter");
  const scan = await readSkScan(user.chapter.id, params.id ?? "");
  if (!scan) notFound();
  return new Response(scan.bytes, {
    headers: {
      "Content-Type": scan.type,
      "Content-Disposition": `inline; filename="${encodeURIComponent(scan.name)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

async function readSkField(request: Request): Promise<SkUpload | null | "tooBig"> {
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: SK_MAX_BYTES + 64 * 1024 }));
    const file = form.get("sk");
    if (!(file instanceof File)) return null;
    return { bytes: new Uint8Array(await file.arrayBuffer()), size: file.size };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooBig";
    throw error;
  }
}

// POST /leadership/:id/sk (multipart, field "sk"): upload or replace the scan.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:leadership:chapter");
  const periodId = params.id ?? "";
  const back = `/leadership/${periodId}`;
  const file = await readSkField(request);
  if (file === "tooBig") return redirectWithToast(back, "error", SK_ERRORS.size);
  const result = await saveSkScan({ chapterId: user.chapter.id, actorId: user.id, periodId, file });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return redirectWithToast(back, "error", SK_ERRORS[result.error]);
  }
  return redirectWithToast(back, "success", "leadership.sk.saved");
}
