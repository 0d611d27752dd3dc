import type { ActionFunctionArgs } from "@remix-run/node";
import { PHOTO_MAX_BYTES, saveMemberPhoto, type PhotoError, type PhotoUpload } from "~/domain/members/photos.server";
import type { MessageKey } from "~/i18n";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { documentErrorPage, fileRoute } from "~/utils/resource-errors.server";
import { redirectWithToast } from "~/utils/session.server";
import { readMultipart } from "~/utils/uploads.server";

const PHOTO_ERROR_MESSAGES: Record<PhotoError | "storage", MessageKey> = {
  type: "photo.error.type",
  size: "photo.error.size",
  unreadable: "photo.error.unreadable",
  missing: "photo.error.missing",
  storage: "upload.storageFault",
};

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
  const user = await requirePermission(request, "update:member:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}`;
  const file = await readPhotoField(request);
  if (file === "tooBig") return redirectWithToast(back, "error", PHOTO_ERROR_MESSAGES.size);
  const result = await saveMemberPhoto({ memberId, chapterId: user.chapter.id, actorId: user.id, file });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return redirectWithToast(back, "error", PHOTO_ERROR_MESSAGES[result.error]);
  }
  return redirectWithToast(back, "success", "photo.saved");
}

// A member or period that is not there answers with the Indonesian error page.
export const action = fileRoute(act);

// Only the upload form posts here; there is no page.
export async function loader() {
  return documentErrorPage(404);
}
