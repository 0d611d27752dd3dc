import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { issueCard, revokeCard } from "~/domain/members/cards.server";
import { memberStatus } from "~/domain/members/members.server";
import { parseForm } from "~/utils/forms";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { cardActionSchema } from "~/validation/member-cards";

// POST /members/:id/card (from the card panel of the member page): intent=issue issues a new
// card (revoking the valid one); intent=revoke&cardId&reason revokes a card. Back to the member
// page with a toast.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:member:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}`;
  const parsed = parseForm(cardActionSchema, await readFormData(request));
  if (!parsed.success) {
    const revoking = parsed.values.intent === "revoke";
    return redirectWithToast(back, "error", revoking ? "cards.revokeReasonRequired" : "cards.actionInvalid");
  }
  const base = { chapterId: user.chapter.id, actorId: user.id };
  if (parsed.data.intent === "revoke") {
    const revoked = await revokeCard({ ...base, memberId, cardId: parsed.data.cardId, reason: parsed.data.reason });
    if (!revoked) notFound();
    return redirectWithToast(back, "success", "cards.revoked");
  }
  const card = await issueCard({ ...base, memberId });
  if (!card) {
    if (!(await memberStatus(user.chapter.id, memberId))) notFound();
    return redirectWithToast(back, "error", "cards.notEligible");
  }
  return redirectWithToast(back, "success", "cards.issued");
}

// Only the forms post here; there is no page.
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
