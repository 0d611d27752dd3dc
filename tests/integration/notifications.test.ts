// Notifications (docs/decisions/029) against the real database and a real SMTP server in the test
// process: who is told what when an activity is returned or verified, the email that arrives
// (subject, text, chapter name), the preferences, the portal's list and unread count, the outbox's
// at-most-once delivery across a restart, retries after an SMTP failure, and the daily reminders
// that never run twice for one day.
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Certificates of service store their PDF: in a scratch folder (the env module reads UPLOADS_DIR on first use).
  process.env.UPLOADS_DIR = `${process.env.TEST_TMP_DIR ?? process.env.TMPDIR ?? "/tmp"}/ipsm-notifications-${process.pid}-${Date.now()}`;
});
import { returnActivities, reopenActivity, verifyActivities } from "~/domain/activities/verification.server";
import { claimDue, deliverDue, markInterrupted } from "~/domain/notifications/delivery.server";
import {
  listNotifications,
  markAllRead,
  notificationPreferences,
  openNotification,
  outboxProblems,
  saveNotificationPreferences,
  unreadCount,
} from "~/domain/notifications/inbox.server";
import { runReminders, scheduleDay } from "~/domain/notifications/reminders.server";
import { db } from "~/utils/db.server";
import { whatsappLink, whatsappNumber } from "~/validation/whatsapp";
import { submitApplication } from "~/domain/members/applications.server";
import { dinsosUsersFor } from "~/domain/notifications/recipients.server";
import { createReport, reviewReport, submitReport } from "~/domain/reports/reports.server";
import { issueServiceCertificate } from "~/domain/reports/service-certificates.server";
import { addParticipants } from "~/domain/trainings/events.server";
import { reportPeriodSchema } from "~/validation/reports";
import { applicationSchema } from "~/validation/applications";
import { buildChapter, buildUser, calendarDate } from "../factories";
import { activityChapter, koordinator, loggedFor, type ActivityChapter } from "../factories/activities";
import { newProgramme, programmeChapter, recordedMoney } from "../factories/programmes";
import { nationalCourseId, trainee, trainingEvent } from "../factories/trainings";
import { account, actorOfUser, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectOk, expectRefusal } from "../support/outcomes";
import { startSmtpServer } from "../support/smtp";
import { NOW, PLACES, wib } from "../support/timeline";

const { V1002, V1003, D01 } = PLACES;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.MAIL_FROM = "Portal IPSM <noreply@ipsm-uji.or.id>";
});
beforeEach(async () => {
  process.env.SMTP_URL = smtp.url;
  // every test starts with an empty outbox (earlier tests' mail is not this test's business)
  await db.outboxMessage.deleteMany({});
  smtp.received.splice(0);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp.stop();
});

/** A port where nothing listens: the SMTP server of an office that is down. */
async function closedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

async function chapterWithPeople() {
  const ctx = await activityChapter({ name: "IPSM Kota Pontianak Uji Notifikasi" });
  return {
    ctx,
    kk: await koordinator(ctx.id, D01),
    ketua: await boardMember(ctx.id, "ketua"),
    author: await volunteer(ctx.id, { villageCode: V1002, fullName: "Utin Penerima" }),
    partner: await volunteer(ctx.id, { villageCode: V1003, fullName: "Budi Pendamping" }),
  };
}

const notificationsOf = (userId: string) =>
  db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, title: true, body: true, link: true, readAt: true },
  });
const outboxOf = (userId: string) =>
  db.outboxMessage.findMany({
    where: { userId },
    select: { id: true, status: true, subject: true, toAddress: true, attempts: true, lastError: true, nextAttemptAt: true },
  });

describe("activity returned or verified", () => {
  it("tells only the author, in the portal and by email, with the reason and the chapter's name", async () => {
    const { ctx, kk, ketua, author, partner } = await chapterWithPeople();
    const id = await loggedFor(ctx, author, { villageCode: V1002 }, { coVolunteerIds: [partner.memberId!] });
    const reason = "Foto kegiatan belum dilampirkan.";
    expect(await returnActivities(kk, [id], reason, wib("2031-06-15", "16:00"))).toEqual({ ok: true, verified: 1, skipped: 0 });

    const [note] = await notificationsOf(author.userId);
    expect(note).toEqual({
      kind: "activity_returned",
      title: "Kegiatan Anda dikembalikan",
      body: expect.stringContaining(`dengan alasan: ${reason}`),
      link: `/activities/${id}`,
      readAt: null,
    });
    for (const other of [kk, ketua, partner]) expect(await notificationsOf(other.userId)).toEqual([]);
    expect(await unreadCount(author.userId)).toBe(1);

    // the outbox holds the email until the worker sends it
    expect(await outboxOf(author.userId)).toMatchObject([{ status: "pending", toAddress: author.email, attempts: 0 }]);
    // (the return happened at 16:00 on the simulated day; the worker passes a minute later)
    expect(await deliverDue(wib("2031-06-15", "16:01"))).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = await smtp.mailTo(author.email);
    expect(mail.subject).toBe("Kegiatan Anda dikembalikan · IPSM Kota Pontianak Uji Notifikasi");
    expect(mail.text).toContain("Yth. Utin Penerima,");
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(`http://localhost:3000/activities/${id}`);
    expect(mail.text).toContain("IPSM Kota Pontianak Uji Notifikasi");
    expect(mail.html).toContain(`href="http://localhost:3000/activities/${id}"`);
    expect(mail.html).toContain("Foto kegiatan belum dilampirkan.");
    expect(await outboxOf(author.userId)).toMatchObject([{ status: "sent", attempts: 1 }]);
    // nothing more to send
    expect(await deliverDue(wib("2031-06-15", "16:02"))).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("a verification and a reopening tell the author too; skipped activities tell nobody", async () => {
    const { ctx, kk, ketua, author } = await chapterWithPeople();
    const id = await loggedFor(ctx, author, { villageCode: V1002 });
    expect(await verifyActivities(kk, [id], wib("2031-06-15", "16:00"))).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(await verifyActivities(kk, [id], wib("2031-06-15", "17:00"))).toEqual({ ok: true, verified: 0, skipped: 1 });
    expectOk(await reopenActivity(ketua, id, "Jumlah orang perlu diperiksa lagi.", wib("2031-06-16", "09:00")));
    const notes = await notificationsOf(author.userId);
    expect(notes.map((n) => n.kind)).toEqual(["activity_verified", "activity_returned"]);
    expect(notes[0]!.body).toContain("telah diverifikasi oleh");
    expect(notes[1]!.body).toContain("Jumlah orang perlu diperiksa lagi.");
  });

  it("a person who wants this kind in the portal only gets no email; no email either without SMTP settings", async () => {
    const { ctx, kk, author, partner } = await chapterWithPeople();
    expectOk(await saveNotificationPreferences(author, { activity_returned: false }));
    expect((await notificationPreferences(author)).activity_returned).toBe(false);
    expect((await notificationPreferences(author)).activity_verified).toBe(true);
    const mine = await loggedFor(ctx, author, { villageCode: V1002 });
    await returnActivities(kk, [mine], "Lengkapi narasi kegiatan.");
    expect(await notificationsOf(author.userId)).toHaveLength(1);
    expect(await outboxOf(author.userId)).toEqual([]);

    delete process.env.SMTP_URL;
    const theirs = await loggedFor(ctx, partner, { villageCode: V1003 });
    await returnActivities(kk, [theirs], "Lengkapi narasi kegiatan.");
    expect(await notificationsOf(partner.userId)).toHaveLength(1);
    expect(await outboxOf(partner.userId)).toEqual([]);
  });
});

describe("the portal's list", () => {
  it("lists newest first by page, opens one (read, its link), marks all read; nobody opens another's", async () => {
    const { ctx, kk, author, partner } = await chapterWithPeople();
    const ids: string[] = [];
    for (let day = 1; day <= 22; day++) {
      const id = await loggedFor(ctx, author, { villageCode: V1002, date: `2031-05-${String(day).padStart(2, "0")}` });
      await returnActivities(kk, [id], `Alasan nomor ${day}.`, wib(`2031-05-${String(day).padStart(2, "0")}`, "20:00"));
      ids.push(id);
    }
    const first = await listNotifications(author, 1);
    expect(first).toMatchObject({ total: 22, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.body).toContain("Alasan nomor 22.");
    const second = await listNotifications(author, 2);
    expect(second.rows.map((r) => r.body.match(/nomor (\d+)/)![1])).toEqual(["2", "1"]);

    expect(await unreadCount(author.userId)).toBe(22);
    expectRefusal(await openNotification(partner, first.rows[0]!.id), "notFound");
    expect(await openNotification(author, first.rows[0]!.id)).toEqual({ ok: true, link: `/activities/${ids[21]}` });
    expect(await unreadCount(author.userId)).toBe(21);
    expect(await markAllRead(author)).toEqual({ ok: true, count: 21 });
    expect(await unreadCount(author.userId)).toBe(0);
  });
});

describe("delivery", () => {
  async function pendingMail(): Promise<{ author: TestActor; rowId: string }> {
    const { ctx, kk, author } = await chapterWithPeople();
    const id = await loggedFor(ctx, author, { villageCode: V1002 });
    await returnActivities(kk, [id], "Perbaiki jumlah KK.");
    const [row] = await outboxOf(author.userId);
    return { author, rowId: row!.id };
  }

  it("a message the stopped worker had claimed is never sent again after the restart, but shown as uncertain", async () => {
    const { author, rowId } = await pendingMail();
    const second = await pendingMail();
    // The worker claims the batch ("sending") and the server stops before it sends anything.
    const claimed = await claimDue(new Date());
    expect(claimed.map((c) => c.id).sort()).toEqual([rowId, second.rowId].sort());
    // The server starts again.
    expect(await markInterrupted()).toBe(2);
    expect(await deliverDue(new Date(Date.now() + 3_600_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
    expect(await outboxOf(author.userId)).toMatchObject([
      { status: "uncertain", attempts: 1, lastError: expect.stringContaining("tidak dikirim ulang") },
    ]);

    // the administrator sees them; nobody else may
    const admin = await account((await db.user.findUniqueOrThrow({ where: { id: author.userId } })).chapterId, "admin");
    const problems = expectOk(await outboxProblems(admin));
    expect(problems.rows.filter((r) => r.id === rowId)).toMatchObject([{ status: "uncertain", toAddress: author.email }]);
    expectRefusal(await outboxProblems(author), "forbidden");
  });

  it("retries after an SMTP failure (1, then 5 minutes later), sends once the server answers, and gives up after four failures", async () => {
    const { author, rowId } = await pendingMail();
    const t0 = new Date();
    process.env.SMTP_URL = await closedPort();
    expect(await deliverDue(t0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outboxOf(author.userId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    // not due yet
    expect(await deliverDue(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await deliverDue(t1)).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outboxOf(author.userId);
    expect(row!.nextAttemptAt.getTime()).toBe(t1.getTime() + 5 * 60_000);

    // the office's server is back
    process.env.SMTP_URL = smtp.url;
    expect(await deliverDue(new Date(t1.getTime() + 5 * 60_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await smtp.mailTo(author.email)).subject).toContain("Kegiatan Anda dikembalikan");
    expect(await outboxOf(author.userId)).toMatchObject([{ id: rowId, status: "sent", attempts: 3 }]);

    // another message meets a server that stays down: failed after the fourth attempt
    const other = await pendingMail();
    process.env.SMTP_URL = await closedPort();
    let at = new Date();
    for (const expected of [
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 0, failed: 1 },
    ]) {
      expect(await deliverDue(at)).toEqual(expected);
      at = new Date(at.getTime() + 31 * 60_000);
    }
    expect(await outboxOf(other.author.userId)).toMatchObject([{ status: "failed", attempts: 4 }]);
    expect(await deliverDue(new Date(at.getTime() + 86_400_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
  });
});

describe("phone numbers in WhatsApp links", () => {
  it("normalises Indonesian mobile numbers however they are written", () => {
    for (const phone of ["0812-3456-7890", "+62 812 3456 7890", "62812 3456 7890", "+62-812-3456-7890", "0812 3456 7890"])
      expect(whatsappNumber(phone), phone).toBe("6281234567890");
    for (const phone of ["", null, "12345", "0561 736000", "+1 415 555 0100"]) expect(whatsappNumber(phone)).toBeNull();
    expect(whatsappLink("0812-3456-7890", "Alasan: foto & KK?")).toBe("https://wa.me/6281234567890?text=Alasan%3A%20foto%20%26%20KK%3F");
  });
});

describe("daily reminders", () => {
  let ctx: ActivityChapter;
  let kk: TestActor;
  let ketua: TestActor;
  let sekretaris: TestActor;
  let author: TestActor;

  beforeAll(async () => {
    // a chapter of its own, with a day of its own, so that other tests' activities do not count
    await db.scheduledRun.deleteMany({});
    ctx = await activityChapter({ name: "IPSM Kota Pengingat" });
    await db.chapter.update({ where: { id: ctx.id }, data: { verificationReminderDays: 3, reportDueDay: 10, certificateWarningDays: 30 } });
    kk = await koordinator(ctx.id, D01);
    ketua = await boardMember(ctx.id, "ketua");
    sekretaris = await boardMember(ctx.id, "sekretaris");
    author = await volunteer(ctx.id, { villageCode: V1002 });
  });

  it("the verification digest: one message per verifier per day, the day never run twice (also after a restart)", async () => {
    const now = new Date();
    const old1 = await loggedFor(ctx, author, { villageCode: V1002 });
    const old2 = await loggedFor(ctx, author, { villageCode: V1003 });
    const fresh = await loggedFor(ctx, author, { villageCode: V1002 });
    await db.activity.updateMany({ where: { id: { in: [old1, old2] } }, data: { submittedAt: new Date(now.getTime() - 5 * 86_400_000) } });
    await db.activity.update({ where: { id: fresh }, data: { submittedAt: new Date(now.getTime() - 86_400_000) } });

    const first = await runReminders(now);
    expect(first.ran).toBe(true);
    const digestOf = async (who: TestActor) => (await notificationsOf(who.userId)).filter((n) => n.kind === "verification_digest");
    expect(await digestOf(kk)).toMatchObject([{ title: "2 kegiatan menunggu verifikasi", link: "/activities/verification" }]);
    expect((await digestOf(kk))[0]!.body).toContain("lebih dari 3 hari");
    expect(await digestOf(ketua)).toMatchObject([{ title: "2 kegiatan menunggu verifikasi" }]);
    expect(await digestOf(sekretaris)).toEqual([]);
    expect(await digestOf(author)).toEqual([]);

    // later the same day, and after a "restart" (the same call): nothing runs again
    expect(await runReminders(new Date(now.getTime() + 60_000))).toEqual({ ran: false, digests: 0, reportsDue: 0, certificates: 0 });
    expect(await digestOf(kk)).toHaveLength(1);
    expect(await db.scheduledRun.count({ where: { day: scheduleDay(now) } })).toBe(1);

    // a run cut short (claimed, never finished) is finished at the next start without repeating anyone
    const tomorrow = new Date(now.getTime() + 86_400_000);
    await db.scheduledRun.create({ data: { job: "daily-reminders", day: scheduleDay(tomorrow) } });
    expect((await runReminders(tomorrow)).ran).toBe(true);
    expect(await digestOf(kk)).toHaveLength(2);
    expect((await runReminders(tomorrow)).ran).toBe(false);
    expect(await digestOf(kk)).toHaveLength(2);
  });

  it("report due from day D: the Ketua and Sekretaris, once a month, not once it is sent", async () => {
    // day 9: not yet; day 10: due; day 11: already told this month (in 2027: the board's
    // period, built around the real year, runs from last year to four years on)
    const on = (day: number) => wib(`2027-03-${String(day).padStart(2, "0")}`, "08:00");
    await runReminders(on(9));
    const dueOf = async (who: TestActor) => (await notificationsOf(who.userId)).filter((n) => n.kind === "report_due");
    expect(await dueOf(ketua)).toEqual([]);
    await runReminders(on(10));
    expect(await dueOf(ketua)).toMatchObject([{ title: "Laporan bulan lalu belum dikirim", link: "/reports" }]);
    expect((await dueOf(ketua))[0]!.body).toContain("Februari 2027");
    expect((await dueOf(ketua))[0]!.body).toContain("IPSM Kota Pengingat");
    expect(await dueOf(sekretaris)).toHaveLength(1);
    expect(await dueOf(kk)).toEqual([]);
    await runReminders(on(11));
    expect(await dueOf(ketua)).toHaveLength(1);
    // April's reminder (for March) is not sent when March's report went out
    await db.report.create({
      data: {
        chapterId: ctx.id,
        periodKind: "month",
        periodStart: calendarDate(2027, 3, 1),
        periodEnd: calendarDate(2027, 3, 31),
        status: "submitted",
        createdById: ketua.userId,
      },
    });
    await runReminders(wib("2027-04-12", "08:00"));
    expect(await dueOf(ketua)).toHaveLength(1);
  });

  it("a certificate of competence expiring within the warning days: its holder, once", async () => {
    const now = wib("2031-05-01", "08:00");
    const certificate = await db.certificate.create({
      data: {
        chapterId: ctx.id,
        memberId: author.memberId!,
        title: "Sertifikat Kompetensi Pendamping Sosial",
        number: `LSP-${Math.random().toString(36).slice(2, 8)}`,
        issuer: "LSP Kemensos",
        issuedOn: calendarDate(2026, 5, 20),
        expiresOn: calendarDate(2031, 5, 20),
      },
    });
    await db.certificate.create({
      data: {
        chapterId: ctx.id,
        memberId: author.memberId!,
        title: "Masih lama",
        number: `LSP-${Math.random().toString(36).slice(2, 8)}`,
        issuer: "LSP Kemensos",
        issuedOn: calendarDate(2027, 1, 1),
        expiresOn: calendarDate(2032, 1, 1),
      },
    });
    await runReminders(now);
    await runReminders(wib("2031-05-02", "08:00"));
    const told = (await notificationsOf(author.userId)).filter((n) => n.kind === "certificate_expiring");
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain("Sertifikat Kompetensi Pendamping Sosial");
    expect(told[0]!.body).toContain("20/05/2031");
    expect(certificate.id).toBeTruthy();
  });
});

describe("daily reminders: the Koordinator's own activities, each chapter's day", () => {
  const digestOf = async (who: TestActor) => (await notificationsOf(who.userId)).filter((n) => n.kind === "verification_digest");

  it("the Koordinator's digest leaves out the activities they logged or took part in (they cannot verify them); the Ketua's counts them", async () => {
    const ctx = await activityChapter({ name: "IPSM Kota Pengingat Sendiri" });
    const kk = await koordinator(ctx.id, D01);
    const ketua = await boardMember(ctx.id, "ketua");
    const author = await volunteer(ctx.id, { villageCode: V1002 });
    const others = await loggedFor(ctx, author, { villageCode: V1002 });
    const own = await loggedFor(ctx, kk, { villageCode: V1003 });
    const joined = await loggedFor(ctx, author, { villageCode: V1002 }, { coVolunteerIds: [kk.memberId!] });
    const at = wib("2027-09-20", "07:00");
    await db.activity.updateMany({ where: { id: { in: [others, own, joined] } }, data: { submittedAt: wib("2027-09-10") } });
    await runReminders(at);
    expect(await digestOf(kk)).toMatchObject([{ title: "1 kegiatan menunggu verifikasi" }]);
    expect(await digestOf(ketua)).toMatchObject([{ title: "3 kegiatan menunggu verifikasi" }]);

    // a Koordinator whose only waiting activities are their own gets no digest
    await db.activity.update({ where: { id: others }, data: { status: "verified" } });
    await runReminders(wib("2027-09-21", "07:00"));
    expect(await digestOf(kk)).toHaveLength(1);
    expect(await digestOf(ketua)).toHaveLength(2);
  });

  it("counts the day in the chapter's time zone (WIT): a run late in the evening WIB is already the next day in Papua", async () => {
    const papua = await activityChapter({ name: "IPSM Kota Pengingat WIT", timeZone: "Asia/Jayapura" });
    const java = await activityChapter({ name: "IPSM Kota Pengingat WIB" });
    await db.chapter.updateMany({ where: { id: { in: [papua.id, java.id] } }, data: { reportDueDay: 10 } });
    const people = async (ctx: ActivityChapter) => {
      const kk = await koordinator(ctx.id, D01);
      const ketua = await boardMember(ctx.id, "ketua");
      const author = await volunteer(ctx.id, { villageCode: V1002 });
      const id = await loggedFor(ctx, author, { villageCode: V1002 });
      await db.activity.update({ where: { id }, data: { submittedAt: wib("2027-10-01") } });
      return { kk, ketua };
    };
    const wit = await people(papua);
    const wibPeople = await people(java);
    const dueOf = async (who: TestActor) => (await notificationsOf(who.userId)).filter((n) => n.kind === "report_due");

    // 9 October 2027, 23:30 WIB = 10 October, 01:30 WIT: Papua's report is due, Java's not yet
    await runReminders(wib("2027-10-09", "23:30"));
    expect(await dueOf(wit.ketua)).toHaveLength(1);
    expect(await dueOf(wibPeople.ketua)).toEqual([]);
    // 10 October, 07:00 WIB: the same day in Papua (no second digest there), a new day in Java
    await runReminders(wib("2027-10-10", "07:00"));
    expect(await digestOf(wit.kk)).toHaveLength(1);
    expect(await digestOf(wibPeople.kk)).toHaveLength(2);
    expect(await dueOf(wibPeople.ketua)).toHaveLength(1);
    expect(await dueOf(wit.ketua)).toHaveLength(1);
  });
});

describe("board and Dinas Sosial events", () => {
  it("a candidate applied: the Ketua and Sekretaris, with the name and never the NIK", async () => {
    const chapter = await buildChapter({ code: "NTFA", name: "IPSM Kota Daftar Notifikasi" });
    const ketua = await boardMember(chapter.id, "ketua");
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const bendahara = await boardMember(chapter.id, "bendahara");
    const form = applicationSchema.parse({
      fullName: "Siti Ma'rufah",
      nik: "3171015708900004",
      sex: "P",
      birthDate: "1990-08-17",
      phone: "0857-1234-5678",
      email: "",
      address: "Gg. Purnama 2 No. 7",
      villageCode: V1002,
      motivation: "Saya ingin membantu tetangga lansia dan anak-anak di kelurahan saya.",
      consent: "ya",
    });
    expectOk(await submitApplication("NTFA", form, "10.9.9.9"));
    for (const who of [ketua, sekretaris]) {
      const notes = await notificationsOf(who.userId);
      expect(notes).toMatchObject([{ kind: "application_received", link: "/members/applications" }]);
      expect(notes[0]!.body).toContain("Siti Ma'rufah mendaftar sebagai calon anggota IPSM Kota Daftar Notifikasi");
      expect(notes[0]!.body).not.toContain("3171015708900004");
    }
    expect(await notificationsOf(bendahara.userId)).toEqual([]);
    expect(await db.outboxMessage.count({ where: { userId: { in: [ketua.userId, sekretaris.userId] } } })).toBe(2);
  });

  it("the Dinas Sosial received or returned a report: the Ketua and Sekretaris, with its note", async () => {
    const chapter = await buildChapter({ name: "IPSM Kota Laporan Notifikasi" });
    const ketua = await boardMember(chapter.id, "ketua");
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const volunteerActor = await volunteer(chapter.id);
    const dinsosUser = await buildUser({ chapterId: chapter.id, role: "dinsos", name: "Dinas Sosial Kota Pontianak" });
    await db.user.update({ where: { id: dinsosUser.id }, data: { regionCode: "61.71" } });
    const dinsos = await actorOfUser(dinsosUser);
    const report = (number: string, month: number) =>
      db.report.create({
        data: {
          chapterId: chapter.id,
          periodKind: "month",
          periodStart: calendarDate(2026, month, 1),
          periodEnd: calendarDate(2026, month + 1, 0),
          status: "submitted",
          number,
          submittedAt: new Date(),
          createdById: ketua.userId,
        },
      });
    const first = await report("001/IPSM-PTK/XI/2026", 9);
    const second = await report("002/IPSM-PTK/XI/2026", 10);
    expectOk(await reviewReport(dinsos, first.id, "received", null));
    expectOk(await reviewReport(dinsos, second.id, "returned", "Lampiran foto belum ada."));
    for (const who of [ketua, sekretaris]) {
      const notes = await notificationsOf(who.userId);
      expect(notes.map((n) => [n.title, n.link])).toEqual([
        ["Laporan diterima Dinas Sosial", `/reports/${first.id}`],
        ["Laporan dikembalikan Dinas Sosial", `/reports/${second.id}`],
      ]);
      expect(notes[0]!.body).toBe(
        "Laporan 001/IPSM-PTK/XI/2026 (September 2026) telah diterima oleh Dinas Sosial Kota Pontianak. Catatan: -",
      );
      expect(notes[1]!.body).toContain("Catatan: Lampiran foto belum ada.");
    }
    expect(await notificationsOf(volunteerActor.userId)).toEqual([]);
  });

  it("the Dinas Sosial logins of the chapter's area (its kab/kota and its province), not another's", async () => {
    const chapter = await buildChapter({ name: "IPSM Kota Wilayah Notifikasi" });
    const dinsosFor = async (regionCode: string) => {
      const user = await buildUser({ chapterId: chapter.id, role: "dinsos" });
      await db.user.update({ where: { id: user.id }, data: { regionCode } });
      return user.id;
    };
    const city = await dinsosFor("61.71");
    const province = await dinsosFor("61");
    const otherCity = await dinsosFor("61.72");
    const otherProvince = await dinsosFor("62");
    const prefix = await dinsosFor("61.7");
    // (other tests' Dinas Sosial logins of Kota Pontianak count too: only this test's are looked at)
    const mine = [city, province, otherCity, otherProvince, prefix];
    const ids = (await db.$transaction((tx) => dinsosUsersFor(tx, chapter.id))).filter((id) => mine.includes(id));
    expect(ids.sort()).toEqual([city, province].sort());
    expect(ids).not.toContain(otherCity);
    expect(ids).not.toContain(otherProvince);
    expect(ids).not.toContain(prefix);
  });
});

describe("events for a volunteer", () => {
  it("an invitation to a training event: each member just added who has an account, with the course, dates and place", async () => {
    const chapter = await activityChapter({ name: "IPSM Kota Pelatihan Notifikasi" });
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const invited = await volunteer(chapter.id, { fullName: "Rina Peserta" });
    const bystander = await volunteer(chapter.id);
    const withoutAccount = await trainee(chapter.id, "Calon Tanpa Akun", { status: "calon" });
    const event = await trainingEvent(sekretaris, await nationalCourseId("Bimbingan Teknis Dasar Pekerja Sosial Masyarakat"), {
      startDate: "2031-07-01",
      endDate: "2031-07-03",
      place: "Aula Dinas Sosial Kota Pontianak",
    });
    expect(await addParticipants(sekretaris, event, [invited.memberId!, withoutAccount])).toEqual({ ok: true, added: 2, skipped: 0 });
    const notes = await notificationsOf(invited.userId);
    expect(notes).toEqual([
      {
        kind: "training_invitation",
        title: "Undangan pelatihan",
        body:
          "Anda terdaftar sebagai peserta Bimbingan Teknis Dasar Pekerja Sosial Masyarakat pada 01/07/2031 s.d. 03/07/2031 " +
          "di Aula Dinas Sosial Kota Pontianak. Hubungi pengurus IPSM Kota Pelatihan Notifikasi bila berhalangan.",
        link: "/trainings",
        readAt: null,
      },
    ]);
    expect(await outboxOf(invited.userId)).toMatchObject([
      { status: "pending", subject: "Undangan pelatihan · IPSM Kota Pelatihan Notifikasi" },
    ]);
    for (const other of [sekretaris, bystander]) expect(await notificationsOf(other.userId)).toEqual([]);

    // adding them again (skipped) invites nobody twice; a member added later is invited alone
    expect(await addParticipants(sekretaris, event, [invited.memberId!, bystander.memberId!])).toEqual({ ok: true, added: 1, skipped: 1 });
    expect(await notificationsOf(invited.userId)).toHaveLength(1);
    expect(await notificationsOf(bystander.userId)).toMatchObject([{ kind: "training_invitation", link: "/trainings" }]);
    // a one-day event names one date
    const oneDay = await trainingEvent(sekretaris, await nationalCourseId("Bimbingan Teknis Dasar Pekerja Sosial Masyarakat"), {
      startDate: "2031-08-05",
      endDate: "2031-08-05",
    });
    expectOk(await addParticipants(sekretaris, oneDay, [invited.memberId!]));
    expect((await notificationsOf(invited.userId))[1]!.body).toContain("pada 05/08/2031 di ");
  });

  it("a certificate of service ready: the member it was issued to, with its number and period, leading to their own list", async () => {
    const ctx = await activityChapter({ name: "IPSM Kota Surat Notifikasi" });
    const ketua = await boardMember(ctx.id, "ketua");
    const kk = await koordinator(ctx.id, D01);
    const holder = await volunteer(ctx.id, { villageCode: V1002, fullName: "Yanti Relawan" });
    const other = await volunteer(ctx.id, { villageCode: V1003 });
    const activity = await loggedFor(ctx, holder, { villageCode: V1002, date: "2031-05-20" }, {}, wib("2031-05-20", "18:00"));
    expectOk(await verifyActivities(kk, [activity], wib("2031-05-21", "09:00")));
    const before = (await notificationsOf(holder.userId)).length;
    const { number } = expectOk(
      await issueServiceCertificate(
        ketua,
        { memberId: holder.memberId!, start: calendarDate(2031, 5, 1), end: calendarDate(2031, 5, 31) },
        NOW,
      ),
    );
    const notes = (await notificationsOf(holder.userId)).slice(before);
    expect(notes).toEqual([
      {
        kind: "service_certificate_ready",
        title: "Surat keterangan relawan siap",
        body: `Surat keterangan relawan Anda untuk periode 1 Mei 2031 s.d. 31 Mei 2031 dengan nomor ${number} telah diterbitkan oleh IPSM Kota Surat Notifikasi. Unduh di halaman Profil.`,
        link: "/profile#own-certificates",
        readAt: null,
      },
    ]);
    for (const who of [ketua, kk, other])
      expect((await notificationsOf(who.userId)).filter((n) => n.kind === "service_certificate_ready")).toEqual([]);
  });
});

describe("events for the Ketua and the Dinas Sosial", () => {
  it("a money entry waiting for approval: the Ketua only, with the amount, programme and who recorded it", async () => {
    const chapter = await programmeChapter({ overrides: { name: "IPSM Kota Keuangan Notifikasi" } });
    const ketua = await boardMember(chapter.id, "ketua");
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const bendahara = await boardMember(chapter.id, "bendahara", { name: "Hendra Bendahara" });
    const programmeId = await newProgramme(ketua, {
      coordinatorId: ketua.memberId!,
      budget: "100.000.000",
      name: "Program Lansia Sejahtera",
    });
    // at the threshold: approved at once, nobody is told
    expect((await recordedMoney(bendahara, programmeId, { amount: "5.000.000", date: "2031-06-01" }, NOW)).status).toBe("approved");
    expect(await notificationsOf(ketua.userId)).toEqual([]);
    const pending = await recordedMoney(bendahara, programmeId, { amount: "5.000.001", date: "2031-06-02", purpose: "Sewa tenda" }, NOW);
    expect(pending.status).toBe("pending");
    const notes = await notificationsOf(ketua.userId);
    expect(notes).toMatchObject([
      { kind: "money_awaiting_approval", title: "Transaksi menunggu persetujuan Ketua", link: `/programmes/${programmeId}/money` },
    ]);
    expect(notes[0]!.body).toMatch(
      /^Sewa tenda sebesar Rp\s?5\.000\.001 pada program Program Lansia Sejahtera dicatat oleh Hendra Bendahara/,
    );
    for (const who of [sekretaris, bendahara]) expect(await notificationsOf(who.userId)).toEqual([]);
  });

  it("a chapter sent a report: the Dinas Sosial logins whose area covers it, not the board nor another area's", async () => {
    const chapter = await buildChapter({ code: "NTFR", name: "IPSM Kota Kirim Notifikasi" });
    const ketua = await boardMember(chapter.id, "ketua");
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const dinsosFor = async (regionCode: string, name: string) => {
      const user = await buildUser({ chapterId: chapter.id, role: "dinsos", name });
      await db.user.update({ where: { id: user.id }, data: { regionCode } });
      return user.id;
    };
    const city = await dinsosFor("61.71", "Dinas Sosial Kota Pontianak");
    const province = await dinsosFor("61", "Dinas Sosial Provinsi Kalimantan Barat");
    const elsewhere = await dinsosFor("61.72", "Dinas Sosial Kota Singkawang");
    const draft = expectOk(await createReport(sekretaris, reportPeriodSchema.parse({ kind: "month", year: "2031", month: "5" }), NOW)).id;
    const { number } = expectOk(await submitReport(ketua, draft, NOW));
    for (const id of [city, province]) {
      const notes = await notificationsOf(id);
      expect(notes).toEqual([
        {
          kind: "report_submitted",
          title: "Laporan baru dari IPSM Kota Kirim Notifikasi",
          body: `IPSM Kota Kirim Notifikasi mengirim laporan ${number} (Mei 2031). Periksa lalu terima atau kembalikan.`,
          link: `/reports/${draft}`,
          readAt: null,
        },
      ]);
    }
    for (const id of [elsewhere, ketua.userId, sekretaris.userId]) expect(await notificationsOf(id)).toEqual([]);
  });
});
