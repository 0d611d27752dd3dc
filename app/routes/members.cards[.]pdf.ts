import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCardSigns, getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { cardsToPrint, MAX_CARDS_PER_PRINT, recordCardExport, type CardSelection } from "~/domain/members/cards.server";
import { attachPhotos } from "~/domain/members/photos.server";
import { t } from "~/i18n";
import { renderForRoute } from "~/workers/render-pool.server";
import { getEnv } from "~/utils/env.server";
import { fileResponse } from "~/http/file-response.server";
import { badRequest, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { parseMemberFilters } from "~/validation/members";
import { fileRoute } from "~/http/resource-errors.server";

const FILTER_PARAMS = ["q", "status", "kecamatan", "kelurahan", "jenis"];

/** Which members to print: `ids=a,b,c` (at most 200, deduplicated), else the member list's filters, else every active member. */
function selectionOf(params: URLSearchParams): CardSelection {
  const raw = params.get("ids");
  if (raw !== null) {
    const ids = [
      ...new Set(
        raw
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length > MAX_CARDS_PER_PRINT) badRequest(t("cards.tooMany", { max: MAX_CARDS_PER_PRINT }));
    return { ids };
  }
  if (FILTER_PARAMS.some((name) => params.has(name))) return { filters: parseMemberFilters(params) };
  return { active: true };
}

// GET /members/cards.pdf[?ids=a,b | ?<member list filters>]: cards for batch printing, five per
// A4 page; members without a valid card get one. Without parameters: all active members.
async function load({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "export:member:chapter");
  const { cards, filters } = unwrap(await cardsToPrint(actor, selectionOf(new URL(request.url).searchParams)));
  const [letterhead, signs] = await Promise.all([getChapterLetterhead(actor.chapterId), getCardSigns(actor.chapterId)]);
  const chapter = { ...letterhead, ...signs };
  const pdf = await renderForRoute("memberCardsPdf", { chapter, publicUrl: getEnv().PUBLIC_URL, cards: await attachPhotos(cards) });
  await recordCardExport(actor, { count: cards.length, filters });
  return fileResponse(pdf, { type: "pdf", fileName: `kartu-anggota-${chapter.code.toLowerCase()}.pdf` });
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
