// The notifications' personal data and hygiene (issue 19 follow-up, docs/privacy.md "How long",
// docs/decisions/029): the retention job's rules for notifications and the outbox (each deletes or
// erases only what is due), anonymisation removing a departed member's notifications and emails,
// the administrator's paginated outbox with its status filter and the deliberate, audited
// "kirim ulang", and opening a notification (own only, never a redirect out of the portal).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  eraseOldOutboxContent,
  NOTIFICATION_MONTHS,
  purgeOldNotifications,
  READ_NOTIFICATION_MONTHS,
  SENT_MAIL_DAYS,
  UNDELIVERED_MAIL_DAYS,
} from "~/domain/notifications/housekeeping.server";
import { isLocalPath, listOutbox, OUTBOX_PAGE_SIZE, openNotification, retryOutboxMessage } from "~/domain/notifications/inbox.server";
import { anonymiseMember } from "~/domain/members/privacy.server";
import { runRetention } from "~/domain/retention/retention.server";
import { loader as openLoader } from "~/routes/notifications.$id";
import { action as outboxAction, loader as outboxLoader } from "~/routes/notifications.outbox";
import type { OutboxStatus } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { addMonths } from "~/utils/dates";
import { activityChapter, type ActivityChapter } from "../factories/activities";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";

const DAY = 86_400_000;
const NOW = new Date();
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const monthsAgo = (n: number) => addMonths(NOW, -n);

let ctx: ActivityChapter;
let admin: TestActor;
let adminCookie: string;
let person: TestActor;
let other: TestActor;
let seq = 0;

beforeAll(async () => {
  ctx = await activityChapter({ name: "IPSM Kota Uji Privasi Pemberitahuan" });
  admin = await account(ctx.id, "admin");
  adminCookie = await signIn(admin.email);
  person = await volunteer(ctx.id, { fullName: "Rina Penerima" });
  other = await volunteer(ctx.id, { fullName: "Dodi Lain" });
});

async function notification(userId: string, input: { createdAt?: Date; readAt?: Date | null; link?: string; eventKey?: string } = {}) {
  const eventKey = input.eventKey ?? `test-event:${++seq}`;
  return db.notification.create({
    data: {
      userId,
      chapterId: ctx.id,
      kind: "activity_returned",
      eventKey,
      title: "Kegiatan Anda dikembalikan",
      body: "Alasan: foto kurang jelas",
      link: input.link ?? "/activities",
      createdAt: input.createdAt ?? NOW,
      readAt: input.readAt ?? null,
    },
  });
}

async function email(
  userId: string,
  input: { status?: OutboxStatus; createdAt?: Date; sentAt?: Date | null; eventKey?: string; attempts?: number } = {},
) {
  return db.outboxMessage.create({
    data: {
      userId,
      chapterId: ctx.id,
      kind: "activity_returned",
      eventKey: input.eventKey ?? `test-event:${++seq}`,
      toAddress: "penerima@contoh.id",
      subject: "Kegiatan Anda dikembalikan · IPSM",
      text: "Alasan: foto kurang jelas",
      html: "<p>Alasan: foto kurang jelas</p>",
      status: input.status ?? "pending",
      attempts: input.attempts ?? 0,
      lastError: input.status === "failed" ? "550 penerima@contoh.id: mailbox unavailable" : null,
      createdAt: input.createdAt ?? NOW,
      sentAt: input.sentAt ?? null,
    },
  });
}

const exists = async (id: string) => (await db.notification.count({ where: { id } })) === 1;

describe("retention of notifications", () => {
  beforeEach(async () => {
    await db.notification.deleteMany({});
    await db.outboxMessage.deleteMany({});
  });

  it("deletes read notifications after 6 months and any after 12 months, with their emails' rows, and nothing else", async () => {
    expect([READ_NOTIFICATION_MONTHS, NOTIFICATION_MONTHS]).toEqual([6, 12]);
    const readOld = await notification(person.userId, { createdAt: monthsAgo(7), readAt: monthsAgo(7) });
    const readRecent = await notification(person.userId, { createdAt: monthsAgo(5), readAt: monthsAgo(5) });
    const unreadOld = await notification(person.userId, { createdAt: monthsAgo(11) });
    const unreadAncient = await notification(other.userId, { createdAt: monthsAgo(13) });
    const readToday = await notification(other.userId, { readAt: NOW });
    // the emails of the deleted pair and of a kept one
    const goneMail = await email(person.userId, {
      eventKey: readOld.eventKey,
      status: "sent",
      createdAt: monthsAgo(7),
      sentAt: monthsAgo(7),
    });
    const keptMail = await email(person.userId, {
      eventKey: unreadOld.eventKey,
      status: "sent",
      createdAt: monthsAgo(11),
      sentAt: monthsAgo(11),
    });

    expect(await purgeOldNotifications(NOW)).toBe(2);
    expect(await exists(readOld.id)).toBe(false);
    expect(await exists(unreadAncient.id)).toBe(false);
    for (const kept of [readRecent, unreadOld, readToday]) expect(await exists(kept.id)).toBe(true);
    expect(await db.outboxMessage.count({ where: { id: goneMail.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { id: keptMail.id } })).toBe(1);
    // a run again (after a restart) finds nothing more
    expect(await purgeOldNotifications(NOW)).toBe(0);
  });

  it("erases a sent email's address and text after 30 days, a failed or uncertain one's after 90, and nothing waiting", async () => {
    expect([SENT_MAIL_DAYS, UNDELIVERED_MAIL_DAYS]).toEqual([30, 90]);
    const sentOld = await email(person.userId, { status: "sent", createdAt: daysAgo(31), sentAt: daysAgo(31) });
    const sentRecent = await email(person.userId, { status: "sent", createdAt: daysAgo(40), sentAt: daysAgo(29) });
    const failedOld = await email(person.userId, { status: "failed", createdAt: daysAgo(91) });
    const failedRecent = await email(person.userId, { status: "failed", createdAt: daysAgo(89) });
    const uncertainOld = await email(person.userId, { status: "uncertain", createdAt: daysAgo(91) });
    const pendingOld = await email(person.userId, { status: "pending", createdAt: daysAgo(120) });

    const run1 = await runRetention(NOW);
    expect(run1.emails).toBe(3);
    const rows = await db.outboxMessage.findMany({
      select: { id: true, toAddress: true, subject: true, text: true, html: true, lastError: true, status: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const erased of [sentOld, failedOld, uncertainOld])
      expect(byId.get(erased.id)).toMatchObject({ toAddress: "", subject: "", text: "", html: "", lastError: null, status: erased.status });
    for (const kept of [sentRecent, failedRecent, pendingOld]) expect(byId.get(kept.id)).toMatchObject({ toAddress: "penerima@contoh.id" });
    expect(byId.get(failedRecent.id)!.lastError).toContain("mailbox unavailable");
    expect(await eraseOldOutboxContent(NOW)).toBe(0);
  });
});

describe("anonymising a departed member", () => {
  it("deletes their notifications, emails (also one still waiting) and email choices; another person's stay", async () => {
    const sekretaris = await boardMember(ctx.id, "sekretaris");
    const leaver = await volunteer(ctx.id, { fullName: "Anton Berhenti" });
    await db.member.update({ where: { id: leaver.memberId! }, data: { status: "mengundurkan_diri", statusDate: monthsAgo(13) } });
    await notification(leaver.userId, { readAt: NOW });
    await email(leaver.userId, { status: "sent", sentAt: NOW });
    await email(leaver.userId, { status: "pending" });
    await db.notificationPreference.create({ data: { userId: leaver.userId, kind: "activity_verified", email: false } });
    const othersNote = await notification(other.userId);
    const othersMail = await email(other.userId);

    expectOk(await anonymiseMember(sekretaris, leaver.memberId!, { reason: "Permintaan tertulis", confirmation: "ANONIMKAN" }));
    expect(await db.notification.count({ where: { userId: leaver.userId } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { userId: leaver.userId } })).toBe(0);
    expect(await db.notificationPreference.count({ where: { userId: leaver.userId } })).toBe(0);
    expect(await exists(othersNote.id)).toBe(true);
    expect(await db.outboxMessage.count({ where: { id: othersMail.id } })).toBe(1);
  });
});

describe("the outbox page", () => {
  beforeEach(async () => {
    await db.outboxMessage.deleteMany({});
  });

  it("is paginated on the server and filtered by status; by default it shows what needs attention", async () => {
    for (let i = 0; i < OUTBOX_PAGE_SIZE + 5; i++)
      await email(person.userId, { status: "sent", sentAt: NOW, createdAt: new Date(NOW.getTime() - i * 1000) });
    const failed = await email(person.userId, { status: "failed", attempts: 4 });
    await email(person.userId, { status: "uncertain", attempts: 1 });

    const problems = expectOk(await listOutbox(admin));
    expect(problems).toMatchObject({ filter: "problems", total: 2, pages: 1 });
    expect(problems.counts).toMatchObject({ sent: OUTBOX_PAGE_SIZE + 5, failed: 1, uncertain: 1 });
    const all = expectOk(await listOutbox(admin, "all", 2));
    expect(all).toMatchObject({ total: OUTBOX_PAGE_SIZE + 7, page: 2, pages: 2 });
    expect(all.rows).toHaveLength(7);

    // the route: ?status= and ?page= (an unknown status is the default; a page past the end is the last)
    const page = dataOf<{ filter: string; page: number; rows: { id: string; retryable: boolean }[] }>(
      await run(outboxLoader, getRequest("/notifications/outbox?status=failed&page=9", adminCookie)),
    );
    expect(page).toMatchObject({ filter: "failed", page: 1, rows: [{ id: failed.id, retryable: true }] });
    const sent = dataOf<{ rows: { retryable: boolean }[] }>(
      await run(outboxLoader, getRequest("/notifications/outbox?status=sent", adminCookie)),
    );
    expect(sent.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(sent.rows.every((r) => !r.retryable)).toBe(true);
    expect(dataOf<{ filter: string }>(await run(outboxLoader, getRequest("/notifications/outbox?status=<x>", adminCookie))).filter).toBe(
      "problems",
    );
    const ketua = await signIn((await boardMember(ctx.id, "ketua")).email);
    expect(statusOf(await run(outboxLoader, getRequest("/notifications/outbox", ketua)))).toBe(403);
  });

  it("sends a failed or uncertain email again only when confirmed, audited; never a sent, waiting or erased one", async () => {
    const uncertain = await email(person.userId, { status: "uncertain", attempts: 1 });
    const failed = await email(person.userId, { status: "failed", attempts: 4 });
    const sent = await email(person.userId, { status: "sent", sentAt: NOW });
    const erased = await email(person.userId, { status: "failed", attempts: 4 });
    await db.outboxMessage.update({ where: { id: erased.id }, data: { toAddress: "", subject: "", text: "", html: "" } });

    // without the tick: 400, nothing changes
    const unticked = await run(outboxAction, postForm("/notifications/outbox", { intent: "retry", id: uncertain.id }, adminCookie));
    expect(statusOf(unticked)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(unticked).fieldErrors.confirm).toBe("Centang pernyataan untuk mengirim ulang.");
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: uncertain.id } })).status).toBe("uncertain");

    // someone else than the administrator: 403
    const ketua = await signIn((await boardMember(ctx.id, "ketua")).email);
    expect(
      statusOf(await run(outboxAction, postForm("/notifications/outbox", { intent: "retry", id: failed.id, confirm: "ya" }, ketua))),
    ).toBe(403);

    for (const row of [uncertain, failed]) {
      const done = (await run(
        outboxAction,
        postForm("/notifications/outbox?status=problems", { intent: "retry", id: row.id, confirm: "ya" }, adminCookie),
      )) as Response;
      expect(done.status).toBe(302);
      expect(done.headers.get("Location")).toBe("/notifications/outbox?status=problems");
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: "pending",
        attempts: 0,
        lastError: null,
      });
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "notification.outbox.retry", entityId: row.id } });
      expect(audit).toMatchObject({ actorId: admin.userId, entityType: "OutboxMessage" });
      expect(JSON.parse(audit.before!)).toEqual({ status: row.status, attempts: row.attempts });
    }
    // a second click, a sent one, an erased one, an unknown id
    expectRefusal(await retryOutboxMessage(admin, failed.id), "conflict");
    expectRefusal(await retryOutboxMessage(admin, sent.id), "conflict");
    const refused = await run(
      outboxAction,
      postForm("/notifications/outbox", { intent: "retry", id: erased.id, confirm: "ya" }, adminCookie),
    );
    expect(statusOf(refused)).toBe(409);
    expectRefusal(await retryOutboxMessage(admin, "tidak-ada"), "notFound");
    expectRefusal(await retryOutboxMessage(person, failed.id), "forbidden");
    expect(await db.auditLog.count({ where: { action: "notification.outbox.retry" } })).toBe(2);
  });
});

describe("opening a notification", () => {
  it("marks only the person's own read; another's is 404 and stays unread", async () => {
    const own = await notification(person.userId, { link: "/activities/abc?tab=2" });
    const others = await notification(other.userId, { link: "/activities/xyz" });
    const cookie = await signIn(person.email);
    expect(statusOf(await run(openLoader, getRequest(`/notifications/${others.id}`, cookie), { id: others.id }))).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: others.id } })).readAt).toBeNull();
    expectRefusal(await openNotification(person, others.id), "notFound");
    expect((await db.notification.findUniqueOrThrow({ where: { id: others.id } })).readAt).toBeNull();

    const opened = (await run(openLoader, getRequest(`/notifications/${own.id}`, cookie), { id: own.id })) as Response;
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe("/activities/abc?tab=2");
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: own.id } })).readAt;
    expect(readAt).not.toBeNull();
    // opening it again keeps the first reading time
    await run(openLoader, getRequest(`/notifications/${own.id}`, cookie), { id: own.id });
    expect((await db.notification.findUniqueOrThrow({ where: { id: own.id } })).readAt).toEqual(readAt);
    // signed out: to the login page
    const anonymous = (await run(openLoader, getRequest(`/notifications/${own.id}`), { id: own.id })) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  it("never leads outside the portal: a stored link that is not a local path goes to the list", async () => {
    const cookie = await signIn(person.email);
    for (const link of [
      "https://jahat.example/x",
      "//jahat.example",
      "/\\jahat.example",
      "/\\/jahat.example",
      "javascript:alert(1)",
      "/a\nb",
      " /x",
      "",
    ]) {
      expect(isLocalPath(link), JSON.stringify(link)).toBe(false);
      const note = await notification(person.userId, { link });
      const response = (await run(openLoader, getRequest(`/notifications/${note.id}`, cookie), { id: note.id })) as Response;
      expect(response.headers.get("Location"), JSON.stringify(link)).toBe("/notifications");
      expect((await db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
    }
    for (const link of ["/activities/abc", "/reports/1?tab=catatan#x", "/notifications"]) expect(isLocalPath(link), link).toBe(true);
  });
});
