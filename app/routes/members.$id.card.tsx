import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { issueCard, revokeCard } from "~/domain/members/cards.server";
import { parseForm } from "~/utils/forms";
import { refusalResponse } from "~/http/outcome.server";
import { notFound, requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { cardActionSchema } from "~/validation/member-cards";

// POST /members/:id/card (from the card panel of the member page): intent=issue issues a new
// card (revoking the valid one); intent=revoke&cardId&reason revokes a card. Back to the member
// page with a toast.
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}`;
  const parsed = parseForm(cardActionSchema, await readFormData(request));
  if (!parsed.success) {
    const revoking = parsed.values.intent === "revoke";
    return redirectWithToast(back, "error", revoking ? "cards.revokeReasonRequired" : "cards.actionInvalid");
  }
  const result =
    parsed.data.intent === "revoke"
      ? await revokeCard(actor, { memberId, cardId: parsed.data.cardId, reason: parsed.data.reason })
      : await issueCard(actor, memberId);
  // A member who may not hold a card: back to the page, saying so; forbidden and not found are the error page.
  if (!result.ok) {
    if (result.refusal === "conflict") return redirectWithToastText(back, "error", result.message);
    throw refusalResponse(result);
  }
  return redirectWithToast(back, "success", parsed.data.intent === "revoke" ? "cards.revoked" : "cards.issued");
}

// Only the forms post here; there is no page.
export async function loader() {
  notFound();
}
