// Ending a login: a deactivated login cannot sign in and its sessions end at once. Apart from the
// accounts list so that the member registry can call it (a member leaving) without an import
// circle; it needs only the database and the audit log.
import { recordAudit } from "~/utils/audit.server";
import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** Deactivates a login and ends its sessions, inside the caller's transaction; audited. Returns whether it was active. */
export async function deactivateUserInTx(
  tx: Tx,
  input: { userId: string; chapterId: string; actorId: string; reason: string },
): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: input.userId, active: true }, data: { active: false } });
  const sessions = await tx.session.deleteMany({ where: { userId: input.userId } });
  if (count === 0) return false;
  await recordAudit(
    {
      actorId: input.actorId,
      chapterId: input.chapterId,
      action: "user.deactivate",
      entityType: "User",
      entityId: input.userId,
      before: { active: true },
      after: { active: false, reason: input.reason, sessionsEnded: sessions.count },
    },
    tx,
  );
  return true;
}

/**
 * A member who leaves (status nonaktif, mengundurkan diri, meninggal, diberhentikan) loses their
 * login in the same change; a member becoming active again is not reactivated silently (the
 * board reactivates the login in /accounts).
 */
export async function deactivateLoginOfMemberInTx(
  tx: Tx,
  input: { memberId: string; chapterId: string; actorId: string; reason: string },
): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { memberId: input.memberId }, select: { id: true, active: true } });
  if (!user?.active) return false;
  return deactivateUserInTx(tx, { userId: user.id, chapterId: input.chapterId, actorId: input.actorId, reason: input.reason });
}
