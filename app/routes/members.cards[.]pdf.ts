import type { LoaderFunctionArgs } from "@remix-run/node";
import { ensureActiveCards } from "~/domain/cards.server";
import { getChapterLetterhead } from "~/domain/chapters.server";
import { listMembersForPrint, recordMemberExport } from "~/domain/members.server";
import { readPhotoFile } from "~/domain/photos.server";
import { t } from "~/i18n";
import { pdfResponse, renderMemberCardsPdf } from "~/pdf/render.server";
import { getEnv } from "~/utils/env.server";
import { requirePermission } from "~/utils/permissions.server";
import { parseMemberFilters } from "~/validation/members";

const MAX_CARDS = 500;

// GET /members/cards.pdf[?filters]: cards of the filtered list, five per A4 page, for batch printing.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:member:chapter");
  const filters = parseMemberFilters(new URL(request.url).searchParams);
  const members = await listMembersForPrint(user.chapter.id, filters);
  if (members.length > MAX_CARDS) {
    throw new Response(t("cards.tooMany", { max: MAX_CARDS }), { status: 400 });
  }
  const [cards, chapter] = await Promise.all([
    ensureActiveCards({ memberIds: members.map((m) => m.id), chapterId: user.chapter.id, actorId: user.id }),
    getChapterLetterhead(user.chapter.id),
  ]);
  const withPhotos = await Promise.all(
    cards.map(async (card) => ({ ...card, photo: card.photoFile ? await readPhotoFile(card.photoFile) : null })),
  );
  const pdf = await renderMemberCardsPdf({ chapter, publicUrl: getEnv().PUBLIC_URL, cards: withPhotos });
  await recordMemberExport({ chapterId: user.chapter.id, actorId: user.id, format: "cards", count: cards.length, filters });
  return pdfResponse(pdf, `kartu-anggota-${chapter.code.toLowerCase()}.pdf`);
}
