// The catalogues several areas read: a chapter's activity types and the PPKS categories (the 26
// national ones and a chapter's own). Activities, programmes and reports read them from here, so
// that no area imports another for them. The board adds entries and hides them (never deletes
// them, so that past activities keep theirs); every change is audited.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { CHILDREN_PPKS_COUNT, DEFAULT_ACTIVITY_TYPES, NATIONAL_PPKS } from "~/validation/activities";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";

/** The chapters whose catalogue this process has seen in place. */
const catalogued = new Set<string>();

/** The chapter's activity types (the standard list the first time) and the national PPKS list. */
export async function ensureActivityCatalogue(chapterId: string) {
  // Entries are hidden, never deleted: once a chapter has its catalogue it keeps it, and the
  // pages that read it (every activity list and form) need not count it again (docs/decisions/035).
  if (catalogued.has(chapterId)) return;
  const [types, ppks] = await Promise.all([
    db.activityType.count({ where: { chapterId } }),
    db.ppksCategory.count({ where: { chapterId: null } }),
  ]);
  if (types > 0 && ppks > 0) {
    catalogued.add(chapterId);
    return;
  }
  await db.$transaction(async (tx) => {
    if ((await tx.activityType.count({ where: { chapterId } })) === 0) {
      await tx.activityType.createMany({ data: DEFAULT_ACTIVITY_TYPES.map((name, i) => ({ chapterId, name, sortOrder: i * 10 })) });
    }
    if ((await tx.ppksCategory.count({ where: { chapterId: null } })) === 0) {
      await tx.ppksCategory.createMany({
        data: NATIONAL_PPKS.map((name, i) => ({ name, number: i + 1, forChildren: i < CHILDREN_PPKS_COUNT, sortOrder: (i + 1) * 10 })),
      });
    }
  });
}

/** The chapter's activity types the form offers (hidden ones left out), in their order. */
export async function listActivityTypes(chapterId: string) {
  await ensureActivityCatalogue(chapterId);
  // the form's and every list's choices: written out (docs/decisions/035)
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "ActivityType" WHERE "chapterId" = ${chapterId} AND "active" = 1 ORDER BY "sortOrder", "id"`;
}

/** The national PPKS categories, then the chapter's own that are not hidden. */
export async function listPpksCategories(chapterId: string) {
  await ensureActivityCatalogue(chapterId);
  // the form's and every list's choices: written out (docs/decisions/035); the national ones first
  return db.$queryRaw<{ id: string; number: number | null; name: string; forChildren: boolean }[]>`
    SELECT "id", "number", "name", "forChildren" FROM "PpksCategory"
    WHERE "chapterId" IS NULL OR ("chapterId" = ${chapterId} AND "active" = 1)
    ORDER BY "chapterId" IS NOT NULL, "sortOrder", "id"`;
}

/** Every activity type of the chapter and its own PPKS categories, hidden ones too (the settings page). */
export async function listCatalogueEntries(chapterId: string) {
  await ensureActivityCatalogue(chapterId);
  const [types, categories] = await Promise.all([
    db.activityType.findMany({ where: { chapterId }, select: { id: true, name: true, active: true }, orderBy: { sortOrder: "asc" } }),
    db.ppksCategory.findMany({
      where: { chapterId },
      select: { id: true, name: true, forChildren: true, active: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  return { types, categories };
}

export type CatalogueKind = "type" | "category";

/** Adds an activity type or a chapter PPKS category, at the end of the list; names are unique. */
export async function addCatalogueEntry(
  actor: Actor,
  kind: CatalogueKind,
  input: { name: string; forChildren: boolean },
): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "manage:activity:chapter")) return forbidden();
  return db.$transaction(async (tx) => {
    // Names are compared without regard to capitals ("fakir miskin" is "Fakir Miskin").
    const names =
      kind === "type"
        ? await tx.activityType.findMany({ where: { chapterId: actor.chapterId }, select: { name: true } })
        : await tx.ppksCategory.findMany({ where: { OR: [{ chapterId: null }, { chapterId: actor.chapterId }] }, select: { name: true } });
    const duplicate = names.some((n) => n.name.toLocaleLowerCase("id") === input.name.toLocaleLowerCase("id"));
    if (duplicate) return invalid({ name: t("activities.settings.error.duplicate") });
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
    return ok({ id });
  });
}

/**
 * Hides an entry from the form (or shows it again), answering with its name; the national PPKS
 * categories (and another chapter's entries) are not found.
 */
export async function setCatalogueEntryActive(
  actor: Actor,
  kind: CatalogueKind,
  id: string,
  active: boolean,
): Promise<Outcome<{ name: string }>> {
  if (!can(actor, "manage:activity:chapter")) return forbidden();
  return db.$transaction(async (tx) => {
    const where = { id, chapterId: actor.chapterId };
    const found =
      kind === "type"
        ? await tx.activityType.updateMany({ where, data: { active } })
        : await tx.ppksCategory.updateMany({ where, data: { active } });
    if (found.count === 0) return notFound();
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
        ? await tx.activityType.findUniqueOrThrow({ where: { id }, select: { name: true } })
        : await tx.ppksCategory.findUniqueOrThrow({ where: { id }, select: { name: true } });
    return ok({ name: entry.name });
  });
}
