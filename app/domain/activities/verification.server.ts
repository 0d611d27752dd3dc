// Verifying activities: coordinators verify or return submitted activities in their scope (the
// chapter for the board, the kecamatan of a Koordinator Kecamatan), never their own or one they
// took part in; a verified activity is locked until the board reopens it. Every verification,
// return and reopening is audited, and tells the author (docs/decisions/029) in the same transaction.
import { t } from "~/i18n/index";
import { notify } from "~/domain/notifications/notify.server";
import { usersOfMembers } from "~/domain/notifications/recipients.server";
import { formatCalendarDateShort } from "~/utils/format";
import { getEnv } from "~/utils/env.server";
import { whatsappLink } from "~/validation/whatsapp";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";

/** Whether the actor verifies for the whole chapter (the board), not only a kecamatan. */
export const isBoard = (actor: Actor) => can(actor, "verify:activity:chapter");

/** Whether the actor may verify activities of this kecamatan (not whether it is their own). */
export function coversDistrict(actor: Actor, districtCode: string) {
  return isBoard(actor) || (can(actor, "verify:activity:district") && actor.districtCodes.includes(districtCode));
}

/** The activities of a verifier's scope: the chapter's for the board, else their kecamatan. */
export function verifierScope(actor: Actor): Prisma.ActivityWhereInput {
  return { chapterId: actor.chapterId, ...(isBoard(actor) ? {} : { districtCode: { in: [...actor.districtCodes] } }) };
}

/** The where-clause of the activities a verifier may act on: their scope, never their own. */
export function verifiable(actor: Actor): Prisma.ActivityWhereInput {
  return {
    ...verifierScope(actor),
    ...(actor.memberId ? { memberId: { not: actor.memberId }, volunteers: { none: { memberId: actor.memberId } } } : {}),
  };
}

const TARGET_SELECT = { id: true, memberId: true, date: true, type: { select: { name: true } } } as const;
type Target = { id: string; memberId: string; date: Date; type: { name: string } };

/** Tells the activity's author it was verified or returned (with the reason), inside the transaction. */
async function notifyAuthor(
  tx: Prisma.TransactionClient,
  actor: Actor,
  activity: Target,
  outcome: { kind: "activity_verified" } | { kind: "activity_returned"; reason: string },
  now: Date,
) {
  const by = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
  await notify(
    tx,
    {
      kind: outcome.kind,
      chapterId: actor.chapterId,
      eventKey: `${outcome.kind}:${activity.id}:${now.toISOString()}`,
      recipients: await usersOfMembers(tx, [activity.memberId]),
      link: `/activities/${activity.id}`,
      params: {
        type: activity.type.name,
        date: formatCalendarDateShort(activity.date),
        by: by?.name ?? "",
        reason: outcome.kind === "activity_returned" ? outcome.reason : "",
      },
    },
    now,
  );
}

/** How many of the activities were verified (or returned), and how many were skipped (outside the scope, not submitted). */
export type VerifyOutcome = Outcome<{ verified: number; skipped: number }>;

/** Verifies submitted activities in the actor's scope (several at once); the rest are skipped. */
export async function verifyActivities(actor: Actor, activityIds: string[], now = new Date()): Promise<VerifyOutcome> {
  if (!can(actor, "verify:activity:district")) return forbidden();
  return db.$transaction(async (tx) => {
    const ids = [...new Set(activityIds)];
    const targets = await tx.activity.findMany({
      where: { ...verifiable(actor), id: { in: ids }, status: "submitted" },
      select: TARGET_SELECT,
    });
    for (const target of targets) {
      await tx.activity.update({
        where: { id: target.id },
        data: { status: "verified", verifiedAt: now, verifiedById: actor.userId, returnReason: null },
      });
      await notifyAuthor(tx, actor, target, { kind: "activity_verified" }, now);
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "activity.verify",
          entityType: "Activity",
          entityId: target.id,
          before: { status: "submitted" },
          after: { status: "verified" },
        },
        tx,
      );
    }
    return ok({ verified: targets.length, skipped: ids.length - targets.length });
  });
}

/** Returns submitted activities to their authors with a reason (several at once). */
export async function returnActivities(actor: Actor, activityIds: string[], reason: string, now = new Date()): Promise<VerifyOutcome> {
  if (!can(actor, "verify:activity:district")) return forbidden();
  return db.$transaction(async (tx) => {
    const ids = [...new Set(activityIds)];
    const targets = await tx.activity.findMany({
      where: { ...verifiable(actor), id: { in: ids }, status: "submitted" },
      select: TARGET_SELECT,
    });
    for (const target of targets) {
      await tx.activity.update({ where: { id: target.id }, data: { status: "returned", returnReason: reason } });
      await notifyAuthor(tx, actor, target, { kind: "activity_returned", reason }, now);
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "activity.return",
          entityType: "Activity",
          entityId: target.id,
          before: { status: "submitted" },
          after: { status: "returned", reason },
        },
        tx,
      );
    }
    return ok({ verified: targets.length, skipped: ids.length - targets.length });
  });
}

/** The board reopens a verified activity (returned to its author with the reason), audited. */
export async function reopenActivity(actor: Actor, activityId: string, reason: string, now = new Date()): Promise<Outcome> {
  if (!isBoard(actor)) return forbidden();
  return db.$transaction(async (tx) => {
    const activity = await tx.activity.findFirst({
      where: { id: activityId, chapterId: actor.chapterId },
      select: { ...TARGET_SELECT, status: true },
    });
    if (!activity) return notFound();
    if (activity.status !== "verified") return conflict(t("activities.error.notVerified"));
    await tx.activity.update({
      where: { id: activity.id },
      data: { status: "returned", returnReason: reason, verifiedAt: null, verifiedById: null },
    });
    await notifyAuthor(tx, actor, activity, { kind: "activity_returned", reason }, now);
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "activity.reopen",
        entityType: "Activity",
        entityId: activity.id,
        before: { status: "verified" },
        after: { status: "returned", reason },
      },
      tx,
    );
    return ok();
  });
}

/** A returned activity's ready WhatsApp message to its author, for the verifier who returned it. */
export type ReturnNotice = { activityId: string; name: string; whatsappUrl: string | null };

/**
 * The WhatsApp links (wa.me, message with the reason) to the authors of these returned activities,
 * for a verifier whose scope holds them; a volunteer without a mobile number gets no link.
 */
export async function returnNotices(actor: Actor, activityIds: string[]): Promise<ReturnNotice[]> {
  if (!can(actor, "verify:activity:district") || activityIds.length === 0) return [];
  const [rows, chapter, by] = await Promise.all([
    db.activity.findMany({
      where: { ...verifiable(actor), id: { in: [...new Set(activityIds)].slice(0, 100) }, status: "returned", returnReason: { not: null } },
      select: {
        id: true,
        date: true,
        returnReason: true,
        type: { select: { name: true } },
        member: { select: { fullName: true, phone: true } },
      },
    }),
    db.chapter.findUnique({ where: { id: actor.chapterId }, select: { name: true } }),
    db.user.findUnique({ where: { id: actor.userId }, select: { name: true } }),
  ]);
  const base = getEnv().PUBLIC_URL.replace(/\/$/, "");
  return rows.map((a) => ({
    activityId: a.id,
    name: a.member.fullName,
    whatsappUrl: whatsappLink(
      a.member.phone,
      t("notifications.whatsapp.returned", {
        name: a.member.fullName,
        type: a.type.name,
        date: formatCalendarDateShort(a.date),
        by: by?.name ?? "",
        chapter: chapter?.name ?? "",
        reason: a.returnReason ?? "",
        url: `${base}/activities/${a.id}`,
      }),
    ),
  }));
}
