import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { boardComposition } from "~/domain/leadership/leadership.server";
import { t } from "~/i18n";
import { renderBoardStructurePdf } from "~/documents/pdf/render.server";
import { fileResponse } from "~/utils/file-response.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /leadership/:id/structure.pdf: the susunan pengurus of a period, for the Dinas Sosial and for printing.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:leadership:chapter");
  const composition = await boardComposition(user.chapter.id, params.id ?? "", user.chapter.timeZone);
  if (!composition) notFound();
  const chapter = await getChapterLetterhead(user.chapter.id);
  const { period, day, holders } = composition;
  const pdf = await renderBoardStructurePdf({ chapter, period, day, holders, generatedAt: new Date() });
  const slug = period.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return fileResponse(pdf, { type: "pdf", fileName: t("leadership.pdf.fileName", { code: chapter.code.toLowerCase(), period: slug }) });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
