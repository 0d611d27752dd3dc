// The person's own notifications (/notifications), the header's unread count, the email
// preferences on /profile, and the administrator's view of the outbox (/notifications/outbox).
import { NotificationKind, type OutboxStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import type { Prisma } from "~/utils/db.server";
import type { OutboxFilter } from "~/validation/notifications";
import { isErased } from "./housekeeping.server";

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/** Unread notifications of the user: one COUNT on the (userId, readAt) index, for the header. */
export async function unreadCount(userId: string): Promise<number> {
  // in the header of every page: written out (docs/decisions/035)
  const [row] = await db.$queryRaw<
    { n: bigint | number }[]
  >`SELECT count(*) AS "n" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`;
  return Number(row?.n ?? 0);
}

/** The actor's notifications, newest first, one page at a time. */
export async function listNotifications(actor: Actor, page = 1) {
  const where = { userId: actor.userId };
  const total = await db.notification.count({ where });
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, kind: true, title: true, body: true, createdAt: true, readAt: true },
  });
  return { total, page: current, pages, rows };
}

/**
 * Whether a stored link is a path inside the portal ("/activities/abc"), never a way out of it:
 * not "//host" or "/\\host" (which browsers read as another site), no scheme, no control
 * characters or backslashes anywhere.
 */
export function isLocalPath(link: string): boolean {
  if (!link.startsWith("/") || link.startsWith("//")) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(link)) return false;
  try {
    return new URL(link, "http://portal.invalid").origin === "http://portal.invalid";
  } catch {
    return false;
  }
}

/**
 * Opens one of the actor's notifications: marks it read and answers where the person acts.
 * Only the actor's own (another person's is not found, and stays unread); a stored link that is
 * not a path inside the portal leads to the list instead.
 */
export async function openNotification(actor: Actor, id: string, now = new Date()): Promise<Outcome<{ link: string }>> {
  const notification = await db.notification.findFirst({
    where: { id, userId: actor.userId },
    select: { id: true, link: true, readAt: true },
  });
  if (!notification) return notFound();
  if (!notification.readAt) {
    await db.notification.updateMany({ where: { id, userId: actor.userId, readAt: null }, data: { readAt: now } });
  }
  return ok({ link: isLocalPath(notification.link) ? notification.link : "/notifications" });
}

/** Marks every unread notification of the actor read. */
export async function markAllRead(actor: Actor, now = new Date()): Promise<Outcome<{ count: number }>> {
  const { count } = await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: now } });
  return ok({ count });
}

/** The kinds a person can receive: a Dinas Sosial login hears of reports sent; everyone else of the rest. */
export function kindsFor(actor: Pick<Actor, "role">): NotificationKind[] {
  return actor.role === "dinsos" ? ["report_submitted"] : NOTIFICATION_KINDS.filter((kind) => kind !== "report_submitted");
}

/** The actor's choices for the kinds they can receive, in order, for the form on /profile. */
export async function preferencesForm(actor: Actor): Promise<{ address: string; kinds: { kind: NotificationKind; email: boolean }[] }> {
  const all = await notificationPreferences(actor);
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  return { address: user?.email ?? "", kinds: kindsFor(actor).map((kind) => ({ kind, email: all[kind] })) };
}

/** The actor's choice per kind: true = also by email (the default), false = in the portal only. */
export async function notificationPreferences(actor: Actor): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.notificationPreference.findMany({ where: { userId: actor.userId }, select: { kind: true, email: true } });
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? true])) as Record<NotificationKind, boolean>;
}

/** Saves the actor's choices (kinds not named keep theirs). */
export async function saveNotificationPreferences(actor: Actor, emailByKind: Partial<Record<NotificationKind, boolean>>): Promise<Outcome> {
  await db.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const email = emailByKind[kind];
      if (email === undefined) continue;
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.userId, kind } },
        create: { userId: actor.userId, kind, email },
        update: { email },
      });
    }
  });
  return ok();
}

const OUTBOX_PROBLEMS: OutboxStatus[] = ["pending", "sending", "failed", "uncertain"];
export const OUTBOX_PAGE_SIZE = 50;

const outboxWhere = (filter: OutboxFilter): Prisma.OutboxMessageWhereInput =>
  filter === "all" ? {} : filter === "problems" ? { status: { in: OUTBOX_PROBLEMS } } : { status: filter };

/**
 * The administrator's view of the outbox, newest first, a page at a time, filtered by status
 * (by default what waits, is being sent, failed or may not have gone out), with the count per
 * status. Rows whose content the retention job erased come with an empty address and subject.
 */
export async function listOutbox(actor: Actor, filter: OutboxFilter = "problems", page = 1) {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  const where = outboxWhere(filter);
  const [total, byStatus] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      chapter: { select: { name: true } },
    },
  });
  const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<Record<OutboxStatus, number>>;
  return ok({
    filter,
    total,
    page: current,
    pages,
    counts,
    rows: rows.map((r) => ({ ...r, erased: isErased(r), retryable: RETRYABLE.includes(r.status) && !isErased(r) })),
  });
}

/** The first page of what needs attention (the outbox page's default view). */
export async function outboxProblems(actor: Actor) {
  return listOutbox(actor, "problems", 1);
}

const RETRYABLE: OutboxStatus[] = ["failed", "uncertain"];

/**
 * The administrator sends a failed or uncertain email again, deliberately: it goes back to the
 * queue with a fresh count of attempts (an uncertain one may then arrive twice; the page says
 * so before the tick). Audited. Refused once the retention job erased its content.
 */
export async function retryOutboxMessage(actor: Actor, id: string, now = new Date()): Promise<Outcome<{ status: OutboxStatus }>> {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  const row = await db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, status: true, attempts: true, toAddress: true, chapterId: true, kind: true },
  });
  if (!row) return notFound();
  if (!RETRYABLE.includes(row.status) || isErased(row)) return conflict(t("notifications.outbox.retryNotPossible"));
  const done = await db.$transaction(async (tx) => {
    // only from the status seen: a second click (or a second administrator) changes nothing
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: row.status },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, claimedAt: null, lastError: null },
    });
    if (count !== 1) return false;
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: row.chapterId,
        action: "notification.outbox.retry",
        entityType: "OutboxMessage",
        entityId: row.id,
        // not the SMTP error: it often quotes the address, and the audit log is kept for good
        before: { status: row.status, attempts: row.attempts },
        after: { status: "pending", attempts: 0, kind: row.kind },
      },
      tx,
    );
    return true;
  });
  if (!done) return conflict(t("notifications.outbox.retryNotPossible"));
  return ok({ status: row.status });
}
