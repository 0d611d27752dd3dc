// The outbox's delivery worker (docs/decisions/029), inside the server like the retention job.
// - A short transaction claims the due rows (pending, next attempt passed) and marks them
//   "sending" before anything is sent.
// - Each is sent through nodemailer (plain and HTML); a success marks it sent, a failure puts it
//   back with a later next attempt (1, 5 and 30 minutes), and after the fourth failure it is failed.
// - A row still "sending" when the server starts again was perhaps sent, perhaps not: it is never
//   sent again (at most once) but marked uncertain for the administrator (/notifications/outbox).
import { Cron } from "croner";
import { t } from "~/i18n/index";
import { db } from "~/utils/db.server";
import { deliverMail, mailConfigured } from "~/utils/mail.server";

/** Minutes to wait after the 1st, 2nd and 3rd failure; the next failure is final. */
export const RETRY_MINUTES = [1, 5, 30] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
const BATCH = 20;

export type DeliveryRun = { sent: number; retried: number; failed: number };

/** Marks every row left "sending" (by a server that stopped) as uncertain; returns how many. */
export async function markInterrupted(now = new Date()): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: "sending" },
    data: { status: "uncertain", lastError: t("notifications.outbox.interrupted"), nextAttemptAt: now },
  });
  return count;
}

/** Claims up to `limit` due rows (marking them sending, one attempt more) in one short transaction. */
export async function claimDue(now = new Date(), limit = BATCH) {
  return db.$transaction(async (tx) => {
    const due = await tx.outboxMessage.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true, toAddress: true, subject: true, text: true, html: true, attempts: true },
    });
    const claimed: typeof due = [];
    for (const row of due) {
      const { count } = await tx.outboxMessage.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "sending", claimedAt: now, attempts: { increment: 1 } },
      });
      if (count === 1) claimed.push({ ...row, attempts: row.attempts + 1 });
    }
    return claimed;
  });
}

/** One pass: claims the due rows, sends them, and records each result. */
export async function deliverDue(now = new Date()): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  if (!mailConfigured()) return run;
  for (const row of await claimDue(now)) {
    try {
      await deliverMail({ to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
      await db.outboxMessage.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date(), lastError: null } });
      run.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const wait = RETRY_MINUTES[row.attempts - 1];
      if (wait === undefined) {
        await db.outboxMessage.update({ where: { id: row.id }, data: { status: "failed", lastError: message } });
        run.failed++;
      } else {
        await db.outboxMessage.update({
          where: { id: row.id },
          data: { status: "pending", lastError: message, nextAttemptAt: new Date(now.getTime() + wait * 60_000) },
        });
        run.retried++;
      }
    }
  }
  return run;
}

const globalForDelivery = globalThis as unknown as { deliveryStarted?: boolean; deliveryJob?: Cron };

async function tick() {
  try {
    const run = await deliverDue();
    if (run.retried || run.failed) console.log("Mail delivery:", JSON.stringify(run));
  } catch (error) {
    console.error("Mail delivery pass failed (tried again shortly):", error);
  }
}

/**
 * Starts the worker once per server process: first the rows a stopped server left "sending"
 * become uncertain, then the outbox is read every 20 seconds.
 */
export function startDeliveryWorker() {
  if (globalForDelivery.deliveryStarted) return;
  globalForDelivery.deliveryStarted = true;
  void markInterrupted()
    .then((count) => {
      if (count) console.warn(`Mail delivery: ${count} message(s) interrupted by a stop are marked uncertain (not sent again).`);
    })
    .catch((error: unknown) => console.error("Could not check the outbox:", error))
    .finally(() => {
      globalForDelivery.deliveryJob = new Cron("*/20 * * * * *", { protect: true, name: "mail-delivery" }, tick);
    });
}
