// Revoking a member's cards inside another change (a status change, a merge): apart from the
// cards module so that the registry can call it without an import circle.
import { recordAudit } from "~/utils/audit.server";
import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** A card that is neither revoked nor expired at `now`. */
export function activeCardWhere(now: Date): Prisma.MemberCardWhereInput {
  return { revokedAt: null, validUntil: { gt: now } };
}

/** Revokes every still-valid card of a member, inside the caller's transaction (status changes, merges). */
export async function revokeActiveCardsInTx(
  tx: Tx,
  input: { memberId: string; chapterId: string; actorId: string; reason: string; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const { count } = await tx.memberCard.updateMany({
    where: { memberId: input.memberId, ...activeCardWhere(now) },
    data: { revokedAt: now, revokedReason: input.reason },
  });
  if (count > 0) {
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.card.revoke",
        entityType: "Member",
        entityId: input.memberId,
        after: { count, reason: input.reason },
      },
      tx,
    );
  }
  return count;
}
