// Certificates of service (Surat Keterangan Relawan PSM) against the real database: a volunteer's
// verified hours and activities in a period (as the author and as a co-volunteer; unverified
// activities and those outside the period left out), their training hours apart, the letter
// number and its serial, the frozen file and hash, the PDF's text, the verification page, who may
// issue and download one, and the refusals (period not ended or too long, no verified activity,
// a member of another chapter).
//
// Simulated timeline: "today" is 26 November 2026 in Asia/Jakarta (NOW) for every domain call;
// the routes run on the real clock and are only used for periods long past.
import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  // Stored PDFs go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-service-certificates-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { ensureActivityCatalogue, listActivityTypes } from "~/domain/catalogues/catalogues.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { nextLetterNumber } from "~/domain/chapters/letters.server";
import {
  certificateFile,
  issueServiceCertificate,
  listCertificates,
  listOwnCertificates,
  memberServiceFigures,
  verifyCertificateCode,
} from "~/domain/reports/service-certificates.server";
import { renderServiceCertificatePdf } from "~/documents/pdf/render.server";
import type { Actor } from "~/domain/shared/actor.server";
import type { ActivityStatus } from "~/generated/prisma/enums";
import { loader as downloadLoader } from "~/routes/certificates.$id[.]pdf";
import { action as loginAction } from "~/routes/login";
import { loader as profileLoader } from "~/routes/profile";
import { action as issueAction, loader as issueLoader } from "~/routes/reports.certificates";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { actorOfUser } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { pdfText } from "../support/pdf-text";
import { cookiesFrom, dataOf, getRequest, postForm, run, statusOf } from "../support/requests";

const NOW = new Date("2026-11-26T10:00:00+07:00");
const V1002 = "61.71.01.1002"; // Benuamelayu Laut, Pontianak Selatan
const OCT_1 = calendarDate(2026, 10, 1);
const OCT_31 = calendarDate(2026, 10, 31);
const OCT_15 = calendarDate(2026, 10, 15);
const OCTOBER = "1 Oktober 2026 s.d. 31 Oktober 2026";

const MSG = {
  forbidden: "Anda tidak berwenang menerbitkan surat keterangan relawan.",
  member: "Pilih anggota dari daftar.",
  endBeforeStart: "Tanggal akhir tidak boleh sebelum tanggal awal.",
  tooLong: "Periode surat keterangan paling panjang 366 hari.",
  notEnded: "Periode ini belum berakhir. Tanggal akhir paling lambat hari ini (26 November 2026).",
  alreadyIssued: (name: string, number: string) =>
    `Surat keterangan untuk ${name} periode ${OCTOBER} sudah diterbitkan: Nomor ${number}, 26 November 2026. Unduh yang sudah ada dari daftar di bawah, atau terbitkan ulang bila angkanya perlu diperbarui (nomor baru; yang lama tetap sah).`,
  noActivity: (name: string, period: string) =>
    `${name} tidak memiliki kegiatan terverifikasi pada periode ${period}. Surat keterangan tidak dapat diterbitkan.`,
} as const;

let chapterId: string;
let otherChapterId: string;
let ketua: Actor;
let budiActor: Actor;
let dinsos: Actor;
let ketuaUserId: string;
const members: Record<"budi" | "maria" | "andi" | "dewi" | "outsider", { id: string; memberNumber: string | null; nik: string }> =
  {} as never;
let typeNames: string[];

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The message for the whole form of an invalid outcome. */
const formError = (outcome: { ok: boolean }) => expectRefusal(outcome, "invalid").formError;

async function signIn(email: string) {
  const response = (await run(loginAction, postForm("/login", { email, password: "password-123" }))) as Response;
  expect(response.status).toBe(302);
  return cookiesFrom(response);
}

let activitySerial = 0;
/** An activity row as the activity flow leaves it (the figures only read these columns). */
async function activity(input: {
  memberId: string;
  date: Date;
  minutes: number;
  type: number;
  people: number;
  status: ActivityStatus;
  coVolunteers?: string[];
}) {
  const types = await listActivityTypes(chapterId);
  return db.activity.create({
    data: {
      chapterId,
      memberId: input.memberId,
      date: input.date,
      durationMinutes: input.minutes,
      typeId: types[input.type]!.id,
      villageCode: V1002,
      districtCode: "61.71.01",
      people: input.people,
      households: 1,
      status: input.status,
      idempotencyKey: `sertifikat-${++activitySerial}-${Math.random().toString(36).slice(2, 10)}`,
      volunteers: { create: (input.coVolunteers ?? []).map((memberId) => ({ memberId })) },
    },
    select: { id: true },
  });
}

const storedFiles = async () => (await readdir(path.join(UPLOADS, "reports")).catch(() => [] as string[])).sort();

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "SKR", name: "IPSM Kota Pontianak" })).id;
  otherChapterId = (await buildChapter({ code: "SKX", name: "IPSM Kabupaten Kubu Raya", letterheadSubtitle: "KABUPATEN KUBU RAYA" })).id;
  await ensureActivityCatalogue(chapterId);
  typeNames = (await listActivityTypes(chapterId)).map((t) => t.name);
  // A period that covers the simulated 2026 and the real clock (the routes), so the Ketua holds office on both.
  await db.leadershipPeriod.create({
    data: {
      chapterId,
      name: "Periode 2025-2030",
      startDate: calendarDate(2025, 1, 1),
      endDate: calendarDate(Math.max(2030, new Date().getUTCFullYear() + 4), 12, 31),
      status: "active",
      activatedAt: new Date(),
    },
  });
  const k = await buildBoardUser({ chapterId, kind: "ketua", name: "Rahmat Hidayat", email: "ketua@skr.test" });
  ketuaUserId = k.id;
  ketua = await actorOfUser(k);
  await buildBoardUser({ chapterId, kind: "sekretaris", name: "Siti Rohani", email: "sekretaris@skr.test" });
  dinsos = await actorOfUser(await buildUser({ chapterId, role: "dinsos", email: "dinsos@skr.test" }));

  const build = async (name: string, chapter = chapterId) => {
    const m = await buildMember({ chapterId: chapter, villageCode: V1002, fullName: name, phone: "+6281234500001" });
    return { id: m.id, memberNumber: m.memberNumber, nik: m.nik };
  };
  members.budi = await build("Budi Santoso");
  members.maria = await build("Maria Ulfah");
  members.andi = await build("Andi Saputra");
  members.dewi = await build("Dewi Lestari");
  members.outsider = await build("Eko Prasetyo", otherChapterId);
  budiActor = await actorOfUser(await buildUser({ chapterId, role: "volunteer", memberId: members.budi.id, email: "budi@skr.test" }));
  await buildUser({ chapterId, role: "volunteer", memberId: members.maria.id, email: "maria@skr.test" });
  const otherKetua = await buildBoardUser({ chapterId: otherChapterId, kind: "ketua", email: "ketua@skx.test" });
  expect(otherKetua.id).toBeTruthy();

  const { budi, maria, dewi } = members;
  // October 2026, verified: Budi logs three (one with Maria along) and joins one of Maria's.
  await activity({
    memberId: budi.id,
    date: calendarDate(2026, 10, 5),
    minutes: 120,
    type: 0,
    people: 8,
    status: "verified",
    coVolunteers: [maria.id],
  });
  await activity({ memberId: budi.id, date: calendarDate(2026, 10, 20), minutes: 90, type: 1, people: 5, status: "verified" });
  await activity({
    memberId: maria.id,
    date: calendarDate(2026, 10, 12),
    minutes: 45,
    type: 0,
    people: 3,
    status: "verified",
    coVolunteers: [budi.id],
  });
  await activity({ memberId: budi.id, date: OCT_31, minutes: 30, type: 1, people: 2, status: "verified" });
  // Not counted: waiting, returned or a draft; or outside the period (the day before and the day after).
  await activity({ memberId: budi.id, date: calendarDate(2026, 10, 25), minutes: 300, type: 0, people: 40, status: "submitted" });
  await activity({ memberId: budi.id, date: calendarDate(2026, 10, 26), minutes: 60, type: 0, people: 4, status: "returned" });
  await activity({
    memberId: maria.id,
    date: calendarDate(2026, 10, 27),
    minutes: 75,
    type: 0,
    people: 6,
    status: "draft",
    coVolunteers: [budi.id],
  });
  await activity({ memberId: budi.id, date: calendarDate(2026, 9, 30), minutes: 200, type: 0, people: 10, status: "verified" });
  await activity({
    memberId: maria.id,
    date: calendarDate(2026, 11, 1),
    minutes: 100,
    type: 1,
    people: 7,
    status: "verified",
    coVolunteers: [budi.id],
  });
  // Dewi's only October activity still waits for verification.
  await activity({ memberId: dewi.id, date: calendarDate(2026, 10, 8), minutes: 60, type: 0, people: 2, status: "submitted" });

  // Training: an event in October (16 hours attended), outside training in October (8 hours),
  // and an event in September (not counted).
  const course = await db.course.create({
    data: { chapterId, name: "Bimtek Pendataan PPKS", kind: "bimtek_teknis", organiser: "ipsm", hours: 16 },
  });
  const event = (start: Date, hours: number) =>
    db.trainingEvent.create({
      data: { chapterId, courseId: course.id, startDate: start, endDate: start, place: "Aula Dinsos", organiser: "IPSM", hours },
      select: { id: true },
    });
  const october = await event(calendarDate(2026, 10, 10), 16);
  const september = await event(calendarDate(2026, 9, 15), 10);
  await db.trainingParticipant.create({ data: { eventId: october.id, memberId: budi.id, attendance: "hadir", hoursAttended: 16 } });
  await db.trainingParticipant.create({ data: { eventId: september.id, memberId: budi.id, attendance: "hadir", hoursAttended: 10 } });
  await db.externalTraining.create({
    data: {
      memberId: budi.id,
      title: "Diklat Pendamping Sosial",
      kind: "diklat",
      organiser: "Kemensos",
      startDate: calendarDate(2026, 10, 15),
      endDate: calendarDate(2026, 10, 15),
      hours: 8,
    },
  });
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("a volunteer's figures", () => {
  it("count verified activities as author and as co-volunteer, inside the period only, with training hours apart", async () => {
    // Budi: 120 + 90 + 45 (with Maria) + 30 (the last day) = 285 minutes = 4.75 hours, 4 activities;
    // people 8 + 5 + 3 + 2 = 18; training 16 + 8 = 24 hours.
    expect(await memberServiceFigures(members.budi.id, OCT_1, OCT_31)).toEqual({
      hours: 4.75,
      activities: 4,
      byType: [
        { name: typeNames[0], activities: 2, hours: 2.75 },
        { name: typeNames[1], activities: 2, hours: 2 },
      ],
      people: 18,
      trainingHours: 24,
    });
    // Maria: her own 45 minutes and Budi's 120 she joined; her draft does not count.
    expect(await memberServiceFigures(members.maria.id, OCT_1, OCT_31)).toEqual({
      hours: 2.75,
      activities: 2,
      byType: [{ name: typeNames[0], activities: 2, hours: 2.75 }],
      people: 11,
      trainingHours: 0,
    });
  });
});

describe("issuing", () => {
  let budiCertificate: { id: string; number: string };
  let bytes: Buffer;
  let row: { figures: string; contentHash: string; verifyCode: string; pdfFile: string };

  beforeAll(async () => {
    budiCertificate = expectOk(await issueServiceCertificate(ketua, { memberId: members.budi.id, start: OCT_1, end: OCT_31 }, NOW));
    row = await db.serviceCertificate.findUniqueOrThrow({
      where: { id: budiCertificate.id },
      select: { figures: true, contentHash: true, verifyCode: true, pdfFile: true },
    });
    bytes = Buffer.from(expectOk(await certificateFile(ketua, budiCertificate.id)).bytes);
  });

  it("numbers letters per chapter and year: serial / IPSM-code / roman month / year", async () => {
    expect(budiCertificate.number).toBe("001/IPSM-SKR/XI/2026");
    const maria = expectOk(await issueServiceCertificate(ketua, { memberId: members.maria.id, start: OCT_1, end: OCT_31 }, NOW));
    expect(maria.number).toBe("002/IPSM-SKR/XI/2026");
    // A new year starts again at 001; the chapter's letters share one serial (reports too).
    const january = expectOk(
      await issueServiceCertificate(
        ketua,
        { memberId: members.maria.id, start: OCT_1, end: OCT_31, replaces: maria.id },
        new Date("2027-01-04T09:00:00+07:00"),
      ),
    );
    expect(january.number).toBe("001/IPSM-SKR/I/2027");
    const next = await db.$transaction((tx) => nextLetterNumber(tx, chapterId, "SKR", calendarDate(2026, 12, 1)));
    expect(next).toBe("003/IPSM-SKR/XII/2026");
    // Another chapter has its own serial.
    expect(await db.$transaction((tx) => nextLetterNumber(tx, otherChapterId, "SKX", calendarDate(2026, 3, 9)))).toBe(
      "001/IPSM-SKX/III/2026",
    );
  });

  it("freezes the figures with the number, member, chapter, period and moment under a hash, and audits", async () => {
    const payload = JSON.parse(row.figures);
    expect(payload).toEqual({
      number: "001/IPSM-SKR/XI/2026",
      member: { name: "Budi Santoso", memberNumber: members.budi.memberNumber },
      chapter: "SKR",
      period: { start: "2026-10-01", end: "2026-10-31" },
      issuedAt: NOW.toISOString(),
      figures: { hours: 4.75, activities: 4, byType: expect.any(Array), people: 18, trainingHours: 24 },
    });
    expect(row.contentHash).toBe(sha256(row.figures));
    expect(row.verifyCode).toMatch(/^S[\w-]{16}$/);
    expect(await storedFiles()).toContain(row.pdfFile);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "certificate.issue", entityId: budiCertificate.id } });
    expect(audit).toMatchObject({ actorId: ketuaUserId, chapterId, entityType: "ServiceCertificate" });
    expect(JSON.parse(audit.after!)).toMatchObject({
      number: "001/IPSM-SKR/XI/2026",
      memberId: members.budi.id,
      contentHash: row.contentHash,
    });
  });

  it("prints one A4 page with the member, the figures, the Ketua's signature and the verification address", async () => {
    const { text, pages } = await pdfText(new Uint8Array(bytes));
    expect(pages).toBe(1);
    expect(text).toContain("IKATAN PEKERJA SOSIAL MASYARAKAT");
    expect(text).toContain("SURAT KETERANGAN RELAWAN PSM");
    expect(text).toContain("Nomor: 001/IPSM-SKR/XI/2026");
    expect(text).toContain("Yang bertanda tangan di bawah ini, Ketua IPSM Kota Pontianak, menerangkan bahwa:");
    expect(text).toContain("Nama : Budi Santoso");
    expect(text).toContain(`No. anggota : ${members.budi.memberNumber}`);
    expect(text).toContain(`pada periode ${OCTOBER}, dengan rincian`);
    expect(text).toContain("Jam kegiatan lapangan 4,75 jam");
    expect(text).toContain("Jumlah kegiatan 4");
    expect(text).toContain("Orang yang dijangkau 18 orang");
    expect(text).toContain("Jam pelatihan 24 jam");
    expect(text).toContain(`${typeNames[0]} 2 2,75`);
    expect(text).toContain(`${typeNames[1]} 2 2`);
    expect(text).toContain("Pontianak, 26 November 2026");
    expect(text).toContain("Ketua IPSM Kota Pontianak, Rahmat Hidayat");
    expect(text).toContain(`Periksa keaslian: http://localhost:3000/verify/${row.verifyCode}`);
    expect(text).toContain(`Kode isi: ${row.contentHash.slice(0, 16)}`);
    // No NIK, phone or home address.
    expect(text).not.toContain(members.budi.nik);
    // (the printed start of the content hash is hexadecimal and may, rarely, be all digits)
    expect(text.replace(/Kode isi: [0-9a-f]{16}/g, "")).not.toMatch(/\d{16}/);
    expect(text).not.toContain("+62812");
  });

  it("keeps to one page with many activity types, summing up the last ones", async () => {
    const url = "http://localhost:3000/verify/SAAAAAAAAAAAAAAAA";
    const pdf = await renderServiceCertificatePdf({
      letterhead: await getChapterLetterhead(chapterId),
      number: "099/IPSM-SKR/XI/2026",
      date: calendarDate(2026, 11, 26),
      member: { name: "Budi Santoso", memberNumber: members.budi.memberNumber },
      period: { start: "2026-01-01", end: "2026-10-31" },
      figures: {
        hours: 150,
        activities: 75,
        people: 400,
        trainingHours: 0,
        byType: Array.from({ length: 15 }, (_, i) => ({
          name: `Jenis kegiatan nomor ${i + 1} dengan nama yang cukup panjang`,
          activities: 15 - i,
          hours: 2,
        })),
      },
      ketua: null,
      verification: { url, qrDataUrl: await QRCode.toDataURL(url), contentHash: "0".repeat(64) },
    });
    const { text, pages } = await pdfText(new Uint8Array(pdf));
    expect(pages).toBe(1);
    expect(text).toContain("Jenis kegiatan nomor 11 dengan nama yang cukup panjang 5 2");
    expect(text).not.toContain("Jenis kegiatan nomor 12 ");
    // types 12 to 15: 4 + 3 + 2 + 1 activities, 4 x 2 hours
    expect(text).toContain("Jenis lainnya (4 jenis) 10 8");
    // no Ketua serving: a blank line to sign on
    expect(text).toMatch(/Ketua IPSM Kota Pontianak, \(\.+\)/);
  });

  it("keeps the stored file and hash when the data changes afterwards", async () => {
    await activity({ memberId: members.budi.id, date: calendarDate(2026, 10, 15), minutes: 600, type: 0, people: 50, status: "verified" });
    await db.member.update({ where: { id: members.budi.id }, data: { fullName: "Budi Santoso Wijaya" } });
    await db.activityType.updateMany({ where: { chapterId, name: typeNames[0] }, data: { name: "Jenis yang diganti namanya" } });
    try {
      // the member's own download: the same bytes
      const again = expectOk(await certificateFile(budiActor, budiCertificate.id));
      expect(Buffer.compare(again.bytes, bytes)).toBe(0);
      const after = await db.serviceCertificate.findUniqueOrThrow({
        where: { id: budiCertificate.id },
        select: { figures: true, contentHash: true },
      });
      expect(after).toEqual({ figures: row.figures, contentHash: row.contentHash });
      expect(await verifyCertificateCode(row.verifyCode)).toMatchObject({ name: "Budi Santoso", hours: 4.75, activities: 4, intact: true });
      // ...while the live figures moved on.
      expect((await memberServiceFigures(members.budi.id, OCT_1, OCT_31)).hours).toBe(14.75);
    } finally {
      await db.member.update({ where: { id: members.budi.id }, data: { fullName: "Budi Santoso" } });
      await db.activityType.updateMany({ where: { chapterId, name: "Jenis yang diganti namanya" }, data: { name: typeNames[0] } });
    }
  });

  it("shows the certificate on the verification page, and 404 for an unknown code", async () => {
    const result = dataOf<{ kind: string; certificate: Record<string, unknown> }>(
      await run(verifyLoader, getRequest(`/verify/${row.verifyCode}`), { code: row.verifyCode }),
    );
    expect(result.kind).toBe("certificate");
    expect(result.certificate).toMatchObject({
      number: "001/IPSM-SKR/XI/2026",
      name: "Budi Santoso",
      memberNumber: members.budi.memberNumber,
      chapter: "IPSM Kota Pontianak",
      periodLabel: OCTOBER,
      hours: 4.75,
      activities: 4,
      trainingHours: 24,
      issuedAt: NOW,
      contentHash: row.contentHash,
      intact: true,
    });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(members.budi.nik);
    expect(shown).not.toContain("+62812");
    expect(shown).not.toMatch(/alamat|address|phone|nik/i);

    expect(statusOf(await run(verifyLoader, getRequest("/verify/SAAAAAAAAAAAAAAAA"), { code: "SAAAAAAAAAAAAAAAA" }))).toBe(404);
    expect(statusOf(await run(verifyLoader, getRequest("/verify/tidak-ada"), { code: "tidak-ada" }))).toBe(404);
  });

  it("tells when the stored figures no longer match their hash", async () => {
    const latest = await db.serviceCertificate.findFirstOrThrow({
      where: { memberId: members.maria.id },
      orderBy: { issuedAt: "desc" },
      select: { id: true },
    });
    const later = new Date("2027-01-05T09:00:00+07:00");
    const certificate = expectOk(
      await issueServiceCertificate(ketua, { memberId: members.maria.id, start: OCT_1, end: OCT_31, replaces: latest.id }, later),
    );
    const stored = await db.serviceCertificate.findUniqueOrThrow({
      where: { id: certificate.id },
      select: { figures: true, verifyCode: true },
    });
    await db.serviceCertificate.update({
      where: { id: certificate.id },
      data: { figures: stored.figures.replace('"hours":2.75', '"hours":27.5') },
    });
    expect(await verifyCertificateCode(stored.verifyCode)).toMatchObject({ hours: 27.5, intact: false });
  });

  it("lists the chapter's certificates and the member's own", async () => {
    const list = await listCertificates(ketua);
    expect(list.find((c) => c.id === budiCertificate.id)).toMatchObject({
      number: "001/IPSM-SKR/XI/2026",
      member: { fullName: "Budi Santoso", memberNumber: members.budi.memberNumber },
      periodLabel: OCTOBER,
      hours: 4.75,
      activities: 4,
      issuedBy: { name: "Rahmat Hidayat" },
    });
    expect((await listOwnCertificates(members.budi.id)).map((c) => c.number)).toEqual(["001/IPSM-SKR/XI/2026"]);
    const otherKetua = await actorOfUser(await db.user.findUniqueOrThrow({ where: { email: "ketua@skx.test" } }));
    expect(await listCertificates(otherKetua)).toEqual([]);
    // not a volunteer's list
    expect(await listCertificates(budiActor)).toEqual([]);
  });
});

describe("refusals", () => {
  const issue = (fields: { memberId: string; start: Date; end: Date }, actor = ketua) => issueServiceCertificate(actor, fields, NOW);

  it("refuse the same member and period twice unless confirmed against the latest; two confirmations at once give one", async () => {
    const first = expectOk(await issueServiceCertificate(ketua, { memberId: members.budi.id, start: OCT_1, end: OCT_15 }, NOW));
    const twice = await issueServiceCertificate(ketua, { memberId: members.budi.id, start: OCT_1, end: OCT_15 }, NOW);
    expect(twice).toMatchObject({ ok: false, issued: { id: first.id, number: first.number } });
    expect(formError(twice)).toContain(`sudah diterbitkan: Nomor ${first.number}`);
    const count = () => db.serviceCertificate.count({ where: { memberId: members.budi.id, periodStart: OCT_1, periodEnd: OCT_15 } });
    expect(await count()).toBe(1);
    const later = new Date(NOW.getTime() + 60_000);
    const outcomes = await Promise.all(
      [1, 2].map(() => issueServiceCertificate(ketua, { memberId: members.budi.id, start: OCT_1, end: OCT_15, replaces: first.id }, later)),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await count()).toBe(2);
  });

  it("refuse a period that has not ended, is too long or ends before it starts", async () => {
    expect(
      expectInvalid(await issue({ memberId: members.budi.id, start: calendarDate(2026, 11, 1), end: calendarDate(2026, 11, 27) })),
    ).toEqual({
      end: MSG.notEnded,
    });
    expect(
      expectInvalid(await issue({ memberId: members.budi.id, start: calendarDate(2025, 1, 1), end: calendarDate(2026, 1, 2) })),
    ).toEqual({
      end: MSG.tooLong,
    });
    expect(expectInvalid(await issue({ memberId: members.budi.id, start: OCT_31, end: OCT_1 }))).toEqual({ end: MSG.endBeforeStart });
    // 367 days is too long (above); a period ending today, and a leap year of 366 days, pass those
    // checks (Andi has nothing to show).
    expect(formError(await issue({ memberId: members.andi.id, start: calendarDate(2026, 11, 1), end: calendarDate(2026, 11, 26) }))).toBe(
      MSG.noActivity("Andi Saputra", "1 November 2026 s.d. 26 November 2026"),
    );
    expect(formError(await issue({ memberId: members.andi.id, start: calendarDate(2024, 1, 1), end: calendarDate(2024, 12, 31) }))).toBe(
      MSG.noActivity("Andi Saputra", "1 Januari 2024 s.d. 31 Desember 2024"),
    );
  });

  it("refuse a member without verified activity in the period, and one of another chapter", async () => {
    expect(formError(await issue({ memberId: members.andi.id, start: OCT_1, end: OCT_31 }))).toBe(MSG.noActivity("Andi Saputra", OCTOBER));
    // Dewi's only activity still waits for verification.
    expect(formError(await issue({ memberId: members.dewi.id, start: OCT_1, end: OCT_31 }))).toBe(MSG.noActivity("Dewi Lestari", OCTOBER));
    expect(expectInvalid(await issue({ memberId: members.outsider.id, start: OCT_1, end: OCT_31 }))).toEqual({ memberId: MSG.member });
    expect(expectInvalid(await issue({ memberId: "tidak-ada", start: OCT_1, end: OCT_31 }))).toEqual({ memberId: MSG.member });
  });

  it("refuse the Dinas Sosial and a volunteer", async () => {
    for (const actor of [dinsos, budiActor]) {
      expect(expectRefusal(await issue({ memberId: members.budi.id, start: OCT_1, end: OCT_31 }, actor), "forbidden").message).toBe(
        MSG.forbidden,
      );
    }
  });

  it("leave no file and no used number behind when issuing fails", async () => {
    const counter = () =>
      db.letterCounter.findUniqueOrThrow({ where: { chapterId_year: { chapterId, year: 2026 } }, select: { next: true } });
    const [filesBefore, counterBefore, certificatesBefore] = await Promise.all([storedFiles(), counter(), db.serviceCertificate.count()]);
    // An issuer that does not exist breaks the insert (foreign key) after the PDF was stored.
    const latest = await db.serviceCertificate.findFirstOrThrow({
      where: { memberId: members.budi.id, periodStart: OCT_1, periodEnd: OCT_31 },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    await expect(
      issueServiceCertificate(
        { ...ketua, userId: "no-such-user" },
        { memberId: members.budi.id, start: OCT_1, end: OCT_31, replaces: latest.id },
        NOW,
      ),
    ).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await counter()).toEqual(counterBefore);
    expect(await db.serviceCertificate.count()).toBe(certificatesBefore);
  });
});

describe("the routes", () => {
  let budiId: string;
  let mariaId: string;
  beforeAll(async () => {
    budiId = (await db.serviceCertificate.findFirstOrThrow({ where: { memberId: members.budi.id }, select: { id: true } })).id;
    mariaId = (await db.serviceCertificate.findFirstOrThrow({ where: { memberId: members.maria.id }, select: { id: true } })).id;
  });
  const download = (id: string, cookie: string) => run(downloadLoader, getRequest(`/certificates/${id}.pdf`, cookie), { id });

  it("let the board issue one through the form, keeping the input and saying what is wrong", async () => {
    const cookie = await signIn("sekretaris@skr.test");
    const page = dataOf<{ members: { id: string }[]; certificates: unknown[] }>(
      await run(issueLoader, getRequest("/reports/certificates", cookie)),
    );
    expect(page.members.map((m) => m.id)).toEqual(expect.arrayContaining([members.budi.id, members.maria.id]));
    expect(page.members.map((m) => m.id)).not.toContain(members.outsider.id);

    // next year: a period that has not ended yet (a date beyond the forms' range gets the range message instead)
    const nextYear = new Date().getUTCFullYear() + 1;
    const notEnded = await run(
      issueAction,
      postForm("/reports/certificates", { memberId: members.budi.id, start: `${nextYear}-01-01`, end: `${nextYear}-01-31` }, cookie),
    );
    expect(statusOf(notEnded)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(notEnded)).toMatchObject({
      fieldErrors: { end: expect.stringContaining("Periode ini belum berakhir") },
      values: { memberId: members.budi.id, start: `${nextYear}-01-01`, end: `${nextYear}-01-31` },
    });
    const missing = dataOf<{ fieldErrors: Record<string, string> }>(
      await run(issueAction, postForm("/reports/certificates", { memberId: "", start: "2026-10-01", end: "31-10-2026" }, cookie)),
    );
    expect(missing.fieldErrors).toEqual({ memberId: MSG.member, end: "Masukkan tanggal yang benar." });

    // Budi's October certificate exists already: the form says so and offers to issue it again
    const fields = { memberId: members.budi.id, start: "2026-10-01", end: "2026-10-31" };
    const twice = await run(issueAction, postForm("/reports/certificates", fields, cookie));
    expect(statusOf(twice)).toBe(400);
    const existing = await db.serviceCertificate.findFirstOrThrow({
      where: { memberId: members.budi.id, periodStart: calendarDate(2026, 10, 1), periodEnd: calendarDate(2026, 10, 31) },
      select: { id: true, number: true },
    });
    expect(dataOf(twice)).toEqual({
      fieldErrors: {},
      formError: MSG.alreadyIssued("Budi Santoso", existing.number),
      values: fields,
      issued: existing,
    });
    const issued = (await run(issueAction, postForm("/reports/certificates", { ...fields, replaces: existing.id }, cookie))) as Response;
    expect(issued.status).toBe(302);
    // the same confirmation again (a second click) is refused: the latest is now the new one
    const again = dataOf<{ formError: string }>(
      await run(issueAction, postForm("/reports/certificates", { ...fields, replaces: existing.id }, cookie)),
    );
    expect(again.formError).toMatch(/^Surat keterangan ini baru saja diterbitkan ulang: Nomor \d{3}\/IPSM-SKR\//);
    expect(issued.headers.get("Location")).toBe("/reports/certificates");
    const after = dataOf<{ certificates: { member: { fullName: string }; number: string; issuedBy: { name: string } }[] }>(
      await run(issueLoader, getRequest("/reports/certificates", cookie)),
    );
    const bySekretaris = after.certificates.filter((c) => c.issuedBy.name === "Siti Rohani");
    expect(bySekretaris).toHaveLength(1);
    expect(bySekretaris[0]!.member.fullName).toBe("Budi Santoso");
    expect(bySekretaris[0]!.number).toMatch(/^\d{3}\/IPSM-SKR\/[IVX]+\/\d{4}$/);
  });

  it("refuse /reports/certificates to a volunteer and to the Dinas Sosial", async () => {
    for (const email of ["budi@skr.test", "dinsos@skr.test"]) {
      const cookie = await signIn(email);
      expect(statusOf(await run(issueLoader, getRequest("/reports/certificates", cookie))), email).toBe(403);
      expect(
        statusOf(
          await run(
            issueAction,
            postForm("/reports/certificates", { memberId: members.budi.id, start: "2026-10-01", end: "2026-10-31" }, cookie),
          ),
        ),
        email,
      ).toBe(403);
    }
  });

  it("let the volunteer download their own certificate (listed on /profile), never someone else's", async () => {
    const cookie = await signIn("budi@skr.test");
    const profile = dataOf<{ certificates: { id: string; number: string }[] }>(await run(profileLoader, getRequest("/profile", cookie)));
    expect(profile.certificates.map((c) => c.id)).toContain(budiId);

    const own = (await download(budiId, cookie)) as Response;
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    expect(own.headers.get("Content-Disposition")).toContain(
      `surat-keterangan-relawan-${members.budi.memberNumber!.toLowerCase()}-2026-10-01.pdf`,
    );
    const { text } = await pdfText(new Uint8Array(await own.arrayBuffer()));
    expect(text).toContain("Nomor: 001/IPSM-SKR/XI/2026");

    expect(statusOf(await download(mariaId, cookie))).toBe(404);
    expect(statusOf(await download("tidak-ada", cookie))).toBe(404);
  });

  it("let the board of the chapter download any of its certificates; not another chapter, not the Dinas Sosial", async () => {
    const board = await signIn("ketua@skr.test");
    expect(statusOf(await download(mariaId, board))).toBe(200);
    expect(statusOf(await download(budiId, await signIn("ketua@skx.test")))).toBe(404);
    expect(statusOf(await download(budiId, await signIn("dinsos@skr.test")))).toBe(403);
  });
});
