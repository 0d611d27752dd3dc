// A user's own login (/profile): changing the password (the current one is needed; the other
// sessions end, so a stolen session does not outlive the change) and the sessions that are signed
// in, with a way to sign the others out. Every account may do this, with or without a member.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import type { Actor } from "~/domain/shared/actor.server";
import { invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import type { PasswordChangeData } from "~/validation/accounts";

/** The user's live sessions, newest first; the one making the request is marked. */
export async function listOwnSessions(actor: Actor, currentSessionId: string | null, now = new Date()) {
  const sessions = await db.session.findMany({
    where: { userId: actor.userId, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return sessions.map(({ id, ...s }) => ({ ...s, current: id === currentSessionId }));
}

/** Ends every session of the user but the current one; audited. */
export async function endOtherSessions(actor: Actor, currentSessionId: string | null): Promise<Outcome<{ ended: number }>> {
  const { count } = await db.session.deleteMany({
    where: { userId: actor.userId, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
  });
  if (count > 0) {
    await recordAudit({
      actorId: actor.userId,
      chapterId: actor.chapterId,
      action: "auth.sessions.end",
      entityType: "User",
      entityId: actor.userId,
      after: { ended: count },
    });
  }
  return ok({ ended: count });
}

/** Changes the user's password after checking the current one; the other sessions end. */
export async function changeOwnPassword(
  actor: Actor,
  data: PasswordChangeData,
  currentSessionId: string | null,
): Promise<Outcome<{ endedSessions: number }>> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, active: true } });
  if (!user?.active) return notFound();
  if (!(await verifyPassword(data.current, user.passwordHash))) return invalid({ current: t("accounts.error.currentWrong") });
  const passwordHash = await hashPassword(data.password);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({
      where: { userId: actor.userId, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "auth.password.change",
        entityType: "User",
        entityId: actor.userId,
        after: { sessionsEnded: count },
      },
      tx,
    );
    return count;
  });
  return ok({ endedSessions: ended });
}
