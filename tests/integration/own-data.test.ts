// "Unduh data saya" (issue 17, UU 27/2022 right of access): a signed-in user downloads what the
// portal holds about them, as JSON and as a workbook. Their own data is whole (NIK included);
// another member's data and residents' NIK/KK never are; an account without a member gets its
// account part only; every download is audited. Real Requests against the real test database.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { collectOwnData, fileSlug, OWN_AUDIT_LIMIT } from "~/domain/accounts/own-data.server";
import { returnActivities } from "~/domain/activities/verification.server";
import { changeMemberStatus } from "~/domain/members/members.server";
import { saveParticipantCertificate } from "~/domain/trainings/certificates.server";
import { createCourse } from "~/domain/trainings/courses.server";
import { loader as jsonLoader } from "~/routes/profile.data[.]json";
import { loader as xlsxLoader } from "~/routes/profile.data[.]xlsx";
import { db } from "~/utils/db.server";
import { maskNik } from "~/utils/format";
import { activityChapter, loggedFor, referral, type ActivityChapter } from "../factories/activities";
import { certificateData, courseData, takePart, trainingEvent } from "../factories/trainings";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { getRequest, run, signIn } from "../support/requests";
import { PLACES } from "../support/timeline";

const RESIDENT_NIK = "6171014507800003";
const RETURN_REASON = "Lengkapi RT/RW dan foto kegiatan.";
const STATUS_REASON = "Lulus bimtek dasar 2026.";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const RECOVERY_HASH = "a3f1c0ffee00rahasia";

let ctx: ActivityChapter;
let relawan: TestActor;
let other: TestActor;
let ketua: TestActor;
let relawanNik: string;
let otherNik: string;
let returnedId: string;
let joinedId: string;
let othersOnlyId: string;

type OwnJson = {
  about: { timeZone: string; leftOut: string[] };
  account: {
    email: string;
    name: string;
    role: string;
    secondFactorEnabledAt: string | null;
    recoveryCodesUnused: number;
    sessions: { startedAt: string; expiresAt: string }[];
  };
  member: null | {
    record: {
      fullName: string;
      nik: string;
      birthDate: string;
      address: string;
      hasPhoto: boolean;
      consentVersion: string | null;
      village: { code: string };
    };
    statusHistory: { status: string; reason: string | null }[];
    positions: { position: string; kind: string }[];
    trainings: { course: string; result: string | null }[];
    certificates: { number: string; hasScan: boolean }[];
    activities: {
      role: string;
      date: string;
      status: string;
      returnReason: string | null;
      narrative: string | null;
      people: number;
      followUpsOpened: number;
    }[];
  };
  auditLog: { limit: number; truncated: boolean; entries: { action: string; byYou: boolean; aboutYou: boolean; at: string }[] };
};

async function download(loader: typeof jsonLoader, path: string, cookie?: string) {
  return (await run(loader, getRequest(path, cookie))) as Response;
}

async function readWorkbook(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as never);
  return workbook;
}

/** Every cell's text of a sheet, row by row. */
function sheetText(workbook: ExcelJS.Workbook, name: string): string {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const lines: string[] = [];
  sheet.eachRow((row) =>
    lines.push((row.values as unknown[]).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ""))).join("|")),
  );
  return lines.join("\n");
}

beforeAll(async () => {
  ctx = await activityChapter({ code: "DSY" });
  await db.chapter.update({ where: { id: ctx.id }, data: { keepCaseIdentifiers: true } });
  ketua = await boardMember(ctx.id, "ketua", { email: "ketua@own-data.test", name: "Ketua Pemeriksa" });
  const sekretaris = await boardMember(ctx.id, "sekretaris", { email: "sekretaris@own-data.test", name: "Sekretaris Pencatat" });
  // The volunteer holds a position (Anggota Pengurus) in the active period.
  relawan = await boardMember(ctx.id, "anggota_pengurus", {
    email: "relawan@own-data.test",
    name: "Utin Nurhasanah Uji",
    villageCode: PLACES.V1002,
  });
  other = await volunteer(ctx.id, { fullName: "Budi Orang Lain" });
  const nikOf = async (a: TestActor) => (await db.member.findUniqueOrThrow({ where: { id: a.memberId! }, select: { nik: true } })).nik;
  relawanNik = await nikOf(relawan);
  otherNik = await nikOf(other);

  // Activities: one they logged that opened a follow-up with a resident's NIK, one returned with
  // a reason, one another volunteer logged with them as co-volunteer, one without them.
  await loggedFor(
    ctx,
    relawan,
    { narrative: "Kunjungan lansia di RT 03." },
    { followUp: referral("Dinas Sosial", "Rujukan PBI JK", RESIDENT_NIK) },
  );
  returnedId = await loggedFor(ctx, relawan, { date: "2031-06-11", narrative: "Pendataan PPKS." });
  expect(await returnActivities(ketua, [returnedId], RETURN_REASON)).toEqual({ ok: true, verified: 1, skipped: 0 });
  joinedId = await loggedFor(
    ctx,
    other,
    { date: "2031-06-12", narrative: "Catatan rahasia Budi." },
    { coVolunteerIds: [relawan.memberId!] },
  );
  othersOnlyId = await loggedFor(ctx, other, { date: "2031-06-13", narrative: "Hanya Budi." });

  // A training passed, with its certificate.
  const courseId = expectOk(
    await createCourse(sekretaris, { data: courseData({ name: "Diklat Pendampingan Lansia" }), competencies: [] }),
  ).id;
  const eventId = await trainingEvent(sekretaris, courseId);
  const participantId = await takePart(sekretaris, eventId, relawan.memberId!, "hadir", 12, "lulus");
  expectOk(
    await saveParticipantCertificate(sekretaris, { eventId, participantId, data: certificateData({ number: "SRT-DSY/0042" }), file: null }),
  );
  await takePart(sekretaris, eventId, other.memberId!, "hadir", 12, "lulus");

  // Their second factor: its secret and recovery codes are never exported.
  await db.user.update({ where: { id: relawan.userId }, data: { totpSecret: TOTP_SECRET, totpEnabledAt: new Date() } });
  await db.recoveryCode.createMany({
    data: [
      { userId: relawan.userId, codeHash: RECOVERY_HASH },
      { userId: relawan.userId, codeHash: `${RECOVERY_HASH}-used`, usedAt: new Date() },
    ],
  });

  // The board records a status change about them.
  expectOk(
    await changeMemberStatus(sekretaris, relawan.memberId!, { status: "aktif", effectiveDate: "2026-01-20", reason: STATUS_REASON }),
  );
});

describe("the JSON download", () => {
  it("holds the volunteer's own data, whole, and nobody else's", async () => {
    const cookie = await signIn(relawan.email);
    const response = await download(jsonLoader, "/profile/data.json", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="?data-saya-utin-nurhasanah-uji-\d{4}-\d{2}-\d{2}\.json"?$/,
    );
    const body = await response.text();
    expect(body).toContain('\n  "account": {'); // pretty-printed
    const data = JSON.parse(body) as OwnJson;

    expect(data.account).toMatchObject({ email: "relawan@own-data.test", name: "Utin Nurhasanah Uji", role: "volunteer" });
    expect(data.account.sessions.length).toBeGreaterThan(0);
    expect(data.account.sessions[0]!.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const member = data.member!;
    expect(member.record).toMatchObject({
      fullName: "Utin Nurhasanah Uji",
      nik: relawanNik,
      hasPhoto: false,
      village: { code: PLACES.V1002 },
    });
    expect(member.record.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(member.positions).toEqual([expect.objectContaining({ kind: "anggota_pengurus" })]);
    expect(member.trainings).toEqual([expect.objectContaining({ course: "Diklat Pendampingan Lansia", result: "lulus" })]);
    expect(member.certificates).toEqual([expect.objectContaining({ number: "SRT-DSY/0042", hasScan: false })]);
    expect(member.statusHistory).toContainEqual(expect.objectContaining({ status: "aktif", reason: STATUS_REASON }));

    // Activities: the three they logged or joined, newest first; not the one without them.
    expect(member.activities.map((a) => [a.date, a.role, a.status])).toEqual([
      ["2031-06-12", "joined", "submitted"],
      ["2031-06-11", "logged", "returned"],
      ["2031-06-10", "logged", "submitted"],
    ]);
    const [joined, returned, own] = member.activities;
    expect(returned!.returnReason).toBe(RETURN_REASON);
    expect(own).toMatchObject({ narrative: "Kunjungan lansia di RT 03.", followUpsOpened: 1 });
    // A joined activity's narrative is the other volunteer's text.
    expect(joined!.narrative).toBeNull();

    // Nobody else's data, no resident's NIK (whole or masked), no secret.
    expect(body).not.toContain(otherNik);
    expect(body).not.toContain("Budi Orang Lain");
    expect(body).not.toContain("Catatan rahasia Budi");
    expect(body).not.toContain("Hanya Budi");
    expect(body).not.toContain(RESIDENT_NIK);
    expect(body).not.toContain(maskNik(RESIDENT_NIK));
    expect(body).not.toContain("Rujukan PBI JK");
    expect(body).not.toMatch(/passwordHash|tokenHash|totpSecret|codeHash|\$argon|\$2[aby]\$|scrypt/);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: relawan.userId }, select: { passwordHash: true } });
    expect(body).not.toContain(passwordHash);
    expect(body).not.toContain(TOTP_SECRET);
    expect(body).not.toContain(RECOVERY_HASH);
    expect(data.account).toMatchObject({ recoveryCodesUnused: 1 });
    expect(data.account.secondFactorEnabledAt).toMatch(/Z$/);
    const consent = await db.member.findUniqueOrThrow({ where: { id: relawan.memberId! }, select: { consentVersion: true } });
    expect(member.record.consentVersion).toBe(consent.consentVersion);
    for (const id of [joinedId, othersOnlyId]) expect(body).not.toContain(id);
    expect(data.about.leftOut.join(" ")).toContain("NIK/KK warga");
  });

  it("holds their own notifications, notification emails and email choices, never another person's", async () => {
    // their choice: returned activities in the portal only; another volunteer's notification and email
    await db.notificationPreference.create({ data: { userId: relawan.userId, kind: "activity_returned", email: false } });
    await db.notificationPreference.create({ data: { userId: other.userId, kind: "activity_verified", email: false } });
    await db.notification.create({
      data: {
        userId: other.userId,
        chapterId: ctx.id,
        kind: "activity_returned",
        eventKey: "own-data-test:other",
        title: "Pemberitahuan Budi",
        body: "Alasan khusus Budi",
        link: `/activities/${othersOnlyId}`,
      },
    });
    await db.outboxMessage.create({
      data: {
        userId: other.userId,
        chapterId: ctx.id,
        kind: "activity_returned",
        eventKey: "own-data-test:other",
        toAddress: "budi-surel@own-data.test",
        subject: "Perihal Budi",
        text: "Alasan khusus Budi",
        html: "<p>Alasan khusus Budi</p>",
      },
    });
    await db.outboxMessage.create({
      data: {
        userId: relawan.userId,
        chapterId: ctx.id,
        kind: "activity_returned",
        eventKey: "own-data-test:own-mail",
        toAddress: "relawan@own-data.test",
        subject: "Kegiatan Anda dikembalikan · IPSM",
        text: RETURN_REASON,
        html: `<p>${RETURN_REASON}</p>`,
        status: "sent",
        sentAt: new Date(),
      },
    });
    const { data } = expectOk(await collectOwnData(relawan, new Date(), "json"));
    expect(data.account.notifications).toContainEqual(
      expect.objectContaining({
        kind: "activity_returned",
        link: `/activities/${returnedId}`,
        body: expect.stringContaining(RETURN_REASON),
      }),
    );
    expect(data.account.notificationPreferences).toContainEqual({ kind: "activity_returned", email: false, chosen: true });
    expect(data.account.notificationPreferences).toContainEqual({ kind: "activity_verified", email: true, chosen: false });
    expect(data.account.notificationPreferences.some((p) => p.kind === "report_submitted")).toBe(false);
    expect(data.account.notificationEmails).toContainEqual(
      expect.objectContaining({ toAddress: "relawan@own-data.test", status: "sent", subject: "Kegiatan Anda dikembalikan · IPSM" }),
    );
    const body = JSON.stringify(data);
    for (const text of ["Pemberitahuan Budi", "Alasan khusus Budi", "budi-surel@own-data.test", "Perihal Budi", "own-data-test:other"])
      expect(body).not.toContain(text);
  });

  it("lists the audit entries they made or that are about them, and records the download", async () => {
    const before = await db.auditLog.count({ where: { action: "privacy.ownData.export", actorId: relawan.userId } });
    const { data } = expectOk(await collectOwnData(relawan, new Date(), "json"));
    const entries = data.auditLog.entries;
    expect(data.auditLog).toMatchObject({ limit: OWN_AUDIT_LIMIT, truncated: false });
    // The Sekretaris's status change is about them, not by them; their sign-in is by them.
    expect(entries).toContainEqual(expect.objectContaining({ action: "member.status", byYou: false, aboutYou: true }));
    expect(entries.every((e) => e.byYou || e.aboutYou)).toBe(true);
    // The Ketua's return of their activity is about the activity: it shows in the activity, not here.
    expect(entries.some((e) => e.action === "activity.return")).toBe(false);
    const recorded = await db.auditLog.findMany({
      where: { action: "privacy.ownData.export", actorId: relawan.userId },
      select: { entityType: true, entityId: true, chapterId: true, after: true },
      orderBy: { at: "desc" },
    });
    expect(recorded).toHaveLength(before + 1);
    expect(recorded[0]).toEqual({
      entityType: "User",
      entityId: relawan.userId,
      chapterId: ctx.id,
      after: JSON.stringify({ format: "json" }),
    });
  });

  it("gives an account without a member its account part only (administrator, Dinas Sosial)", async () => {
    for (const role of ["admin", "dinsos"] as const) {
      const who = await account(ctx.id, role, { email: `${role}@own-data.test` });
      const response = await download(jsonLoader, "/profile/data.json", await signIn(who.email));
      expect(response.status).toBe(200);
      const data = JSON.parse(await response.text()) as OwnJson;
      expect(data.account).toMatchObject({ email: `${role}@own-data.test`, role });
      expect(data.member).toBeNull();
      expect(data.auditLog.entries.some((e) => e.action === "auth.login" && e.byYou)).toBe(true);
      expect(response.headers.get("Content-Disposition")).toContain("data-saya-pengguna-");
    }
  });
});

describe("the workbook", () => {
  it("opens with exceljs and has a sheet per section, with their data", async () => {
    const response = await download(xlsxLoader, "/profile/data.xlsx", await signIn(relawan.email));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="?data-saya-utin-nurhasanah-uji-\d{4}-\d{2}-\d{2}\.xlsx"?$/,
    );
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Tentang berkas ini",
      "Akun",
      "Sesi masuk",
      "Tautan akun",
      "Pemberitahuan",
      "Pilihan pemberitahuan",
      "Email pemberitahuan",
      "Data anggota",
      "Riwayat status",
      "Kartu anggota",
      "Jabatan",
      "Pelatihan",
      "Pelatihan luar",
      "Sertifikat",
      "Kompetensi",
      "Surat keterangan relawan",
      "Program",
      "Kegiatan",
      "Pendaftaran",
      "Pemeriksaan duplikat",
      "Log audit",
    ]);
    const memberSheet = sheetText(workbook, "Data anggota");
    expect(memberSheet).toContain(`NIK|${relawanNik}`);
    expect(memberSheet).toContain("Nama lengkap|Utin Nurhasanah Uji");
    expect(workbook.getWorksheet("Data anggota")!.getRow(4).getCell(2).numFmt).toBe("@");
    const activities = sheetText(workbook, "Kegiatan");
    expect(activities.split("\n")[0]).toContain("Tanggal|");
    expect(activities).toContain(RETURN_REASON);
    expect(activities).toContain("Relawan pendamping");
    expect(activities.split("\n")).toHaveLength(4);
    expect(sheetText(workbook, "Sertifikat")).toContain("SRT-DSY/0042");
    expect(sheetText(workbook, "Jabatan")).toContain("Anggota Pengurus");
    expect(sheetText(workbook, "Riwayat status")).toContain(STATUS_REASON);
    expect(sheetText(workbook, "Log audit")).toContain("Data pribadi diunduh pemiliknya");
    expect(sheetText(workbook, "Pemberitahuan")).toContain(RETURN_REASON);
    expect(sheetText(workbook, "Pilihan pemberitahuan")).toContain("Kegiatan saya dikembalikan|Tidak|Ya");
    expect(sheetText(workbook, "Email pemberitahuan")).toContain("relawan@own-data.test|Kegiatan Anda dikembalikan");
    const everything = workbook.worksheets.map((s) => sheetText(workbook, s.name)).join("\n");
    expect(everything).not.toContain(otherNik);
    expect(everything).not.toContain(RESIDENT_NIK);
    expect(everything).not.toContain("Budi Orang Lain");
    expect(
      await db.auditLog.count({
        where: { action: "privacy.ownData.export", actorId: relawan.userId, after: JSON.stringify({ format: "xlsx" }) },
      }),
    ).toBe(1);
  });

  it("has no member sheets for an account without a member", async () => {
    const who = await account(ctx.id, "dinsos", { email: "dinsos-xlsx@own-data.test" });
    const workbook = await readWorkbook(await download(xlsxLoader, "/profile/data.xlsx", await signIn(who.email)));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Tentang berkas ini",
      "Akun",
      "Sesi masuk",
      "Tautan akun",
      "Pemberitahuan",
      "Pilihan pemberitahuan",
      "Email pemberitahuan",
      "Log audit",
    ]);
    expect(sheetText(workbook, "Akun")).toContain("Peran|Dinas Sosial");
  });
});

describe("the routes", () => {
  it("send an anonymous visitor to the login page", async () => {
    for (const [loader, path] of [
      [jsonLoader, "/profile/data.json"],
      [xlsxLoader, "/profile/data.xlsx"],
    ] as const) {
      const response = await download(loader, path);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
  });
});

describe("file names", () => {
  it("carry the person's name in plain letters", () => {
    expect(fileSlug("Utin Nurhasanah")).toBe("utin-nurhasanah");
    expect(fileSlug("Dewi Ma'rifah, S.Sos.")).toBe("dewi-ma-rifah-s-sos");
    expect(fileSlug("Hj. Rosnani Abdullah")).toBe("hj-rosnani-abdullah");
    expect(fileSlug("Zoë Ñúñez")).toBe("zoe-nunez");
    expect(fileSlug("---")).toBe("akun");
  });
});
