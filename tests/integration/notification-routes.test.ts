// The notification pages called with real Requests: /notifications (own list, mark all read),
// /notifications/:id (marks read, leads to where the person acts; another's is 404), the
// administrator's /notifications/outbox (403 for the rest), the preferences on /profile, the
// unread count in the root loader, the WhatsApp link the Koordinator gets after a return, and the
// chapter's reminder settings on /chapter/profile.
import { describe, expect, it } from "vitest";
import { runReminders } from "~/domain/notifications/reminders.server";
import { loader as rootLoader } from "~/root";
import { action as chapterProfileAction, loader as chapterProfileLoader } from "~/routes/chapter_.profile";
import { loader as expiryLoader } from "~/routes/trainings.certificates._index";
import { calendarToday, addDays } from "~/utils/dates";
import { action as activityAction, loader as activityLoader } from "~/routes/activities.$id._index";
import { action as queueAction, loader as queueLoader } from "~/routes/activities.verification";
import { loader as openLoader } from "~/routes/notifications.$id";
import { action as listAction, loader as listLoader } from "~/routes/notifications._index";
import { loader as outboxLoader } from "~/routes/notifications.outbox";
import { action as profileAction, loader as profileLoader } from "~/routes/profile";
import { db } from "~/utils/db.server";
import { activityChapter, koordinator, loggedFor } from "../factories/activities";
import { account, boardMember, volunteer } from "../support/actors";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";
import { PLACES, wib } from "../support/timeline";

async function setting() {
  const ctx = await activityChapter({ name: "IPSM Kota Rute Notifikasi" });
  const kk = await koordinator(ctx.id, PLACES.D01);
  const author = await volunteer(ctx.id, { villageCode: PLACES.V1002, fullName: "Siti Relawan" });
  await db.member.update({ where: { id: author.memberId! }, data: { phone: "+6281234567890" } });
  const other = await volunteer(ctx.id, { villageCode: PLACES.V1003 });
  const admin = await account(ctx.id, "admin");
  const ketua = await boardMember(ctx.id, "ketua");
  return {
    ctx,
    kk,
    author,
    other,
    cookies: {
      kk: await signIn(kk.email),
      author: await signIn(author.email),
      other: await signIn(other.email),
      admin: await signIn(admin.email),
      ketua: await signIn(ketua.email),
    },
  };
}

describe("returning from the activity page and the queue", () => {
  it("the volunteer is told (count in the header, list, opening leads to the activity); the Koordinator gets the WhatsApp link with the reason", async () => {
    const { ctx, author, cookies } = await setting();
    const id = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const reason = "Jumlah KK tidak sesuai: tiga KK dikunjungi";
    const returned = await run(activityAction, postForm(`/activities/${id}`, { intent: "return", reason }, cookies.kk), { id });
    expect(statusOf(returned)).toBe(302);

    // the Koordinator's page: a wa.me link to 62812..., carrying the reason
    const page = dataOf<{ notices: { whatsappUrl: string | null; name: string }[] }>(
      await run(activityLoader, getRequest(`/activities/${id}`, cookies.kk), { id }),
    );
    expect(page.notices).toHaveLength(1);
    const link = new URL(page.notices[0]!.whatsappUrl!);
    expect(link.origin + link.pathname).toBe("https://wa.me/6281234567890");
    expect(link.searchParams.get("text")).toContain(reason);
    expect(link.searchParams.get("text")).toContain("IPSM Kota Rute Notifikasi");
    // the volunteer's own page offers no such link
    const own = dataOf<{ notices: unknown[] }>(await run(activityLoader, getRequest(`/activities/${id}`, cookies.author), { id }));
    expect(own.notices).toEqual([]);

    // the header's count, the list, opening it
    const root = dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author)));
    expect(root.user.unread).toBe(1);
    const list = dataOf<{ rows: { id: string; title: string; readAt: unknown }[] }>(
      await run(listLoader, getRequest("/notifications", cookies.author)),
    );
    expect(list.rows).toMatchObject([{ title: "Kegiatan Anda dikembalikan", readAt: null }]);
    const noteId = list.rows[0]!.id;
    expect(statusOf(await run(openLoader, getRequest(`/notifications/${noteId}`, cookies.other), { id: noteId }))).toBe(404);
    const opened = (await run(openLoader, getRequest(`/notifications/${noteId}`, cookies.author), { id: noteId })) as Response;
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/activities/${id}`);
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(0);
  });

  it("returning several from the queue lists one WhatsApp link per volunteer; one without a phone gets none", async () => {
    const { ctx, author, other, cookies } = await setting();
    await db.member.update({ where: { id: other.memberId! }, data: { phone: null } });
    const a = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const b = await loggedFor(ctx, other, { villageCode: PLACES.V1003 });
    const body = new URLSearchParams({ intent: "return", reason: "Lengkapi foto kegiatan." });
    body.append("activityIds", a);
    body.append("activityIds", b);
    const request = new Request("http://localhost:3000/activities/verification", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.kk },
      body: body.toString(),
    });
    const response = (await run(queueAction, request)) as Response;
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/activities\/verification\?returned=/);
    const queue = dataOf<{ notices: { activityId: string; whatsappUrl: string | null }[] }>(
      await run(queueLoader, getRequest(location, cookies.kk)),
    );
    const byId = Object.fromEntries(queue.notices.map((n) => [n.activityId, n.whatsappUrl]));
    expect(byId[a]).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=.*Lengkapi%20foto%20kegiatan/);
    expect(byId[b]).toBeNull();
    // a plain volunteer naming them gets nothing (the page is the verifier's)
    expect(statusOf(await run(queueLoader, getRequest(location, cookies.author)))).toBe(403);
  });
});

describe("the pages' guards and forms", () => {
  it("mark all read; the outbox is the administrator's; preferences are saved per kind", async () => {
    const { ctx, author, cookies } = await setting();
    for (let i = 0; i < 3; i++) {
      const id = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
      await run(
        activityAction,
        postForm(`/activities/${id}`, { intent: "return", reason: `Alasan ke-${i + 1} cukup panjang.` }, cookies.kk),
        { id },
      );
    }
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(3);
    expect(statusOf(await run(listAction, postForm("/notifications", { intent: "read-all" }, cookies.author)))).toBe(302);
    expect(dataOf<{ user: { unread: number } }>(await run(rootLoader, getRequest("/", cookies.author))).user.unread).toBe(0);
    expect(statusOf(await run(listAction, postForm("/notifications", { intent: "other" }, cookies.author)))).toBe(400);

    expect(statusOf(await run(outboxLoader, getRequest("/notifications/outbox", cookies.admin)))).toBe(200);
    for (const who of ["author", "kk", "ketua"] as const)
      expect(statusOf(await run(outboxLoader, getRequest("/notifications/outbox", cookies[who]))), who).toBe(403);
    expect(statusOf(await run(listLoader, getRequest("/notifications")))).toBe(302);

    const saved = await run(
      profileAction,
      postForm("/profile", { intent: "notifications", activity_returned: "portal", activity_verified: "email" }, cookies.author),
    );
    expect(statusOf(saved)).toBe(302);
    const profile = dataOf<{ notifications: { kinds: { kind: string; email: boolean }[] } }>(
      await run(profileLoader, getRequest("/profile", cookies.author)),
    );
    const choice = Object.fromEntries(profile.notifications.kinds.map((k) => [k.kind, k.email]));
    expect(choice).toMatchObject({ activity_returned: false, activity_verified: true, certificate_expiring: true });
    expect(choice).not.toHaveProperty("report_submitted");
    expect(
      statusOf(await run(profileAction, postForm("/profile", { intent: "notifications", activity_returned: "sms" }, cookies.author))),
    ).toBe(400);
  });
});

describe("the chapter's reminder settings on /chapter/profile", () => {
  const remindersForm = (values: Record<string, string>, cookie: string) =>
    postForm("/chapter/profile", { intent: "reminders", ...values }, cookie);

  it("the Sekretaris sets them (validated, audited); a volunteer may not; the reminders use the saved days", async () => {
    const { ctx, kk, author, cookies } = await setting();
    const sekretaris = await boardMember(ctx.id, "sekretaris");
    const cookie = await signIn(sekretaris.email);

    // a volunteer and a Koordinator Kecamatan: 403 on the page and on the form
    for (const who of ["author", "kk"] as const) {
      expect(statusOf(await run(chapterProfileLoader, getRequest("/chapter/profile", cookies[who]))), who).toBe(403);
      expect(
        statusOf(
          await run(
            chapterProfileAction,
            remindersForm({ verificationReminderDays: "5", reportDueDay: "5", certificateWarningDays: "5" }, cookies[who]),
          ),
        ),
        who,
      ).toBe(403);
    }

    const page = dataOf<{ reminders: Record<string, number> }>(await run(chapterProfileLoader, getRequest("/chapter/profile", cookie)));
    expect(page.reminders).toEqual({ verificationReminderDays: 3, reportDueDay: 10, certificateWarningDays: 30 });

    // out of range or not a number: refused with the message beside each field, the input kept
    for (const [values, errors] of [
      [
        { verificationReminderDays: "0", reportDueDay: "29", certificateWarningDays: "91" },
        {
          verificationReminderDays: "Isi jumlah hari antara 1 dan 30.",
          reportDueDay: "Isi tanggal antara 1 dan 28.",
          certificateWarningDays: "Isi jumlah hari antara 1 dan 90.",
        },
      ],
      [
        { verificationReminderDays: "31", reportDueDay: "lima", certificateWarningDays: "-1" },
        {
          verificationReminderDays: "Isi jumlah hari antara 1 dan 30.",
          reportDueDay: "Isi tanggal antara 1 dan 28.",
          certificateWarningDays: "Isi jumlah hari antara 1 dan 90.",
        },
      ],
      [
        { verificationReminderDays: "2.5", reportDueDay: "", certificateWarningDays: "60" },
        { verificationReminderDays: "Isi jumlah hari antara 1 dan 30.", reportDueDay: "Isi tanggal antara 1 dan 28." },
      ],
    ] as const) {
      const refused = await run(chapterProfileAction, remindersForm(values, cookie));
      expect(statusOf(refused)).toBe(400);
      const body = dataOf<{ intent: string; fieldErrors: Record<string, string>; values: Record<string, string> }>(refused);
      expect(body.intent).toBe("reminders");
      expect(body.fieldErrors).toEqual(errors);
      expect(body.values).toMatchObject(values);
    }
    expect(await db.chapter.findUniqueOrThrow({ where: { id: ctx.id }, select: { verificationReminderDays: true } })).toEqual({
      verificationReminderDays: 3,
    });

    const saved = await run(
      chapterProfileAction,
      remindersForm({ verificationReminderDays: " 7 ", reportDueDay: "28", certificateWarningDays: "90" }, cookie),
    );
    expect(statusOf(saved)).toBe(302);
    expect(
      await db.chapter.findUniqueOrThrow({
        where: { id: ctx.id },
        select: { verificationReminderDays: true, reportDueDay: true, certificateWarningDays: true },
      }),
    ).toEqual({ verificationReminderDays: 7, reportDueDay: 28, certificateWarningDays: 90 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { chapterId: ctx.id, action: "chapter.reminder-settings" },
      select: { actorId: true, before: true, after: true },
    });
    expect(audit.actorId).toBe(sekretaris.userId);
    expect(JSON.parse(audit.before!)).toEqual({ verificationReminderDays: 3, reportDueDay: 10, certificateWarningDays: 30 });
    expect(JSON.parse(audit.after!)).toEqual({ verificationReminderDays: 7, reportDueDay: 28, certificateWarningDays: 90 });

    // the digest now waits 7 days: an activity sent 5 days ago is not in it, one sent 8 days ago is
    const recent = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const old = await loggedFor(ctx, author, { villageCode: PLACES.V1002 });
    const at = wib("2027-05-20", "07:00");
    await db.activity.update({ where: { id: recent }, data: { submittedAt: wib("2027-05-15") } });
    await db.activity.update({ where: { id: old }, data: { submittedAt: wib("2027-05-12") } });
    await runReminders(at);
    const digest = await db.notification.findMany({
      where: { userId: kk.userId, kind: "verification_digest" },
      select: { title: true, body: true },
    });
    expect(digest).toHaveLength(1);
    expect(digest[0]!.title).toBe("1 kegiatan menunggu verifikasi");
    expect(digest[0]!.body).toContain("lebih dari 7 hari");
    // and the report is not due on the 20th any more (from the 28th)
    expect(await db.notification.count({ where: { chapterId: ctx.id, kind: "report_due" } })).toBe(0);
  });
});

describe("WhatsApp reminders for certificates of competence that expire", () => {
  it("the Sekretaris's page lists one wa.me link per volunteer with a phone, naming each certificate and its expiry date", async () => {
    const { ctx, author, other, cookies } = await setting();
    const sekretaris = await boardMember(ctx.id, "sekretaris");
    const cookie = await signIn(sekretaris.email);
    await db.member.update({ where: { id: other.memberId! }, data: { phone: null } });
    const today = calendarToday("Asia/Jakarta");
    const certificate = (memberId: string, title: string, expiresOn: Date) =>
      db.certificate.create({
        data: {
          chapterId: ctx.id,
          memberId,
          title,
          number: `LSP-${Math.random().toString(36).slice(2, 8)}`,
          issuer: "LSP Kemensos",
          issuedOn: addDays(today, -1000),
          expiresOn,
        },
      });
    const soon = addDays(today, 10);
    const past = addDays(today, -3);
    const a = await certificate(author.memberId!, "Sertifikat Pendamping Sosial", soon);
    const b = await certificate(author.memberId!, "Sertifikat Pendataan DTSEN", past);
    await certificate(other.memberId!, "Sertifikat Pendamping Sosial", soon);
    const dmy = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");

    const page = dataOf<{ reminders: { memberId: string; name: string; whatsappUrl: string | null }[] }>(
      await run(expiryLoader, getRequest("/trainings/certificates", cookie)),
    );
    const byMember = Object.fromEntries(page.reminders.map((r) => [r.memberId, r]));
    expect(Object.keys(byMember).sort()).toEqual([author.memberId!, other.memberId!].sort());
    const link = new URL(byMember[author.memberId!]!.whatsappUrl!);
    expect(link.origin + link.pathname).toBe("https://wa.me/6281234567890");
    const text = link.searchParams.get("text")!;
    expect(text).toContain("Yth. Siti Relawan");
    expect(text).toContain(`Sertifikat Pendamping Sosial nomor ${a.number} berlaku sampai ${dmy(soon)}`);
    expect(text).toContain(`Sertifikat Pendataan DTSEN nomor ${b.number} sudah berakhir pada ${dmy(past)}`);
    expect(text).toContain("IPSM Kota Rute Notifikasi");
    // no phone: no link
    expect(byMember[other.memberId!]!.whatsappUrl).toBeNull();
    // the page is the board's
    expect(statusOf(await run(expiryLoader, getRequest("/trainings/certificates", cookies.author)))).toBe(403);
  });
});
