import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterLetterhead } from "~/domain/chapters.server";
import { ensureActiveCards } from "~/domain/cards.server";
import { readPhotoFile } from "~/domain/photos.server";
import { recordMemberExport } from "~/domain/members.server";
import { pdfResponse, renderMemberCardsPdf } from "~/pdf/render.server";
import { getEnv } from "~/utils/env.server";
import { hasPermission } from "~/utils/permissions";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";

// GET /members/:id/card.pdf: one member's card (the board; a volunteer for their own card).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberId = params.id ?? "";
  const own = user.memberId === memberId && hasPermission(user.permissions, "read:member:own");
  if (!own && !hasPermission(user.permissions, "export:member:chapter")) forbidden();
  const [cards, chapter] = await Promise.all([
    ensureActiveCards({ memberIds: [memberId], chapterId: user.chapter.id, actorId: user.id }),
    getChapterLetterhead(user.chapter.id),
  ]);
  const card = cards[0];
  if (!card) notFound();
  const pdf = await renderMemberCardsPdf({
    chapter,
    publicUrl: getEnv().PUBLIC_URL,
    cards: [{ ...card, photo: card.photoFile ? await readPhotoFile(card.photoFile) : null }],
  });
  await recordMemberExport({ chapterId: user.chapter.id, actorId: user.id, format: "card", count: 1 });
  return pdfResponse(pdf, `kartu-anggota-${(card.memberNumber ?? memberId).replace(/[^\w-]+/g, "-")}.pdf`);
}
