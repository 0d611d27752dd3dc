import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCardSigns, getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { memberCardToPrint, recordCardExport } from "~/domain/members/cards.server";
import { attachPhotos } from "~/domain/members/photos.server";
import { renderForRoute } from "~/workers/render-pool.server";
import { getEnv } from "~/utils/env.server";
import { fileResponse } from "~/http/file-response.server";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { fileRoute } from "~/http/resource-errors.server";

// GET /members/:id/card.pdf: one member's card on one A4 page (issued on the spot when the
// member has no valid card). The board prints anyone's; a volunteer only their own.
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["export:member:chapter", "read:member:own"]);
  const memberId = params.id ?? "";
  const { card } = unwrap(await memberCardToPrint(actor, memberId));
  const [letterhead, signs] = await Promise.all([getChapterLetterhead(actor.chapterId), getCardSigns(actor.chapterId)]);
  const chapter = { ...letterhead, ...signs };
  const pdf = await renderForRoute("memberCardsPdf", { chapter, publicUrl: getEnv().PUBLIC_URL, cards: await attachPhotos([card]) });
  await recordCardExport(actor, { count: 1, memberId });
  return fileResponse(pdf, { type: "pdf", fileName: `kartu-anggota-${(card.memberNumber ?? memberId).replace(/[^\w-]+/g, "-")}.pdf` });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
