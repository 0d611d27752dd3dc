import type { LoaderFunctionArgs } from "@remix-run/node";
import { readMemberPhoto } from "~/domain/members/photos.server";
import { hasPermission } from "~/utils/permissions";
import { forbidden, notFound, requireAnyPermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /members/:id/photo.jpg: the card photo, for the board and for the member themselves.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, ["read:member:chapter", "read:member:own"]);
  const memberId = params.id ?? "";
  const isOwnPhoto = user.memberId === memberId && hasPermission(user.permissions, "read:member:own");
  if (!isOwnPhoto && !hasPermission(user.permissions, "read:member:chapter")) forbidden();
  const photo = await readMemberPhoto(user.chapter.id, memberId);
  if (!photo) notFound();
  return new Response(new Uint8Array(photo), {
    headers: {
      "Content-Type": "image/jpeg",
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
