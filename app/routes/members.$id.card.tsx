import type { ActionFunctionArgs } from "@remix-run/node";
import { issueCard, revokeCard } from "~/domain/cards.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";

// POST /members/:id/card: issue a new card, or revoke one (with a reason).
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:member:chapter");
  const memberId = params.id ?? "";
  const form = await request.formData();
  const back = `/members/${memberId}`;
  if (form.get("intent") === "revoke") {
    const reason = String(form.get("reason") ?? "").trim();
    if (!reason) return redirectWithToast(back, "error", "cards.revokeReasonRequired");
    const revoked = await revokeCard({ cardId: String(form.get("cardId") ?? ""), chapterId: user.chapter.id, actorId: user.id, reason });
    if (!revoked) notFound();
    return redirectWithToast(back, "success", "cards.revoked");
  }
  const card = await issueCard({ memberId, chapterId: user.chapter.id, actorId: user.id });
  if (!card) notFound();
  return redirectWithToast(back, "success", "cards.issued");
}

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
