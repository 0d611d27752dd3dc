// What the notifications keep, and for how long (docs/privacy.md "How long", docs/decisions/029).
// A notification's text and an email's subject, body and address are personal data (a return
// reason, an applicant's name, the login email), so:
// - the daily retention job (app/domain/retention) deletes read notifications older than
//   READ_NOTIFICATION_MONTHS and every notification older than NOTIFICATION_MONTHS, with the
//   outbox row of the same (user, event key): the two go together, so that a repeated event
//   never finds one half of a pair (notify() writes the email only beside a new notification);
// - it erases the address, subject, text, HTML and error of an email SENT_MAIL_DAYS after it was
//   sent, and of a failed or uncertain one UNDELIVERED_MAIL_DAYS after it was written; the row
//   (status, dates, event key) stays for the administrator's view until its notification goes;
// - anonymising a departed member deletes their notifications, emails and preferences at once.
import { db, type Prisma } from "~/utils/db.server";
import { addMonths } from "~/utils/dates";

/** A notification the person has read is kept this long after it was written. */
export const READ_NOTIFICATION_MONTHS = 6;
/** Any notification, read or not, is kept at most this long. */
export const NOTIFICATION_MONTHS = 12;
/** A sent email's content is kept this long after sending (enough to answer "did it go out?"). */
export const SENT_MAIL_DAYS = 30;
/** A failed or uncertain email's content is kept this long, for the administrator to look into and retry. */
export const UNDELIVERED_MAIL_DAYS = 90;

const BATCH = 500;
const DAY = 86_400_000;

/** Whether an outbox row's content has been erased by the retention job (the address is blank). */
export const isErased = (row: { toAddress: string }) => row.toAddress === "";

/** Deletes the notifications that are due (and their emails' rows); returns how many notifications went. */
export async function purgeOldNotifications(now = new Date()): Promise<number> {
  const where: Prisma.NotificationWhereInput = {
    OR: [
      { readAt: { not: null }, createdAt: { lt: addMonths(now, -READ_NOTIFICATION_MONTHS) } },
      { createdAt: { lt: addMonths(now, -NOTIFICATION_MONTHS) } },
    ],
  };
  let deleted = 0;
  for (;;) {
    const due = await db.notification.findMany({ where, select: { id: true, userId: true, eventKey: true }, take: BATCH });
    if (due.length === 0) return deleted;
    await db.$transaction(async (tx) => {
      await tx.outboxMessage.deleteMany({
        where: {
          status: { in: ["sent", "failed", "uncertain"] },
          OR: due.map((n) => ({ userId: n.userId, eventKey: n.eventKey })),
        },
      });
      const { count } = await tx.notification.deleteMany({ where: { id: { in: due.map((n) => n.id) } } });
      deleted += count;
    });
    if (due.length < BATCH) return deleted;
  }
}

const ERASED = { toAddress: "", subject: "", text: "", html: "", lastError: null } as const;

/** Erases the content of emails sent long enough ago, and of failed or uncertain ones; returns how many. */
export async function eraseOldOutboxContent(now = new Date()): Promise<number> {
  const sent = await db.outboxMessage.updateMany({
    where: { status: "sent", sentAt: { lt: new Date(now.getTime() - SENT_MAIL_DAYS * DAY) }, NOT: { toAddress: "" } },
    data: ERASED,
  });
  const undelivered = await db.outboxMessage.updateMany({
    where: {
      status: { in: ["failed", "uncertain"] },
      createdAt: { lt: new Date(now.getTime() - UNDELIVERED_MAIL_DAYS * DAY) },
      NOT: { toAddress: "" },
    },
    data: ERASED,
  });
  return sent.count + undelivered.count;
}

/**
 * Inside the anonymisation's transaction: the person's notifications, emails (also any still
 * waiting: they would go to the old address) and email preferences are deleted. The account is
 * closed for good, so notify() never writes to it again.
 */
export async function deleteNotificationsOfUser(tx: Prisma.TransactionClient, userId: string) {
  const notifications = await tx.notification.deleteMany({ where: { userId } });
  const emails = await tx.outboxMessage.deleteMany({ where: { userId } });
  await tx.notificationPreference.deleteMany({ where: { userId } });
  return { notifications: notifications.count, emails: emails.count };
}
