import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityPhotoFor, actorOf } from "~/domain/activities/activities.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /activities/:id/photos/:photoId.jpg: an evidence photo, for those who may see the activity.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:activity:own");
  const photo = await activityPhotoFor(actorOf(user), params.id ?? "", params.photoId ?? "");
  if (!photo) notFound();
  return new Response(new Uint8Array(photo), {
    headers: { "Content-Type": "image/jpeg", "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
