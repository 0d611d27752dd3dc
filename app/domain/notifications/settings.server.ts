// A chapter's reminder settings (docs/decisions/029): the days after which waiting activities
// appear in the verification digest, the day of the month from which last month's report is due,
// and how many days ahead a certificate of competence's holder is warned. Set by the chapter's
// board (`update:chapter:chapter`: Ketua, Sekretaris) on /chapter/profile; audited.
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, ok, type Outcome } from "~/domain/shared/outcome.server";
import type { ReminderSettingsData } from "~/validation/notifications";

const reminderSelect = { verificationReminderDays: true, reportDueDay: true, certificateWarningDays: true } as const;

/** The chapter's reminder settings, for its board. */
export async function getReminderSettings(actor: Actor): Promise<Outcome<{ settings: ReminderSettingsData }>> {
  if (!can(actor, "update:chapter:chapter")) return forbidden();
  const settings = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: reminderSelect });
  return ok({ settings });
}

/** The board sets the chapter's reminder days; audited with the values before and after. */
export async function updateReminderSettings(actor: Actor, input: ReminderSettingsData): Promise<Outcome> {
  if (!can(actor, "update:chapter:chapter")) return forbidden();
  await db.$transaction(async (tx) => {
    const before = await tx.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: reminderSelect });
    const after = {
      verificationReminderDays: input.verificationReminderDays,
      reportDueDay: input.reportDueDay,
      certificateWarningDays: input.certificateWarningDays,
    };
    await tx.chapter.update({ where: { id: actor.chapterId }, data: after, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.reminder-settings",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before,
        after,
      },
      tx,
    );
  });
  return ok();
}
