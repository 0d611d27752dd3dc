// Follow-ups (tindak lanjut / rujukan): a case an activity refers on (an abandoned elderly person
// to a shelter, a family to BPJS/PBI), moved on or closed by later activities. Rules kept here:
// - a follow-up is seen by those who see its opening activity: the volunteers who worked on it,
//   the board, and the Koordinator Kecamatan of its kecamatan;
// - its status is that of its latest update (by activity date), "baru" while it has none, and the
//   activity of a "selesai" update is the one that closed it;
// - an update comes from a later activity (same day or after) on a follow-up that is still open,
//   or that this same activity closed;
// - no resident names anywhere; a NIK/KK only where the chapter keeps them, masked for everyone
//   without `read:case-identifier`, every whole view and every change audited.
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { addMonths } from "~/utils/dates";
import { maskNik } from "~/utils/format";
import type { FollowUpFilter, FollowUpStatus } from "~/validation/activities";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type FieldErrors, type Outcome } from "~/domain/shared/outcome.server";
import { readPage } from "~/domain/shared/pages.server";

type Tx = Prisma.TransactionClient;

export type OpenedFollowUp = { institution: string; description: string; caseIdentifier?: string | null };
export type FollowUpUpdateEntry = { followUpId: string; status: Exclude<FollowUpStatus, "baru">; note: string | null };

const FOLLOW_UPS_PAGE_SIZE = 50;

/** Whether the actor sees every follow-up of their chapter (the board). */
function seesChapterFollowUps(actor: Actor) {
  return can(actor, "read:activity:chapter");
}

/** The follow-ups an actor may see: of their own activities, or in their reading scope. */
function visibleFollowUps(actor: Actor): Prisma.FollowUpWhereInput {
  if (seesChapterFollowUps(actor)) return { chapterId: actor.chapterId };
  const own: Prisma.ActivityWhereInput[] = actor.memberId
    ? [{ memberId: actor.memberId }, { volunteers: { some: { memberId: actor.memberId } } }]
    : [];
  const district: Prisma.ActivityWhereInput[] = can(actor, "read:activity:district")
    ? [{ districtCode: { in: [...actor.districtCodes] } }]
    : [];
  return { chapterId: actor.chapterId, openedBy: { OR: [...own, ...district] } };
}

// ---------------------------------------------------------------------------------------------
// Writing (inside the activity's transaction)

/** Checks a follow-up opened or updated by an activity; errors keyed by the form's fields. */
export async function checkFollowUps(
  tx: Tx,
  actor: Actor,
  input: { followUp: OpenedFollowUp | null; followUpUpdate?: FollowUpUpdateEntry | null; activityId?: string; date: Date },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (input.followUp?.caseIdentifier) {
    const chapter = await tx.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { keepCaseIdentifiers: true } });
    if (!chapter.keepCaseIdentifiers) errors["followUp.caseIdentifier"] = t("activities.error.caseIdentifierOff");
  }
  const update = input.followUpUpdate;
  if (update) {
    const target = await tx.followUp.findFirst({
      where: { AND: [visibleFollowUps(actor), { id: update.followUpId }] },
      select: { status: true, closedById: true, openedById: true, openedBy: { select: { date: true } } },
    });
    // An activity that already updated this follow-up keeps its place in the history when edited.
    const already = input.activityId
      ? await tx.followUpUpdate.findFirst({ where: { activityId: input.activityId, followUpId: update.followUpId }, select: { id: true } })
      : null;
    if (!target || target.openedById === input.activityId) errors["followUpUpdate.followUpId"] = t("activities.error.followUpUnknown");
    else if (target.status === "selesai" && target.closedById !== input.activityId && !already) {
      errors["followUpUpdate.followUpId"] = t("activities.error.followUpClosed");
    } else if (input.date < target.openedBy.date) errors["followUpUpdate.followUpId"] = t("activities.error.followUpBefore");
  }
  // The opening activity cannot move after the activities that already moved its follow-up on.
  if (input.activityId) {
    const firstUpdate = await tx.followUpUpdate.findFirst({
      where: { followUp: { openedById: input.activityId } },
      orderBy: { activity: { date: "asc" } },
      select: { activity: { select: { date: true } } },
    });
    if (firstUpdate && input.date > firstUpdate.activity.date) errors.date = t("activities.error.followUpOpenedAfter");
  }
  return errors;
}

/** Recomputes a follow-up's status and closing activity from its updates. */
async function settleFollowUp(tx: Tx, followUpId: string) {
  const latest = await tx.followUpUpdate.findFirst({
    where: { followUpId },
    orderBy: [{ activity: { date: "desc" } }, { createdAt: "desc" }],
    select: { status: true, activityId: true },
  });
  await tx.followUp.update({
    where: { id: followUpId },
    data: { status: latest?.status ?? "baru", closedById: latest?.status === "selesai" ? latest.activityId : null },
  });
}

/**
 * Writes what an activity says about follow-ups: the one it opens (created, changed, or removed
 * when the form no longer has it and nothing updated it yet) and the update it makes to an
 * earlier one. Setting or changing a NIK/KK is audited (without the number).
 */
export async function writeFollowUps(
  tx: Tx,
  actor: Actor,
  activityId: string,
  input: { followUp: OpenedFollowUp | null; followUpUpdate?: FollowUpUpdateEntry | null },
) {
  const existing = await tx.followUp.findFirst({
    where: { openedById: activityId },
    select: { id: true, caseIdentifier: true, _count: { select: { updates: true } } },
  });
  const opened = input.followUp;
  let openedId: string | null = existing?.id ?? null;
  if (opened) {
    const columns = { institution: opened.institution, description: opened.description };
    // An empty identifier on an edit keeps the stored one (the form never shows it whole).
    const identifier = opened.caseIdentifier ?? existing?.caseIdentifier ?? null;
    if (existing) await tx.followUp.update({ where: { id: existing.id }, data: { ...columns, caseIdentifier: identifier } });
    else
      openedId = (
        await tx.followUp.create({
          data: { chapterId: actor.chapterId, openedById: activityId, ...columns, caseIdentifier: identifier },
          select: { id: true },
        })
      ).id;
    if (opened.caseIdentifier && opened.caseIdentifier !== existing?.caseIdentifier) {
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "followup.identifier.set",
          entityType: "FollowUp",
          entityId: openedId!,
          after: { caseIdentifier: maskNik(opened.caseIdentifier) },
        },
        tx,
      );
    }
  } else if (existing && existing._count.updates === 0) {
    await tx.followUp.delete({ where: { id: existing.id } });
  }

  const previous = await tx.followUpUpdate.findMany({ where: { activityId }, select: { followUpId: true } });
  await tx.followUpUpdate.deleteMany({ where: { activityId } });
  const update = input.followUpUpdate;
  if (update)
    await tx.followUpUpdate.create({ data: { activityId, followUpId: update.followUpId, status: update.status, note: update.note } });
  const touched = new Set([...previous.map((p) => p.followUpId), ...(update ? [update.followUpId] : [])]);
  for (const id of touched) await settleFollowUp(tx, id);
}

// ---------------------------------------------------------------------------------------------
// Reading

const summarySelect = {
  id: true,
  status: true,
  institution: true,
  description: true,
  caseIdentifier: true,
  caseIdentifierErasedAt: true,
  createdAt: true,
  openedBy: { select: { id: true, date: true, village: { select: { name: true } }, member: { select: { fullName: true } } } },
  updates: {
    select: { status: true, note: true, activity: { select: { id: true, date: true } } },
    orderBy: [{ activity: { date: "desc" } }, { createdAt: "desc" }],
    take: 1,
  },
} satisfies Prisma.FollowUpSelect;

type FollowUpRow = Prisma.FollowUpGetPayload<{ select: typeof summarySelect }>;

/** A follow-up as lists show it: the NIK/KK masked, the latest update. */
function summarise({ caseIdentifier, updates, ...row }: FollowUpRow) {
  return { ...row, caseIdentifierMasked: caseIdentifier ? maskNik(caseIdentifier) : null, latest: updates[0] ?? null };
}

/**
 * How many follow-ups the list shows: read from FollowUpTally (kept by database triggers, one row
 * per status) when the actor sees the whole chapter's follow-ups, counted otherwise (a
 * kecamatan's or a volunteer's follow-ups are few and depend on the opening activity).
 */
async function followUpCount(actor: Actor, where: Prisma.FollowUpWhereInput, statuses: FollowUpStatus[] | null) {
  if (!seesChapterFollowUps(actor)) return db.followUp.count({ where });
  const tally = await db.followUpTally.aggregate({
    where: { chapterId: actor.chapterId, ...(statuses ? { status: { in: statuses } } : {}) },
    _sum: { count: true },
  });
  return tally._sum.count ?? 0;
}

/** The follow-ups an actor may see, open ones (baru and proses) by default, oldest open first; the others newest first. */
export async function listFollowUps(actor: Actor, filter: FollowUpFilter = "open", page = 1) {
  const statuses: FollowUpStatus[] | null = filter === "all" ? null : filter === "open" ? ["baru", "proses"] : [filter];
  const status: Prisma.FollowUpWhereInput = !statuses ? {} : statuses.length === 1 ? { status: statuses[0] } : { status: { in: statuses } };
  const where: Prisma.FollowUpWhereInput = { AND: [visibleFollowUps(actor), status] };
  const total = await followUpCount(actor, where, statuses);
  // openedOn is the opening activity's date (a copy kept by triggers, so that an index sorts);
  // the id last makes the order total, so that a deep page can be read from the end
  const direction = filter === "open" ? "asc" : "desc";
  const orderBy: Prisma.FollowUpOrderByWithRelationInput[] = [{ openedOn: direction }, { createdAt: direction }, { id: direction }];
  const rows = await readPage(orderBy as { [field: string]: "asc" | "desc" }[], page, total, FOLLOW_UPS_PAGE_SIZE, (window) =>
    db.followUp.findMany({ where, select: summarySelect, ...window }),
  );
  return { total, page, pageCount: Math.max(1, Math.ceil(total / FOLLOW_UPS_PAGE_SIZE)), rows: rows.map(summarise) };
}

/** Open follow-ups an activity form can move on (plus the one this activity already updates). */
export async function followUpChoices(actor: Actor, activityId?: string) {
  const rows = await db.followUp.findMany({
    where: {
      AND: [
        visibleFollowUps(actor),
        activityId ? { openedById: { not: activityId } } : {},
        {
          OR: [
            { status: { in: ["baru", "proses"] } },
            ...(activityId ? [{ closedById: activityId }, { updates: { some: { activityId } } }] : []),
          ],
        },
      ],
    },
    select: {
      id: true,
      status: true,
      institution: true,
      description: true,
      openedBy: { select: { date: true, village: { select: { name: true } } } },
    },
    orderBy: { openedBy: { date: "desc" } },
    take: 200,
  });
  return rows;
}

/** One follow-up with its history, if the actor may see it (the NIK/KK masked), and whether they may see the whole NIK/KK. */
export async function getFollowUp(actor: Actor, followUpId: string) {
  const row = await db.followUp.findFirst({
    where: { AND: [visibleFollowUps(actor), { id: followUpId }] },
    select: {
      ...summarySelect,
      openedBy: {
        select: {
          id: true,
          date: true,
          status: true,
          type: { select: { name: true } },
          village: { select: { name: true, parent: { select: { name: true } } } },
          member: { select: { fullName: true } },
        },
      },
      updates: {
        select: {
          id: true,
          status: true,
          note: true,
          activity: {
            select: { id: true, date: true, status: true, type: { select: { name: true } }, member: { select: { fullName: true } } },
          },
        },
        orderBy: [{ activity: { date: "asc" } }, { createdAt: "asc" }],
      },
    },
  });
  if (!row) return notFound();
  const { caseIdentifier, ...rest } = row;
  return ok({
    followUp: { ...rest, caseIdentifierMasked: caseIdentifier ? maskNik(caseIdentifier) : null },
    canReveal: Boolean(caseIdentifier) && can(actor, "read:case-identifier:chapter"),
  });
}

/** The whole NIK/KK of a follow-up, for those allowed; every view is audited. */
export async function revealCaseIdentifier(actor: Actor, followUpId: string): Promise<Outcome<{ caseIdentifier: string }>> {
  if (!can(actor, "read:case-identifier:chapter")) return forbidden();
  const row = await db.followUp.findFirst({ where: { id: followUpId, chapterId: actor.chapterId }, select: { caseIdentifier: true } });
  if (!row?.caseIdentifier) return notFound();
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "followup.identifier.view",
    entityType: "FollowUp",
    entityId: followUpId,
  });
  return ok({ caseIdentifier: row.caseIdentifier });
}

// ---------------------------------------------------------------------------------------------
// Retention (docs/privacy.md)

/**
 * Erases the residents' NIK/KK of follow-ups closed longer ago than their chapter's retention
 * period (by the closing activity's date); the follow-up itself, its institution and description
 * stay. One audit entry per chapter says how many were erased.
 */
export async function eraseExpiredCaseIdentifiers(now = new Date()): Promise<number> {
  const chapters = await db.chapter.findMany({ select: { id: true, caseIdentifierRetentionMonths: true } });
  let total = 0;
  for (const chapter of chapters) {
    const cutoff = addMonths(now, -chapter.caseIdentifierRetentionMonths);
    const erased = await db.$transaction(async (tx) => {
      const { count } = await tx.followUp.updateMany({
        where: { chapterId: chapter.id, status: "selesai", caseIdentifier: { not: null }, closedBy: { date: { lt: cutoff } } },
        data: { caseIdentifier: null, caseIdentifierErasedAt: now },
      });
      if (count) {
        await recordAudit(
          {
            actorId: null,
            chapterId: chapter.id,
            action: "followup.caseIdentifier.erase",
            entityType: "Chapter",
            entityId: chapter.id,
            after: { count, closedBefore: cutoff, retentionMonths: chapter.caseIdentifierRetentionMonths },
          },
          tx,
        );
      }
      return count;
    });
    total += erased;
  }
  return total;
}
