// Notifications (docs/decisions/029): the domain calls `notify` inside the same transaction as the
// change that causes it. It writes one portal notification per recipient and, for those who want
// email (and have an address) while SMTP_URL/MAIL_FROM are set, one outbox row that the delivery
// worker sends later. Both are unique per (recipient, event key): a message exists at most once per
// recipient and event, so a repeated call (a job run again after a restart) adds nothing.
import { t, type MessageKey, type MessageParams } from "~/i18n/index";
import type { NotificationKind } from "~/generated/prisma/enums";
import type { Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { escapeHtml, mailConfigured } from "~/utils/mail.server";

export type { NotificationKind };

export type NotificationEvent = {
  kind: NotificationKind;
  chapterId: string;
  /** what happened, unique per event (e.g. `activity-returned:<id>:<time>`) */
  eventKey: string;
  /** user ids; inactive accounts and repeats are left out */
  recipients: readonly string[];
  /** the portal page where the person acts: a path starting with "/" */
  link: string;
  /** the catalogue texts (by default `notifications.<kind>.title` / `.body`) and their values */
  title?: MessageKey;
  body?: MessageKey;
  params?: MessageParams;
};

export type Notified = { notified: number; mailed: number };

/** Writes the notifications (and outbox rows) of one event, inside the caller's transaction. */
export async function notify(tx: Prisma.TransactionClient, event: NotificationEvent, now = new Date()): Promise<Notified> {
  if (!event.link.startsWith("/") || event.link.startsWith("//")) throw new Error(`notification link must be a path: ${event.link}`);
  const ids = [...new Set(event.recipients)];
  if (ids.length === 0) return { notified: 0, mailed: 0 };
  const [chapter, users, existing] = await Promise.all([
    tx.chapter.findUniqueOrThrow({ where: { id: event.chapterId }, select: { name: true } }),
    tx.user.findMany({
      where: { id: { in: ids }, active: true },
      select: { id: true, name: true, email: true, notificationPrefs: { where: { kind: event.kind }, select: { email: true } } },
    }),
    tx.notification.findMany({ where: { userId: { in: ids }, eventKey: event.eventKey }, select: { userId: true } }),
  ]);
  const already = new Set(existing.map((n) => n.userId));
  const params = { chapter: chapter.name, ...event.params };
  const title = t(event.title ?? (`notifications.${event.kind}.title` as MessageKey), params);
  const body = t(event.body ?? (`notifications.${event.kind}.body` as MessageKey), params);
  const mail = mailConfigured();
  let notified = 0;
  let mailed = 0;
  for (const user of users) {
    if (already.has(user.id)) continue;
    await tx.notification.create({
      data: {
        userId: user.id,
        chapterId: event.chapterId,
        kind: event.kind,
        eventKey: event.eventKey,
        title,
        body,
        link: event.link,
        createdAt: now,
      },
    });
    notified++;
    const wantsEmail = user.notificationPrefs[0]?.email ?? true;
    if (!mail || !wantsEmail || !user.email.includes("@")) continue;
    const message = composeMail({ name: user.name, chapter: chapter.name, title, body, link: event.link });
    await tx.outboxMessage.create({
      data: {
        userId: user.id,
        chapterId: event.chapterId,
        kind: event.kind,
        eventKey: event.eventKey,
        toAddress: user.email,
        ...message,
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    mailed++;
  }
  return { notified, mailed };
}

/** Subject, plain text and HTML of a notification's email, in Indonesian, with the chapter's name. */
export function composeMail(input: { name: string; chapter: string; title: string; body: string; link: string }) {
  const base = getEnv().PUBLIC_URL.replace(/\/$/, "");
  const url = `${base}${input.link}`;
  const profileUrl = `${base}/profile`;
  const subject = `${input.title} · ${input.chapter}`;
  const text = [
    t("notifications.mail.greeting", { name: input.name }),
    "",
    input.body,
    "",
    t("notifications.mail.open", { url }),
    "",
    "-- ",
    t("notifications.mail.footer", { chapter: input.chapter, url: profileUrl }),
  ].join("\n");
  const html = [
    `<p>${escapeHtml(t("notifications.mail.greeting", { name: input.name }))}</p>`,
    `<p>${escapeHtml(input.body)}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(t("notifications.mail.openLink"))}</a></p>`,
    `<hr><p style="color:#555;font-size:12px">${escapeHtml(t("notifications.mail.footer", { chapter: input.chapter, url: profileUrl }))}</p>`,
  ].join("\n");
  return { subject, text, html };
}
