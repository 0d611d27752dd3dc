// A chapter's activity rules: the closing rule (how many days back a volunteer may log) and
// whether follow-ups may keep a resident's NIK/KK; with the catalogue entries (activity types
// and the chapter's own PPKS categories, edited in ~/domain/catalogues), the settings page.
// Every change is audited.
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { listCatalogueEntries } from "~/domain/catalogues/catalogues.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, ok, type Outcome } from "~/domain/shared/outcome.server";

/** The settings page's contents: the rules, every activity type and the chapter's own categories (the board only). */
export async function getActivitySettings(actor: Actor) {
  if (!can(actor, "manage:activity:chapter")) return forbidden();
  const [chapter, entries] = await Promise.all([
    db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { activityClosingDays: true, keepCaseIdentifiers: true } }),
    listCatalogueEntries(actor.chapterId),
  ]);
  return ok({ settings: { ...chapter, ...entries } });
}

export async function updateActivitySettings(
  actor: Actor,
  input: { activityClosingDays: number; keepCaseIdentifiers: boolean },
): Promise<Outcome> {
  if (!can(actor, "manage:activity:chapter")) return forbidden();
  await db.$transaction(async (tx) => {
    const before = await tx.chapter.findUniqueOrThrow({
      where: { id: actor.chapterId },
      select: { activityClosingDays: true, keepCaseIdentifiers: true },
    });
    await tx.chapter.update({ where: { id: actor.chapterId }, data: input });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.activity-settings",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before,
        after: input,
      },
      tx,
    );
  });
  return ok();
}
