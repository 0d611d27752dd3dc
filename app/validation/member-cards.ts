// The member card forms on the member page: issue a new card, or revoke one with a reason.
import { z } from "~/validation/zod";
import { t } from "~/i18n";

export const REVOKE_REASON_MAX = 200;

/** Only candidates and active members hold a card; leaving the association revokes it. */
export const CARD_HOLDER_STATUSES = ["calon", "aktif"] as const;

export function mayHoldCard(status: string): boolean {
  return (CARD_HOLDER_STATUSES as readonly string[]).includes(status);
}

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
