import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { memberTrainingRecord } from "~/domain/trainings/trainings.server";
import { t } from "~/i18n";
import { pdfResponse, renderTrainingRecordPdf } from "~/documents/pdf/render.server";
import { hasPermission } from "~/utils/permissions";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /trainings/record.pdf: the signed-in member's training record; the board may ask for any
// member of the chapter with ?member=<id>.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:training:own");
  const asked = new URL(request.url).searchParams.get("member");
  const memberId = asked && hasPermission(user.permissions, "read:training:chapter") ? asked : user.memberId;
  if (!memberId) notFound();
  const record = await memberTrainingRecord(user.chapter.id, memberId, user.chapter.timeZone);
  if (!record) notFound();
  const chapter = await getChapterLetterhead(user.chapter.id);
  const pdf = await renderTrainingRecordPdf({ chapter, generatedAt: new Date(), ...record });
  return pdfResponse(pdf, t("trainings.pdf.fileName", { number: (record.member.memberNumber ?? record.member.id).toLowerCase() }));
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
