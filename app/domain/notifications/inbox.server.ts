// The person's own notifications (/notifications), the header's unread count, the email
// preferences on /profile, and the administrator's view of the outbox (/notifications/outbox).
import { NotificationKind, type OutboxStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/** Unread notifications of the user: one COUNT on the (userId, readAt) index, for the header. */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
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

/** Opens one of the actor's notifications: marks it read and answers where the person acts. */
export async function openNotification(actor: Actor, id: string, now = new Date()): Promise<Outcome<{ link: string }>> {
  const notification = await db.notification.findFirst({
    where: { id, userId: actor.userId },
    select: { id: true, link: true, readAt: true },
  });
  if (!notification) return notFound();
  if (!notification.readAt) await db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: now } });
  return ok({ link: notification.link });
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

const OUTBOX_SHOWN: OutboxStatus[] = ["pending", "sending", "failed", "uncertain"];

/** The administrator's view of the outbox: what is waiting, failed or uncertain, with its error. */
export async function outboxProblems(actor: Actor, take = 200) {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  const rows = await db.outboxMessage.findMany({
    where: { status: { in: OUTBOX_SHOWN } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      createdAt: true,
      chapter: { select: { name: true } },
    },
  });
  return ok({ rows });
}
