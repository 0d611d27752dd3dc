import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCardSigns, getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { ensureActiveCards, recordCardExport } from "~/domain/members/cards.server";
import { attachPhotos } from "~/domain/members/photos.server";
import { pdfResponse, renderMemberCardsPdf } from "~/documents/pdf/render-cards.server";
import { getEnv } from "~/utils/env.server";
import { hasPermission } from "~/utils/permissions";
import { t } from "~/i18n";
import { forbidden, requireAnyPermission } from "~/utils/permissions.server";
import { fileRoute } from "~/utils/resource-errors.server";

// GET /members/:id/card.pdf: one member's card on one A4 page (issued on the spot when the
// member has no valid card). The board prints anyone's; a volunteer only their own.
async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, ["export:member:chapter", "read:member:own"]);
  const memberId = params.id ?? "";
  const isOwnCard = user.memberId === memberId && hasPermission(user.permissions, "read:member:own");
  if (!isOwnCard && !hasPermission(user.permissions, "export:member:chapter")) forbidden();

  const [card] = await ensureActiveCards({ memberIds: [memberId], chapterId: user.chapter.id, actorId: user.id });
  // No card for a member who may not hold one (no longer active), or who is not in the chapter.
  if (!card) throw new Response(t("cards.notForStatus"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [letterhead, signs] = await Promise.all([getChapterLetterhead(user.chapter.id), getCardSigns(user.chapter.id)]);
  const chapter = { ...letterhead, ...signs };
  const pdf = await renderMemberCardsPdf({ chapter, publicUrl: getEnv().PUBLIC_URL, cards: await attachPhotos([card]) });
  await recordCardExport({ chapterId: user.chapter.id, actorId: user.id, count: 1, memberId });
  return pdfResponse(pdf, `kartu-anggota-${(card.memberNumber ?? memberId).replace(/[^\w-]+/g, "-")}.pdf`);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
