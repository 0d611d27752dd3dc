import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCardSigns, getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { ensureActiveCards, listActiveMemberIds, MAX_CARDS_PER_PRINT, recordCardExport } from "~/domain/members/cards.server";
import { attachPhotos } from "~/domain/members/photos.server";
import { listMembersForPrint } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { pdfResponse, renderMemberCardsPdf } from "~/documents/pdf/render-cards.server";
import { getEnv } from "~/utils/env.server";
import { requirePermission } from "~/utils/permissions.server";
import { parseMemberFilters, type MemberFilters } from "~/validation/members";
import { fileRoute } from "~/utils/resource-errors.server";

const FILTER_PARAMS = ["q", "status", "kecamatan", "kelurahan", "jenis"];

function badRequest(message: string): never {
  throw new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** `ids=a,b,c` (at most 200), deduplicated; null when the parameter is absent. */
function parseIds(params: URLSearchParams): string[] | null {
  const raw = params.get("ids");
  if (raw === null) return null;
  const ids = [
    ...new Set(
      raw
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length > MAX_CARDS_PER_PRINT) badRequest(t("cards.tooMany", { max: MAX_CARDS_PER_PRINT }));
  return ids;
}

/** Which members to print: the given ids, else the member list's filters, else every active member. */
async function selectMembers(chapterId: string, params: URLSearchParams): Promise<{ ids: string[]; filters: MemberFilters | null }> {
  const ids = parseIds(params);
  if (ids) return { ids, filters: null };
  if (FILTER_PARAMS.some((name) => params.has(name))) {
    const filters = parseMemberFilters(params);
    return { ids: (await listMembersForPrint(chapterId, filters)).map((m) => m.id), filters };
  }
  return { ids: await listActiveMemberIds(chapterId), filters: null };
}

// GET /members/cards.pdf[?ids=a,b | ?<member list filters>]: cards for batch printing, five per
// A4 page; members without a valid card get one. Without parameters: all active members.
async function load({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const { ids, filters } = await selectMembers(user.chapter.id, new URL(request.url).searchParams);
  if (ids.length === 0) badRequest(t("cards.noneToPrint"));
  if (ids.length > MAX_CARDS_PER_PRINT) badRequest(t("cards.tooMany", { max: MAX_CARDS_PER_PRINT }));

  const cards = await ensureActiveCards({ memberIds: ids, chapterId: user.chapter.id, actorId: user.id });
  if (cards.length === 0) badRequest(t("cards.noneToPrint"));
  const [letterhead, signs] = await Promise.all([getChapterLetterhead(user.chapter.id), getCardSigns(user.chapter.id)]);
  const chapter = { ...letterhead, ...signs };
  const pdf = await renderMemberCardsPdf({ chapter, publicUrl: getEnv().PUBLIC_URL, cards: await attachPhotos(cards) });
  await recordCardExport({ chapterId: user.chapter.id, actorId: user.id, count: cards.length, filters });
  return pdfResponse(pdf, `kartu-anggota-${chapter.code.toLowerCase()}.pdf`);
}

// A refusal or a missing file answers with the Indonesian error page, never a bare "Not Found".
export const loader = fileRoute(load);
