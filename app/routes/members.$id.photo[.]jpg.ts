import type { LoaderFunctionArgs } from "@remix-run/node";
import { readMemberPhoto } from "~/domain/members/photos.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /members/:id/photo.jpg: the card photo, for the board and for the member themselves.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["read:member:chapter", "read:member:own"]);
  const { photo } = unwrap(await readMemberPhoto(actor, params.id ?? ""));
  return fileResponse(photo, { type: "jpeg", cache: "revalidate" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
