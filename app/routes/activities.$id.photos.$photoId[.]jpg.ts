import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityPhotoFor } from "~/domain/activities/activities.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /activities/:id/photos/:photoId.jpg: an evidence photo, for those who may see the activity.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:own");
  const { photo } = unwrap(await activityPhotoFor(actor, params.id ?? "", params.photoId ?? ""));
  return fileResponse(photo, { type: "jpeg", cache: "private-hour" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
