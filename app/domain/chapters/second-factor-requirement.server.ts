// The administrator's choice per chapter (issue 17, docs/decisions/024): board members whose
// positions reach money or personal data, and the administrator, must sign in with a second
// factor (`needsSecondFactor` in ~/domain/accounts/second-factor.server says who). Only the
// administrator (`manage:chapter:any`) sets it; audited.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/** Whether the chapter requires a second factor (the administrator's chapter page). */
export async function getSecondFactorRequirement(actor: Actor, chapterId: string): Promise<Outcome<{ requireSecondFactor: boolean }>> {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { requireSecondFactor: true } });
  return chapter ? ok(chapter) : notFound();
}

/** Requires (or stops requiring) a second factor in the chapter; audited when it changes. */
export async function setSecondFactorRequirement(
  actor: Actor,
  chapterId: string,
  required: boolean,
): Promise<Outcome<{ changed: boolean }>> {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  return db.$transaction(async (tx) => {
    const before = await tx.chapter.findUnique({ where: { id: chapterId }, select: { requireSecondFactor: true } });
    if (!before) return notFound();
    if (before.requireSecondFactor === required) return ok({ changed: false });
    await tx.chapter.update({ where: { id: chapterId }, data: { requireSecondFactor: required }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "chapter.second-factor",
        entityType: "Chapter",
        entityId: chapterId,
        before,
        after: { requireSecondFactor: required },
      },
      tx,
    );
    return ok({ changed: true });
  });
}
