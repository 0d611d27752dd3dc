// The member card forms on the member page: issue a new card, or revoke one with a reason.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { REVOKE_REASON_MAX } from "./member-card-state";
export { REVOKE_REASON_MAX, CARD_HOLDER_STATUSES, mayHoldCard } from "./member-card-state";

export const cardActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("issue") }),
  z.object({
    intent: z.literal("revoke"),
    cardId: z.string().trim().min(1),
    reason: z
      .string()
      .trim()
      .min(1, t("cards.revokeReasonRequired"))
      .max(REVOKE_REASON_MAX, t("cards.revokeReasonTooLong", { max: REVOKE_REASON_MAX })),
  }),
]);
export type CardActionData = z.infer<typeof cardActionSchema>;
