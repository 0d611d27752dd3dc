import type { LoaderFunctionArgs } from "@remix-run/node";
import { readMemberPhoto } from "~/domain/photos.server";
import { hasPermission } from "~/utils/permissions";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";

// GET /members/:id/photo.jpg: the card photo, for the board and for the member themselves.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberId = params.id ?? "";
  const own = user.memberId === memberId && hasPermission(user.permissions, "read:member:own");
  if (!own && !hasPermission(user.permissions, "read:member:chapter")) forbidden();
  const photo = await readMemberPhoto(user.chapter.id, memberId);
  if (!photo) notFound();
  return new Response(new Uint8Array(photo), {
    headers: { "Content-Type": "image/jpeg", "Cache-Control": "private, max-age=300" },
  });
}
