import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { boardComposition } from "~/domain/leadership/periods.server";
import { t } from "~/i18n";
import { renderBoardStructurePdf } from "~/documents/pdf/render.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /leadership/:id/structure.pdf: the susunan pengurus of a period, for the Dinas Sosial and for printing.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:leadership:chapter");
  const { period, day, holders } = unwrap(await boardComposition(actor, params.id ?? ""));
  const chapter = await getChapterLetterhead(actor.chapterId);
  const pdf = await renderBoardStructurePdf({ chapter, period, day, holders, generatedAt: new Date() });
  const slug = period.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return fileResponse(pdf, { type: "pdf", fileName: t("leadership.pdf.fileName", { code: chapter.code.toLowerCase(), period: slug }) });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
