import type { ActionFunctionArgs } from "@remix-run/node";
import { PHOTO_MAX_BYTES, saveMemberPhoto, type PhotoUpload } from "~/domain/members/photos.server";
import { refusalResponse } from "~/http/outcome.server";
import { notFound, requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { readMultipart } from "~/utils/uploads.server";

/** Reads the multipart body in memory; a part over 2 MB (+ margin) is refused as too big. */
async function readPhotoField(request: Request): Promise<PhotoUpload | null | "tooBig"> {
  const form = await readMultipart(request, PHOTO_MAX_BYTES);
  if (form === "tooBig") return "tooBig";
  const file = form.get("photo");
  if (!(file instanceof File)) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, size: file.size };
}

// POST /members/:id/photo (multipart, field "photo"): the photo for the member card.
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}`;
  const file = await readPhotoField(request);
  if (file === "tooBig") return redirectWithToast(back, "error", "photo.error.size");
  const result = await saveMemberPhoto(actor, memberId, file);
  if (!result.ok) {
    // A photo that cannot be used: back to the member page, saying why; forbidden and not found are the error page.
    if (result.refusal === "invalid") return redirectWithToastText(back, "error", result.fieldErrors.photo ?? "");
    throw refusalResponse(result);
  }
  return redirectWithToast(back, "success", "photo.saved");
}

// A member or period that is not there answers with the Indonesian error page.
export const action = fileRoute(act);

// Only the upload form posts here; there is no page.
export const loader = fileRoute(async () => notFound());
