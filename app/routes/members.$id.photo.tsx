import type { ActionFunctionArgs } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { PHOTO_MAX_BYTES, saveMemberPhoto, type PhotoError } from "~/domain/photos.server";
import type { MessageKey } from "~/i18n";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";

// POST /members/:id/photo (multipart, field "photo"): the photo for the member card.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:member:chapter");
  const back = `/members/${params.id}`;
  const fail = (error: PhotoError) => redirectWithToast(back, "error", `photo.error.${error}` as MessageKey);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: PHOTO_MAX_BYTES + 1 }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail("size");
    throw error;
  }
  const file = form.get("photo");
  const result = await saveMemberPhoto({
    memberId: params.id ?? "",
    chapterId: user.chapter.id,
    actorId: user.id,
    file: file instanceof File && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type } : null,
  });
  if (!result.ok) return fail(result.error);
  return redirectWithToast(back, "success", "photo.saved");
}

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
