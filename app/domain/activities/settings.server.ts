// A chapter's activity settings: the closing rule (how many days back a volunteer may log),
// whether follow-ups may keep a resident's NIK/KK, the chapter's activity types and its own PPKS
// categories. Types and categories are hidden, never deleted, so that past activities keep them.
// Every change is audited.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { ensureActivityCatalogue } from "./activities.server";
import type { FieldErrors } from "~/domain/shared/legacy-outcome.server";

type Actor = { userId: string; chapterId: string };

/** The settings page's contents: the rules, every activity type and the chapter's own categories. */
export async function getActivitySettings(chapterId: string) {
  await ensureActivityCatalogue(chapterId);
  const [chapter, types, categories] = await Promise.all([
    db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { activityClosingDays: true, keepCaseIdentifiers: true } }),
    db.activityType.findMany({ where: { chapterId }, select: { id: true, name: true, active: true }, orderBy: { sortOrder: "asc" } }),
    db.ppksCategory.findMany({
      where: { chapterId },
      select: { id: true, name: true, forChildren: true, active: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  return { ...chapter, types, categories };
}

export async function updateActivitySettings(actor: Actor, input: { activityClosingDays: number; keepCaseIdentifiers: boolean }) {
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
}

export type CatalogueKind = "type" | "category";

/** Adds an activity type or a chapter PPKS category, at the end of the list; names are unique. */
export async function addCatalogueEntry(
  actor: Actor,
  kind: CatalogueKind,
  input: { name: string; forChildren: boolean },
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    // Names are compared without regard to capitals ("fakir miskin" is "Fakir Miskin").
    const names =
      kind === "type"
        ? await tx.activityType.findMany({ where: { chapterId: actor.chapterId }, select: { name: true } })
        : await tx.ppksCategory.findMany({ where: { OR: [{ chapterId: null }, { chapterId: actor.chapterId }] }, select: { name: true } });
    const duplicate = names.some((n) => n.name.toLocaleLowerCase("id") === input.name.toLocaleLowerCase("id"));
    if (duplicate) return { ok: false as const, fieldErrors: { name: t("activities.settings.error.duplicate") } };
    let id: string;
    if (kind === "type") {
      const last = await tx.activityType.aggregate({ where: { chapterId: actor.chapterId }, _max: { sortOrder: true } });
      id = (
        await tx.activityType.create({
          data: { chapterId: actor.chapterId, name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 10 },
          select: { id: true },
        })
      ).id;
    } else {
      const last = await tx.ppksCategory.aggregate({
        where: { OR: [{ chapterId: null }, { chapterId: actor.chapterId }] },
        _max: { sortOrder: true },
      });
      id = (
        await tx.ppksCategory.create({
          data: {
            chapterId: actor.chapterId,
            name: input.name,
            forChildren: input.forChildren,
            sortOrder: (last._max.sortOrder ?? 0) + 10,
          },
          select: { id: true },
        })
      ).id;
    }
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: `activity.${kind}.add`,
        entityType: kind === "type" ? "ActivityType" : "PpksCategory",
        entityId: id,
        after: input,
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Hides an entry from the form (or shows it again); the national PPKS categories cannot be hidden. */
export async function setCatalogueEntryActive(actor: Actor, kind: CatalogueKind, id: string, active: boolean) {
  return db.$transaction(async (tx) => {
    const where = { id, chapterId: actor.chapterId };
    const found =
      kind === "type"
        ? await tx.activityType.updateMany({ where, data: { active } })
        : await tx.ppksCategory.updateMany({ where, data: { active } });
    if (found.count === 0) return null;
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: `activity.${kind}.${active ? "show" : "hide"}`,
        entityType: kind === "type" ? "ActivityType" : "PpksCategory",
        entityId: id,
      },
      tx,
    );
    const entry =
      kind === "type"
        ? await tx.activityType.findUnique({ where: { id }, select: { name: true } })
        : await tx.ppksCategory.findUnique({ where: { id }, select: { name: true } });
    return entry?.name ?? null;
  });
}
