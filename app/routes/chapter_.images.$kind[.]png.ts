import type { LoaderFunctionArgs } from "@remix-run/node";
import { CHAPTER_IMAGE_KINDS, readChapterImage, type ChapterImageKind } from "~/domain/chapters/chapters.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /chapter/images/logo.png | signature.png: the stored image, for the settings page's preview.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:chapter:any");
  const kind = params.kind ?? "";
  if (!(CHAPTER_IMAGE_KINDS as readonly string[]).includes(kind)) notFound();
  const png = await readChapterImage(user.chapter.id, kind as ChapterImageKind);
  if (!png) notFound();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600" } });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
