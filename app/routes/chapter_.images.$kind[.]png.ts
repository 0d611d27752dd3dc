import type { LoaderFunctionArgs } from "@remix-run/node";
import { readChapterImage } from "~/domain/chapters/chapters.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /chapter/images/logo.png | signature.png: the stored image, for the settings page's preview.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { png } = unwrap(await readChapterImage(actor, params.kind ?? ""));
  return fileResponse(png, { type: "png", cache: "private-hour" });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
