// Contribution reports to the Dinas Sosial (Laporan Kontribusi Relawan PSM) against the real
// database: the figures on a constructed data set (hand-computed totals; verified activities only;
// training hours apart; a sub-chapter in or out), no resident data in the figures, PDF or xlsx,
// the freeze at submission (number, stored figures, hashes, files that never change), corrected
// versions, the verification page, who may do what through the routes, bad input, and the Dinas
// Sosial's summary across the reports in force.
//
// Simulated timeline: "today" is 26 November 2026 in Asia/Jakarta (NOW) for every domain call;
// the report of the data set is October 2026. The routes run on the real clock and are used for
// periods long past (and for letter numbers only checked by their shape).
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  // Stored PDFs and xlsx go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-reports-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});
import { logActivity } from "~/domain/activities/activities.server";
import { returnActivities, verifyActivities } from "~/domain/activities/verification.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { updateActivitySettings } from "~/domain/activities/settings.server";
import { reportFigures } from "~/domain/reports/figures.server";
import {
  countAwaitingReview,
  createCorrection,
  createReport,
  deleteDraft,
  getReport,
  listReports,
  receivedSummary,
  reportFile,
  reviewReport,
  submitReport,
  verifyReportCode,
} from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import type { FollowUpUpdateEntry, OpenedFollowUp } from "~/domain/activities/follow-ups.server";
import { action as reportsAction, loader as reportsLoader } from "~/routes/reports._index";
import { action as reportAction, loader as reportLoader } from "~/routes/reports.$id";
import { loader as pdfLoader } from "~/routes/reports.$id[.]pdf";
import { loader as xlsxLoader } from "~/routes/reports.$id[.]xlsx";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { activityFormSchema, type AidEntry, type ReachEntry } from "~/validation/activities";
import type { PositionKind } from "~/validation/leadership";
import type { MoneyKind, MoneyStatus } from "~/validation/programmes";
import { reportPeriodSchema } from "~/validation/reports";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { actorWith } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";

const TZ = "Asia/Jakarta";
const NOW = new Date("2026-11-26T10:00:00+07:00");
const OCT_1 = calendarDate(2026, 10, 1);
const OCT_31 = calendarDate(2026, 10, 31);
// Kota Pontianak
const LAUT = "61.71.01.1002"; // Benuamelayu Laut, Pontianak Selatan
const DARAT = "61.71.01.1003"; // Benuamelayu Darat, Pontianak Selatan
const SAIGON = "61.71.02.1003"; // Saigon, Pontianak Timur
const SIANTAN = "61.71.04.1001"; // Siantan Hulu, Pontianak Utara (the sub-chapter's kecamatan)
const ROBAN = "61.72.01.1001"; // Roban, Singkawang Tengah (another city)
// Resident data that a volunteer typed into free text; it must never reach a report.
const RESIDENT = "Siti Aminah binti Abdullah";
const RESIDENT_NIK = "6171015203450002";
const CASE_NIK = "6171014508950003";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

let cityId: string;
let subId: string;
let otherId: string;
const ids: Record<string, string> = {};
/** An id (or NIK, member number) kept by the setup. */
function id(name: string): string {
  const value = ids[name];
  if (value === undefined) throw new Error(`no ${name} in the setup`);
  return value;
}
let LANSIA: string;
let DISABILITAS: string;
let FAKIR: string;
let ketua: Actor;
let sekretaris: Actor;
let wakil: Actor;

function reportActor(userId: string, chapter: string, kinds: PositionKind[], role: Role = "volunteer"): Actor {
  return actorWith({ userId, chapterId: chapter, kinds, role, timeZone: TZ });
}
function activityActor(userId: string, memberId: string | null, chapter: string, kinds: PositionKind[] = []): Actor {
  return actorWith({ userId, memberId, chapterId: chapter, kinds, timeZone: TZ });
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

let keySerial = 0;
const key = () => `laporan-dinsos-${++keySerial}-${Math.random().toString(36).slice(2, 10)}`;

type LogInput = {
  date: string;
  minutes: number;
  type: number;
  village: string;
  households?: number;
  reach: ReachEntry[];
  aid?: AidEntry[];
  co?: string[];
  followUp?: OpenedFollowUp;
  followUpUpdate?: FollowUpUpdateEntry;
  narrative?: string;
  submit?: boolean;
};

/** Logs an activity through the activity flow (submitted unless said otherwise). */
async function log(actor: Actor, input: LogInput) {
  const types = await listActivityTypes(actor.chapterId);
  const data = activityFormSchema.parse({
    idempotencyKey: key(),
    typeId: types[input.type]!.id,
    date: input.date,
    durationMinutes: String(input.minutes),
    villageCode: input.village,
    households: String(input.households ?? 0),
    narrative: input.narrative ?? "Kunjungan rumah dan pendataan.",
  });
  return ok(
    await logActivity(
      actor,
      {
        data,
        reach: input.reach,
        aid: input.aid ?? [],
        coVolunteerIds: input.co ?? [],
        followUp: input.followUp ?? null,
        followUpUpdate: input.followUpUpdate ?? null,
        submit: input.submit ?? true,
      },
      NOW,
    ),
  ).id;
}
const reach = (categoryId: string, sex: "L" | "P", count: number): ReachEntry => ({ categoryId, sex, ageBand: null, count });
const followUpOf = async (activityId: string) =>
  (await db.followUp.findFirstOrThrow({ where: { openedById: activityId }, select: { id: true } })).id;

async function leadershipPeriod(chapterId: string) {
  // A period that covers the simulated 2026 and the real clock (the routes), so the signatories hold office on both.
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
}

beforeAll(async () => {
  cityId = (await buildChapter({ code: "LKR", name: "IPSM Kota Pontianak" })).id;
  subId = (
    await buildChapter({
      code: "LKU",
      name: "IPSM Kecamatan Pontianak Utara",
      level: "kecamatan",
      regionCode: "61.71.04",
      parentId: cityId,
      letterheadSubtitle: "KECAMATAN PONTIANAK UTARA",
    })
  ).id;
  otherId = (
    await buildChapter({
      code: "LKS",
      name: "IPSM Kota Singkawang",
      regionCode: "61.72",
      letterPlace: "Singkawang",
      letterheadSubtitle: "KOTA SINGKAWANG",
    })
  ).id;
  for (const id of [cityId, subId, otherId]) {
    await ensureActivityCatalogue(id);
    await leadershipPeriod(id);
  }
  const categories = await listPpksCategories(cityId);
  const category = (n: number) => categories.find((c) => c.number === n)!.id;
  LANSIA = category(8);
  DISABILITAS = category(9);
  FAKIR = category(24);

  // The city's board (active members too) and accounts.
  const k = await buildBoardUser({ chapterId: cityId, kind: "ketua", name: "Rahmat Hidayat", email: "ketua@lkr.test" });
  const s = await buildBoardUser({ chapterId: cityId, kind: "sekretaris", name: "Siti Rohani", email: "sekretaris@lkr.test" });
  const w = await buildBoardUser({ chapterId: cityId, kind: "wakil_ketua", name: "Yuliana Gunawan", email: "wakil@lkr.test" });
  await buildBoardUser({
    chapterId: cityId,
    kind: "koordinator_kecamatan",
    districtCode: "61.71.01",
    name: "Joko Setiawan",
    email: "korcam@lkr.test",
  });
  ketua = reportActor(k.id, cityId, ["ketua"]);
  sekretaris = reportActor(s.id, cityId, ["sekretaris"]);
  wakil = activityActor(w.id, w.memberId, cityId, ["wakil_ketua"]);
  ids.ketuaUser = k.id;
  await buildUser({ chapterId: cityId, role: "dinsos", email: "dinsos@lkr.test", name: "Dinas Sosial Kota Pontianak" });
  await buildUser({ chapterId: otherId, role: "dinsos", email: "dinsos@lks.test", name: "Dinas Sosial Kota Singkawang" });

  // Volunteers of the city (and one inactive member who does not count).
  const volunteer = async (name: string, sex: "L" | "P", email: string, chapter = cityId, village = LAUT) => {
    const m = await buildMember({ chapterId: chapter, villageCode: village, fullName: name, sex });
    ids[name] = m.id;
    ids[`${name}.nik`] = m.nik;
    ids[`${name}.number`] = m.memberNumber ?? "";
    const u = await buildUser({ chapterId: chapter, role: "volunteer", memberId: m.id, email });
    return activityActor(u.id, m.id, chapter);
  };
  const budi = await volunteer("Budi Santoso", "L", "budi@lkr.test");
  const maria = await volunteer("Maria Ulfah", "P", "maria@lkr.test");
  const andi = await volunteer("Andi Pratama", "L", "andi@lkr.test");
  await buildMember({ chapterId: cityId, villageCode: LAUT, fullName: "Rudi Syahputra", status: "nonaktif" });

  // The chapter keeps case identifiers (NIK/KK) on follow-ups.
  await updateActivitySettings(activityActor(k.id, k.memberId, cityId, ["ketua"]), {
    activityClosingDays: 60,
    keepCaseIdentifiers: true,
  });

  // --- September 2026 (verified, outside October): Andi opens follow-up F4.
  const septAndi = await log(andi, {
    date: "2026-09-30",
    minutes: 60,
    type: 0,
    village: LAUT,
    households: 1,
    reach: [reach(LANSIA, "P", 5)],
    followUp: { institution: "Dinas Sosial Kota Pontianak", description: "Rujukan bantuan pangan lansia." },
  });
  ids.septAndi = septAndi;

  // --- October 2026, to be verified (counted).
  // A1: Budi, the first day, with Maria along; opens F1 with a case identifier.
  const a1 = await log(budi, {
    date: "2026-10-01",
    minutes: 120,
    type: 0,
    village: LAUT,
    households: 5,
    reach: [reach(LANSIA, "L", 3), reach(LANSIA, "P", 4)],
    co: [maria.memberId!],
    narrative: `Kunjungan ke rumah Ibu ${RESIDENT} (NIK ${RESIDENT_NIK}), lansia yang tinggal sendiri.`,
    followUp: {
      institution: "Panti Sosial Tresna Werdha Mulia Dharma",
      description: `Rujukan panti untuk ${RESIDENT}.`,
      caseIdentifier: CASE_NIK,
    },
  });
  // A2: Budi, aid from two sources; opens F2.
  const a2 = await log(budi, {
    date: "2026-10-10",
    minutes: 90,
    type: 3,
    village: DARAT,
    households: 4,
    reach: [reach(FAKIR, "L", 2), reach(FAKIR, "P", 3), reach(DISABILITAS, "P", 1)],
    aid: [
      { item: "Paket sembako", quantity: 10, unit: "paket", value: 1_500_000, source: "apbd" },
      { item: "Kursi roda", quantity: 1, unit: "unit", value: 2_000_000, source: "csr" },
    ],
    followUp: { institution: "BPJS Kesehatan", description: "Pendaftaran PBI JK." },
  });
  // A3: Maria, in another kecamatan; opens F5 (closed in November, after the period).
  const a3 = await log(maria, {
    date: "2026-10-15",
    minutes: 60,
    type: 0,
    village: SAIGON,
    households: 3,
    reach: [reach(LANSIA, "P", 2), reach(DISABILITAS, "L", 1)],
    aid: [{ item: "Beras 10 kg", quantity: 5, unit: "karung", value: 750_000, source: "apbd" }],
    followUp: { institution: "Puskesmas Saigon", description: "Pemeriksaan kesehatan rutin." },
  });
  const f2 = await followUpOf(a2);
  // A4: Budi closes F2.
  const a4 = await log(budi, {
    date: "2026-10-20",
    minutes: 45,
    type: 3,
    village: SAIGON,
    households: 2,
    reach: [reach(FAKIR, "L", 4)],
    aid: [{ item: "Paket sembako", quantity: 4, unit: "paket", value: 600_000, source: "csr" }],
    followUpUpdate: { followUpId: f2, status: "selesai", note: "Sudah terdaftar PBI." },
  });
  // A5: Andi, the last day; closes F4 (opened in September).
  const a5 = await log(andi, {
    date: "2026-10-31",
    minutes: 30,
    type: 0,
    village: LAUT,
    households: 1,
    reach: [reach(LANSIA, "L", 1)],
    followUpUpdate: { followUpId: await followUpOf(septAndi), status: "selesai", note: "Bantuan diterima." },
  });
  Object.assign(ids, { a1, a2, a3, a4, a5, f1: await followUpOf(a1), f2, f5: await followUpOf(a3), f4: await followUpOf(septAndi) });

  // --- October 2026, not counted: waiting (opens F3), returned, draft.
  ids.waiting = await log(budi, {
    date: "2026-10-12",
    minutes: 240,
    type: 0,
    village: LAUT,
    households: 10,
    reach: [reach(FAKIR, "L", 50)],
    followUp: { institution: "Dinas Sosial Kota Pontianak", description: "Usulan bantuan rumah." },
  });
  ids.f3 = await followUpOf(id("waiting"));
  ids.returned = await log(maria, {
    date: "2026-10-08",
    minutes: 100,
    type: 0,
    village: SAIGON,
    households: 7,
    reach: [reach(DISABILITAS, "P", 7)],
  });
  ids.draft = await log(andi, {
    date: "2026-10-09",
    minutes: 50,
    type: 0,
    village: LAUT,
    households: 9,
    reach: [reach(FAKIR, "P", 9)],
    submit: false,
  });
  // --- November 2026 (verified, outside October): Maria closes F5.
  ids.novMaria = await log(maria, {
    date: "2026-11-03",
    minutes: 60,
    type: 0,
    village: SAIGON,
    households: 1,
    reach: [reach(LANSIA, "L", 2)],
    followUpUpdate: { followUpId: id("f5"), status: "selesai", note: "Sudah diperiksa." },
  });

  expect(await verifyActivities(wakil, [septAndi, a1, a2, a3, a4, a5, id("novMaria")], NOW)).toEqual({ ok: true, verified: 7, skipped: 0 });
  expect(await returnActivities(wakil, [id("returned")], "Jumlah orang belum sesuai.")).toEqual({ ok: true, verified: 1, skipped: 0 });

  // --- The sub-chapter (kecamatan Pontianak Utara): one verified activity in October.
  const subKetua = await buildBoardUser({
    chapterId: subId,
    kind: "ketua",
    name: "Dewi Lestari",
    email: "ketua@lku.test",
    villageCode: SIANTAN,
  });
  ids.subKetuaUser = subKetua.id;
  const hendra = await volunteer("Hendra Wijaya", "L", "hendra@lku.test", subId, SIANTAN);
  const subActivity = await log(hendra, {
    date: "2026-10-16",
    minutes: 75,
    type: 0,
    village: SIANTAN,
    households: 2,
    reach: [reach(LANSIA, "P", 6)],
    aid: [{ item: "Selimut", quantity: 6, unit: "lembar", value: 300_000, source: "swadaya" }],
  });
  expect(await verifyActivities(activityActor(subKetua.id, subKetua.memberId, subId, ["ketua"]), [subActivity], NOW)).toEqual({
    ok: true,
    verified: 1,
    skipped: 0,
  });

  // --- Another city (Singkawang): a verified activity in October that never counts for Pontianak.
  const otherKetua = await buildBoardUser({
    chapterId: otherId,
    kind: "ketua",
    name: "Agus Tan",
    email: "ketua@lks.test",
    villageCode: ROBAN,
  });
  ids.otherKetuaUser = otherKetua.id;
  const eko = await volunteer("Eko Prasetyo", "L", "eko@lks.test", otherId, ROBAN);
  const otherActivity = await log(eko, {
    date: "2026-10-14",
    minutes: 180,
    type: 0,
    village: ROBAN,
    households: 8,
    reach: [reach(LANSIA, "L", 11)],
  });
  expect(await verifyActivities(activityActor(otherKetua.id, otherKetua.memberId, otherId, ["ketua"]), [otherActivity], NOW)).toEqual({
    ok: true,
    verified: 1,
    skipped: 0,
  });

  // --- Training: an event in October (Budi 16 h, Maria 8 h, Andi absent), one in September (not
  // counted), outside training in October (12 h) and in November (not counted).
  const course = await db.course.create({
    data: { chapterId: cityId, name: "Bimtek Dasar PSM", kind: "bimtek_dasar", organiser: "ipsm", hours: 16 },
  });
  const event = (start: Date, end: Date, hours: number, place: string) =>
    db.trainingEvent.create({
      data: { chapterId: cityId, courseId: course.id, startDate: start, endDate: end, place, organiser: "IPSM Kota Pontianak", hours },
      select: { id: true },
    });
  const october = await event(calendarDate(2026, 10, 6), calendarDate(2026, 10, 7), 16, "Aula Dinas Sosial Kota Pontianak");
  const september = await event(calendarDate(2026, 9, 15), calendarDate(2026, 9, 15), 8, "Kantor IPSM");
  await db.trainingParticipant.createMany({
    data: [
      { eventId: october.id, memberId: id("Budi Santoso"), attendance: "hadir", hoursAttended: 16 },
      { eventId: october.id, memberId: id("Maria Ulfah"), attendance: "sebagian", hoursAttended: 8 },
      { eventId: october.id, memberId: id("Andi Pratama"), attendance: "tidak_hadir", hoursAttended: 0 },
      { eventId: september.id, memberId: id("Budi Santoso"), attendance: "hadir", hoursAttended: 8 },
    ],
  });
  const external = (start: Date, hours: number) =>
    db.externalTraining.create({
      data: {
        memberId: id("Maria Ulfah"),
        title: "Diklat Pendamping Lansia",
        kind: "diklat",
        organiser: "Kemensos",
        startDate: start,
        endDate: start,
        hours,
      },
    });
  await external(calendarDate(2026, 10, 22), 12);
  await external(calendarDate(2026, 11, 5), 20);

  // --- Programmes: one running through October with approved money before, in and after the
  // period and one pending entry; one that ended before the period.
  const programme = (name: string, start: Date, end: Date, budget: number) =>
    db.programme.create({
      data: {
        chapterId: cityId,
        name,
        goal: "Pendampingan lansia terlantar.",
        startDate: start,
        endDate: end,
        budget,
        fundingSource: "csr",
        coordinatorId: k.memberId,
      },
      select: { id: true },
    });
  const running = await programme(
    "Pendampingan Lansia Terlantar Pontianak Selatan",
    calendarDate(2026, 7, 1),
    calendarDate(2026, 12, 31),
    50_000_000,
  );
  await programme("Bakti Sosial Ramadan", calendarDate(2026, 3, 1), calendarDate(2026, 3, 31), 10_000_000);
  const money = (kind: MoneyKind, date: Date, amount: number, status: MoneyStatus = "approved") =>
    db.moneyEntry.create({
      data: {
        programmeId: running.id,
        kind,
        date,
        amount,
        purpose: `${kind} ${amount}`,
        status,
        recordedById: k.id,
        idempotencyKey: key(),
      },
    });
  await money("disbursement", calendarDate(2026, 7, 15), 30_000_000);
  await money("spending", calendarDate(2026, 8, 10), 15_625_000);
  await money("spending", OCT_31, 4_000_000);
  await money("spending", calendarDate(2026, 10, 25), 6_100_000, "pending");
  await money("disbursement", calendarDate(2026, 11, 2), 10_000_000);
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers for the checks

/** Every cell of every sheet of a workbook, as text, one line per row. */
async function xlsxText(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const lines: string[] = [];
  for (const sheet of workbook.worksheets) {
    lines.push(`# ${sheet.name}`);
    sheet.eachRow((row) =>
      lines.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? "")))
          .join(" | "),
      ),
    );
  }
  return { workbook, text: lines.join("\n") };
}

/** The rows of one sheet (values only, the first column first). */
function rowsOf(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const SIXTEEN_DIGITS = /(?<!\d)\d{16}(?!\d)/;
const VISIT = "Kunjungan rumah / validasi data PPKS";
const AID = "Penyaluran bantuan";

/** What must never appear in a report: residents' names and numbers, members' NIK, narratives. */
function expectNoResidentData(text: string, where: string) {
  for (const secret of [
    CASE_NIK,
    RESIDENT,
    RESIDENT_NIK,
    "Siti Aminah",
    "tinggal sendiri",
    "Rujukan panti",
    ...["Budi Santoso", "Maria Ulfah", "Andi Pratama", "Hendra Wijaya"].map((n) => id(`${n}.nik`)),
  ]) {
    expect(text, `${where}: ${secret}`).not.toContain(secret);
  }
  // (the printed start of the content hash is hexadecimal and may, rarely, be all digits)
  expect(text.replace(/Kode isi: [0-9a-f]{16}/g, ""), where).not.toMatch(SIXTEEN_DIGITS);
}

// ---------------------------------------------------------------------------------------------

describe("the figures of October 2026 (verified activities only)", () => {
  const volunteersOf = () => [
    { name: "Andi Pratama", memberNumber: id("Andi Pratama.number"), activities: 1, hours: 0.5 },
    // 120 + 90 + 45 minutes; his 16 training hours are not field hours
    { name: "Budi Santoso", memberNumber: id("Budi Santoso.number"), activities: 3, hours: 4.25 },
    // her own 60 minutes and the 120 she joined Budi for
    { name: "Maria Ulfah", memberNumber: id("Maria Ulfah.number"), activities: 2, hours: 3 },
  ];
  const cityVillages = [
    { district: "Pontianak Selatan", village: "Benuamelayu Darat", category: "Penyandang Disabilitas", people: 1 },
    { district: "Pontianak Selatan", village: "Benuamelayu Darat", category: "Fakir Miskin", people: 5 },
    { district: "Pontianak Selatan", village: "Benuamelayu Laut", category: "Lanjut Usia Terlantar", people: 8 },
    { district: "Pontianak Timur", village: "Saigon", category: "Lanjut Usia Terlantar", people: 2 },
    { district: "Pontianak Timur", village: "Saigon", category: "Penyandang Disabilitas", people: 1 },
    { district: "Pontianak Timur", village: "Saigon", category: "Fakir Miskin", people: 4 },
  ];
  const training = {
    hours: 36,
    events: [
      {
        name: "Bimtek Dasar PSM",
        place: "Aula Dinas Sosial Kota Pontianak",
        start: "2026-10-06",
        end: "2026-10-07",
        hours: 16,
        participants: 2,
      },
    ],
  };
  const programmes = [
    { name: "Pendampingan Lansia Terlantar Pontianak Selatan", partners: [], budget: 50_000_000, received: 30_000_000, spent: 19_625_000 },
  ];

  it("the city alone: counts, hours (co-volunteer included, training apart), people, aid, places, volunteers, follow-ups, programmes", async () => {
    const figures = await reportFigures({ chapterId: cityId, includeSubChapters: false, start: OCT_1, end: OCT_31 });
    expect(figures).toEqual({
      chapters: [{ name: "IPSM Kota Pontianak", code: "LKR" }],
      period: { start: "2026-10-01", end: "2026-10-31" },
      // Ketua, Sekretaris, Wakil Ketua, Koordinator Kecamatan, Budi, Maria, Andi (Rudi is nonaktif)
      members: { active: 7, asOf: "2026-10-31" },
      volunteersActive: 3,
      // 120 + 90 + 60 + 45 + 30 = 345 minutes, plus Maria's 120 along with Budi = 465 = 7.75 h;
      // training: the event 16 + 8 (the absent one 0) and 12 outside = 36 h
      hours: { field: 7.75, training: 36, total: 43.75 },
      activities: {
        count: 5,
        byType: [
          { name: VISIT, activities: 3, hours: 5.5 },
          { name: AID, activities: 2, hours: 2.25 },
        ],
      },
      people: {
        total: 21,
        male: 11,
        female: 10,
        byCategory: [
          { number: 8, name: "Lanjut Usia Terlantar", male: 4, female: 6, total: 10 },
          { number: 9, name: "Penyandang Disabilitas", male: 1, female: 1, total: 2 },
          { number: 24, name: "Fakir Miskin", male: 6, female: 3, total: 9 },
        ],
      },
      households: 15,
      aid: {
        bySource: [
          { source: "csr", items: 2, quantity: 5, value: 2_600_000 },
          { source: "apbd", items: 2, quantity: 15, value: 2_250_000 },
        ],
        totalValue: 4_850_000,
      },
      categoryByDistrict: {
        districts: [
          { code: "61.71.01", name: "Pontianak Selatan" },
          { code: "61.71.02", name: "Pontianak Timur" },
        ],
        rows: [
          { category: "Lanjut Usia Terlantar", counts: [8, 2], total: 10 },
          { category: "Penyandang Disabilitas", counts: [1, 1], total: 2 },
          { category: "Fakir Miskin", counts: [5, 4], total: 9 },
        ],
      },
      categoryByVillage: cityVillages,
      volunteers: volunteersOf(),
      trainings: training,
      programmes,
      // opened: F1, F2, F5 (F3's activity still waits); closed: F2 and F4 (opened in September)
      followUps: { opened: 3, closed: 2, open: expect.any(Number) },
      hoursByMonth: [{ month: "2026-10", hours: 7.75, activities: 5 }],
      waiting: 1,
    });
  });

  it("with the sub-chapter: its verified activity, member and kecamatan are added", async () => {
    const figures = await reportFigures({ chapterId: cityId, includeSubChapters: true, start: OCT_1, end: OCT_31 });
    expect(figures).toEqual({
      chapters: [
        { name: "IPSM Kota Pontianak", code: "LKR" },
        { name: "IPSM Kecamatan Pontianak Utara", code: "LKU" },
      ],
      period: { start: "2026-10-01", end: "2026-10-31" },
      members: { active: 9, asOf: "2026-10-31" },
      volunteersActive: 4,
      hours: { field: 9, training: 36, total: 45 },
      activities: { count: 6, byType: expect.any(Array) },
      people: {
        total: 27,
        male: 11,
        female: 16,
        byCategory: [
          { number: 8, name: "Lanjut Usia Terlantar", male: 4, female: 12, total: 16 },
          { number: 9, name: "Penyandang Disabilitas", male: 1, female: 1, total: 2 },
          { number: 24, name: "Fakir Miskin", male: 6, female: 3, total: 9 },
        ],
      },
      households: 17,
      aid: {
        bySource: [
          { source: "csr", items: 2, quantity: 5, value: 2_600_000 },
          { source: "apbd", items: 2, quantity: 15, value: 2_250_000 },
          { source: "swadaya", items: 1, quantity: 6, value: 300_000 },
        ],
        totalValue: 5_150_000,
      },
      categoryByDistrict: {
        districts: [
          { code: "61.71.01", name: "Pontianak Selatan" },
          { code: "61.71.02", name: "Pontianak Timur" },
          { code: "61.71.04", name: "Pontianak Utara" },
        ],
        rows: [
          { category: "Lanjut Usia Terlantar", counts: [8, 2, 6], total: 16 },
          { category: "Penyandang Disabilitas", counts: [1, 1, 0], total: 2 },
          { category: "Fakir Miskin", counts: [5, 4, 0], total: 9 },
        ],
      },
      categoryByVillage: [
        ...cityVillages,
        { district: "Pontianak Utara", village: "Siantan Hulu", category: "Lanjut Usia Terlantar", people: 6 },
      ],
      volunteers: [
        ...volunteersOf().slice(0, 2),
        { name: "Hendra Wijaya", memberNumber: id("Hendra Wijaya.number"), activities: 1, hours: 1.25 },
        volunteersOf()[2],
      ],
      trainings: training,
      programmes,
      followUps: { opened: 3, closed: 2, open: expect.any(Number) },
      hoursByMonth: [{ month: "2026-10", hours: 9, activities: 6 }],
      waiting: 1,
    });
    // activities by type still add up to the activities and the field hours
    const byType = figures.activities.byType;
    expect(byType.reduce((s, x) => s + x.activities, 0)).toBe(6);
    expect(byType.reduce((s, x) => s + x.hours, 0)).toBe(9);
  });

  it("with a sub-chapter, lists each activity type once (the sub-chapter's types have the same names)", async () => {
    // Every chapter has its own activity types; they are grouped by name (found while writing these tests).
    const figures = await reportFigures({ chapterId: cityId, includeSubChapters: true, start: OCT_1, end: OCT_31 });
    expect(figures.activities.byType).toEqual([
      { name: VISIT, activities: 4, hours: 6.75 },
      { name: AID, activities: 2, hours: 2.25 },
    ]);
  });

  it("counts as still open at the end of the period a follow-up closed only after it", async () => {
    // F1 (opened 1 Oct) is open; F5 was opened on 15 Oct and closed on 3 Nov, so on 31 Oct it was
    // still open (found while writing these tests: it used to take today's status).
    const figures = await reportFigures({ chapterId: cityId, includeSubChapters: false, start: OCT_1, end: OCT_31 });
    expect(figures.followUps.open).toBe(2);
  });

  it("splits hours by month over a longer period, and counts September's activity, training and follow-up", async () => {
    const figures = await reportFigures({ chapterId: cityId, includeSubChapters: false, start: calendarDate(2026, 9, 1), end: OCT_31 });
    expect(figures.hoursByMonth).toEqual([
      { month: "2026-09", hours: 1, activities: 1 },
      { month: "2026-10", hours: 7.75, activities: 5 },
    ]);
    expect({
      count: figures.activities.count,
      hours: figures.hours,
      people: figures.people.total,
      opened: figures.followUps.opened,
    }).toEqual({
      count: 6,
      // September: Budi's 8 training hours at the September event
      hours: { field: 8.75, training: 44, total: 52.75 },
      people: 26,
      opened: 4,
    });
  });

  it("leaves out another city's activities, and a period with nothing verified is all zeros", async () => {
    const other = await reportFigures({ chapterId: otherId, includeSubChapters: true, start: OCT_1, end: OCT_31 });
    expect({
      count: other.activities.count,
      hours: other.hours.field,
      people: other.people.total,
      volunteers: other.volunteers.map((v) => v.name),
    }).toEqual({
      count: 1,
      hours: 3,
      people: 11,
      volunteers: ["Eko Prasetyo"],
    });
    const august = await reportFigures({
      chapterId: cityId,
      includeSubChapters: true,
      start: calendarDate(2026, 8, 1),
      end: calendarDate(2026, 8, 31),
    });
    expect(august).toMatchObject({
      volunteersActive: 0,
      hours: { field: 0, training: 0, total: 0 },
      activities: { count: 0, byType: [] },
      people: { total: 0, male: 0, female: 0, byCategory: [] },
      households: 0,
      aid: { bySource: [], totalValue: 0 },
      categoryByDistrict: { districts: [], rows: [] },
      volunteers: [],
      hoursByMonth: [],
      waiting: 0,
      followUps: { opened: 0, closed: 0 },
    });
    // the programme ran in August: its money up to 31 August (received 30 M, spent 15.625 M)
    expect(august.programmes).toEqual([
      { name: programmes[0]!.name, partners: [], budget: 50_000_000, received: 30_000_000, spent: 15_625_000 },
    ]);
  });
});

const MONTH_FORM = { kind: "month", year: "2026", month: "10", includeSubChapters: "on" };
const NUMBER_1 = "001/IPSM-LKR/XI/2026";
const NUMBER_2 = "002/IPSM-LKR/XI/2026";
/** Shared between the blocks below, in file order: a draft, the first report and its correction. */
const reports = { draft: "", first: "", correction: "" };

describe("no resident data in the figures, the PDF or the xlsx", () => {
  beforeAll(async () => {
    // The Sekretaris drafts October 2026 (with the sub-chapter, as the form offers).
    reports.draft = ok(await createReport(sekretaris, reportPeriodSchema.parse(MONTH_FORM), NOW)).id;
  });

  it("the data set does hold a case identifier, a resident's name and NIK, and members' NIK (so the checks can fail)", async () => {
    expect(await db.chapter.findUniqueOrThrow({ where: { id: cityId }, select: { keepCaseIdentifiers: true } })).toEqual({
      keepCaseIdentifiers: true,
    });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: id("f1") }, select: { caseIdentifier: true, description: true } })).toEqual({
      caseIdentifier: CASE_NIK,
      description: `Rujukan panti untuk ${RESIDENT}.`,
    });
    expect((await db.activity.findUniqueOrThrow({ where: { id: id("a1") }, select: { narrative: true } })).narrative).toContain(
      RESIDENT_NIK,
    );
    expect(id("Budi Santoso.nik")).toMatch(/^\d{16}$/);
  });

  it("the figures (as JSON) carry none of it", async () => {
    const report = expectOk(await getReport(sekretaris, reports.draft)).report;
    expect(report?.status).toBe("draft");
    const json = JSON.stringify(report!.figures);
    expect(json).toContain("Budi Santoso"); // volunteers by name and number are fine
    expectNoResidentData(json, "figures");
  });

  it("the draft PDF, parsed to text, carries none of it and shows the figures, marked as a draft", async () => {
    const file = expectOk(await reportFile(sekretaris, reports.draft, "pdf", NOW));
    expect(file?.name).toBe("laporan-kontribusi-lkr-2026-10-01-draf.pdf");
    const { text, pages } = await pdfText(new Uint8Array(file!.bytes));
    expectNoResidentData(text, "draft PDF");
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Draf — belum dikirim, angka dapat berubah");
    expect(text).toContain("Nomor : (diberikan saat laporan dikirim)");
    expect(text).toContain("Hal : Laporan Kontribusi Relawan PSM Oktober 2026");
    expect(text).toContain("Yth. Kepala Dinas Sosial Kota Pontianak di Pontianak");
    expect(text).toContain("melaksanakan 6 kegiatan yang telah diverifikasi, dengan 45 jam kerja relawan, dan menjangkau 27 orang.");
    expect(text).toContain("Sebanyak 1 kegiatan pada periode ini masih menunggu verifikasi dan belum dihitung.");
  });

  it("the draft xlsx carries none of it and has the same figures", async () => {
    const file = expectOk(await reportFile(sekretaris, reports.draft, "xlsx", NOW));
    expect(file?.name).toBe("laporan-kontribusi-lkr-2026-10-01-draf.xlsx");
    const { workbook, text } = await xlsxText(new Uint8Array(file!.bytes));
    expectNoResidentData(text, "draft xlsx");
    const summary = new Map(rowsOf(workbook, "Ringkasan").map(([label, value]) => [label, value]));
    expect(summary.get("Nomor surat")).toBe("(belum diberikan: draf)");
    expect(summary.get("Jumlah jam relawan")).toBe(45);
    expect(summary.get("Orang terjangkau")).toBe(27);
    expect(summary.get("Kegiatan menunggu verifikasi (tidak dihitung)")).toBe(1);
  });
});

describe("submission freezes the report", () => {
  let live: Awaited<ReturnType<typeof reportFigures>>;
  let row: {
    status: string;
    number: string | null;
    figures: string | null;
    contentHash: string | null;
    pdfHash: string | null;
    verifyCode: string | null;
    submittedAt: Date | null;
    submittedById: string | null;
  };
  let pdf: Uint8Array;
  let xlsx: Uint8Array;
  const select = {
    status: true,
    number: true,
    figures: true,
    contentHash: true,
    pdfHash: true,
    verifyCode: true,
    submittedAt: true,
    submittedById: true,
  } as const;

  beforeAll(async () => {
    reports.first = ok(await createReport(sekretaris, reportPeriodSchema.parse(MONTH_FORM), NOW)).id;
    live = await reportFigures({ chapterId: cityId, includeSubChapters: true, start: OCT_1, end: OCT_31 });
    expect(await submitReport(ketua, reports.first, NOW)).toEqual({ ok: true, number: NUMBER_1 });
    row = await db.report.findUniqueOrThrow({ where: { id: reports.first }, select });
    pdf = expectOk(await reportFile(ketua, reports.first, "pdf", NOW))!.bytes;
    xlsx = expectOk(await reportFile(ketua, reports.first, "xlsx", NOW))!.bytes;
  });

  it("numbers the letter (serial / IPSM-code / roman month of submission / year) and stores the figures, hashes and code", async () => {
    expect(row).toMatchObject({ status: "submitted", number: NUMBER_1, submittedAt: NOW, submittedById: id("ketuaUser") });
    const payload = JSON.parse(row.figures!);
    expect(payload).toEqual({
      version: 2,
      number: NUMBER_1,
      chapter: "LKR",
      period: { kind: "month", start: "2026-10-01", end: "2026-10-31" },
      submittedAt: NOW.toISOString(),
      figures: live,
    });
    expect(row.contentHash).toBe(sha256(row.figures!));
    expect(row.pdfHash).toBe(sha256(pdf));
    expect(row.verifyCode).toMatch(/^L[\w-]{16}$/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "report.submit", entityId: reports.first } });
    // (the audit masks any run of 16 digits, which a hex hash may hold: compared as the audit writes it)
    expect(JSON.parse(audit.after!)).toEqual({ number: NUMBER_1, contentHash: row.contentHash });
  });

  it("the stored PDF is the letter with the number, the frozen figures, the signatures and the verification line on every page", async () => {
    const { text, pages } = await pdfText(new Uint8Array(pdf));
    expect(text).not.toContain("Draf — belum dikirim");
    expect(text).toContain(`Nomor : ${NUMBER_1}`);
    expect(text).toContain("Pontianak, 26 November 2026");
    expect(text).toContain("Periode Oktober 2026 (1 Oktober 2026 – 31 Oktober 2026)");
    expect(text).toContain(`Lampiran surat Nomor ${NUMBER_1} tanggal 26 November 2026`);
    expect(text).toContain("IPSM Kota Pontianak, IPSM Kecamatan Pontianak Utara");
    expect(text).toContain(
      "Anggota aktif 9 Relawan yang aktif pada periode ini 4 Jumlah jam relawan 45 jam Jam kegiatan lapangan 9 jam Jam pelatihan 36 jam Kegiatan 6",
    );
    expect(text).toContain("Orang terjangkau 27 orang (L 11, P 16) Keluarga (KK) 17 Nilai bantuan Rp5.150.000");
    expect(text).toContain("8. Lanjut Usia Terlantar 4 12 16");
    expect(text).toContain("9. Penyandang Disabilitas 1 1 2");
    expect(text).toContain("24. Fakir Miskin 6 3 9");
    expect(text).toContain("Mitra CSR 2 5 Rp2.600.000");
    expect(text).toContain("APBD 2 15 Rp2.250.000");
    expect(text).toContain("Swadaya 1 6 Rp300.000");
    expect(text).toContain("Jumlah 5 26 Rp5.150.000");
    // category x kecamatan, and the kelurahan annex
    expect(text).toContain("Kategori PPKS Pontianak Selatan Pontianak Timur Pontianak Utara Jumlah");
    expect(text).toContain("Lanjut Usia Terlantar 8 2 6 16");
    expect(text).toContain("Fakir Miskin 5 4 0 9");
    expect(text).toContain("Jumlah 14 7 6 27");
    expect(text).toContain("Pontianak Utara Siantan Hulu Lanjut Usia Terlantar 6");
    // volunteers, training, programme, follow-ups
    expect(text).toContain(`2 Budi Santoso ${id("Budi Santoso.number")} 3 4,3`);
    expect(text).toContain(`3 Hendra Wijaya ${id("Hendra Wijaya.number")} 1 1,3`);
    expect(text).toContain("Bimtek Dasar PSM Aula Dinas Sosial Kota Pontianak 06/10/2026 – 07/10/2026 16 2");
    expect(text).toContain("Pendampingan Lansia Terlantar Pontianak Selatan – Rp50.000.000 Rp30.000.000 Rp19.625.000 39,3%");
    expect(text).toContain("Tindak lanjut dibuka pada periode ini 3 Tindak lanjut diselesaikan pada periode ini 2");
    expect(text).toContain("Ketua, Rahmat Hidayat Sekretaris, Siti Rohani");
    // the verification address and the start of the content hash on every page
    const url = `http://localhost:3000/verify/${row.verifyCode}`;
    expect(text.split(`Periksa keaslian: ${url}`).length - 1).toBe(pages);
    expect(text.split(`Kode isi: ${row.contentHash!.slice(0, 16)}`).length - 1).toBe(pages);
    expectNoResidentData(text.replaceAll(row.contentHash!.slice(0, 16), "").replaceAll(url, ""), "stored PDF");
  });

  it("the stored xlsx has the number, the hash and the same figures, and no resident data", async () => {
    const { workbook, text } = await xlsxText(new Uint8Array(xlsx));
    const summary = new Map(rowsOf(workbook, "Ringkasan").map(([label, value]) => [label, value]));
    expect(summary.get("Nomor surat")).toBe(NUMBER_1);
    expect(summary.get("Status")).toBe("Dikirim");
    expect(summary.get("Kode isi")).toBe(row.contentHash);
    expect(summary.get("Periksa keaslian")).toBe(`http://localhost:3000/verify/${row.verifyCode}`);
    expect([summary.get("Jam kegiatan lapangan"), summary.get("Jam pelatihan"), summary.get("Jumlah jam relawan")]).toEqual([9, 36, 45]);
    expect(rowsOf(workbook, "Kecamatan")).toEqual([
      ["Kategori PPKS", "Pontianak Selatan", "Pontianak Timur", "Pontianak Utara", "Jumlah"],
      ["Lanjut Usia Terlantar", 8, 2, 6, 16],
      ["Penyandang Disabilitas", 1, 1, 0, 2],
      ["Fakir Miskin", 5, 4, 0, 9],
    ]);
    expect(rowsOf(workbook, "Bantuan").slice(1)).toEqual([
      ["Mitra CSR", 2, 5, 2_600_000],
      ["APBD", 2, 15, 2_250_000],
      ["Swadaya", 1, 6, 300_000],
    ]);
    expectNoResidentData(text.replaceAll(row.contentHash!, ""), "stored xlsx");
  });

  it("nothing of it changes when the data changes afterwards, while a draft's figures move on", async () => {
    // Another October activity is verified, and a volunteer's name is corrected.
    expect(await verifyActivities(wakil, [id("waiting")], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    await db.member.update({ where: { id: id("Budi Santoso") }, data: { fullName: "Budi Santoso Saputra" } });

    const report = expectOk(await getReport(ketua, reports.first)).report;
    expect(report?.figures).toEqual(live);
    expect(report).toMatchObject({ number: NUMBER_1, contentHash: row.contentHash, pdfHash: row.pdfHash, hasFiles: true });
    expect(await db.report.findUniqueOrThrow({ where: { id: reports.first }, select })).toEqual(row);
    const againPdf = expectOk(await reportFile(ketua, reports.first, "pdf", new Date()));
    expect(againPdf?.name).toBe("laporan-kontribusi-lkr-2026-10-01.pdf");
    expect(Buffer.compare(againPdf!.bytes, pdf)).toBe(0);
    expect(sha256(againPdf!.bytes)).toBe(row.pdfHash);
    expect(Buffer.compare(expectOk(await reportFile(ketua, reports.first, "xlsx", new Date()))!.bytes, xlsx)).toBe(0);

    // The draft of the same period counts the newly verified activity (Budi, 240 minutes, 50 people).
    const draft = expectOk(await getReport(sekretaris, reports.draft)).report!.figures;
    expect({
      count: draft.activities.count,
      field: draft.hours.field,
      people: draft.people.total,
      households: draft.households,
      waiting: draft.waiting,
    }).toEqual({
      count: 7,
      field: 13,
      people: 77,
      households: 27,
      waiting: 0,
    });
    expect(draft.volunteers.find((v) => v.name.startsWith("Budi"))).toEqual({
      name: "Budi Santoso Saputra",
      memberNumber: id("Budi Santoso.number"),
      activities: 4,
      hours: 8.25,
    });
  });

  it("refuses a second submission of the report, another draft of the same period, and a new draft for it", async () => {
    expect(await submitReport(ketua, reports.first, NOW)).toEqual({
      ok: false,
      refusal: "conflict",
      message: "Laporan ini sudah ditanggapi.",
    });
    const overlap = `Periode ini bertumpang tindih dengan laporan ${NUMBER_1} (Oktober 2026) yang sudah dikirim, sehingga kegiatannya akan terhitung dua kali. Pilih periode lain, atau buka laporan itu dan buat versi koreksi.`;
    expect(await submitReport(ketua, reports.draft, NOW)).toEqual({ ok: false, refusal: "conflict", message: overlap });
    expect(await createReport(sekretaris, reportPeriodSchema.parse(MONTH_FORM), NOW)).toEqual({
      ok: false,
      refusal: "conflict",
      message: `Periode ini bertumpang tindih dengan laporan ${NUMBER_1} (Oktober 2026) yang sudah dikirim, sehingga kegiatannya akan terhitung dua kali. Pilih periode lain, atau buka laporan itu dan buat versi koreksi.`,
    });
    expect((await db.report.findUniqueOrThrow({ where: { id: reports.draft }, select: { status: true } })).status).toBe("draft");
    // no serial was spent on the refusals
    expect(
      await db.letterCounter.findUniqueOrThrow({ where: { chapterId_year: { chapterId: cityId, year: 2026 } }, select: { next: true } }),
    ).toEqual({ next: 2 });
    // a submitted report is not a draft to delete
    expect(await deleteDraft(ketua, reports.first)).toEqual({ ok: false, refusal: "notFound" });
  });

  it("a correction is a draft that refers to the report; submitting it supersedes the first with a new number", async () => {
    const correction = await createCorrection(sekretaris, reports.first);
    if (!correction.ok) throw new Error(JSON.stringify(correction));
    reports.correction = correction.id;
    // asking again opens the same correction
    expect(await createCorrection(ketua, reports.first)).toEqual({ ok: true, id: reports.correction });
    expect(expectOk(await getReport(ketua, reports.correction)).report).toMatchObject({
      status: "draft",
      number: null,
      supersedes: { id: reports.first, number: NUMBER_1 },
      includeSubChapters: true,
      periodKind: "month",
    });

    expect(await submitReport(ketua, reports.correction, NOW)).toEqual({ ok: true, number: NUMBER_2 });
    expect(
      await db.report.findUniqueOrThrow({ where: { id: reports.first }, select: { status: true, number: true, contentHash: true } }),
    ).toEqual({
      status: "superseded",
      number: NUMBER_1,
      contentHash: row.contentHash,
    });
    const corrected = expectOk(await getReport(ketua, reports.correction)).report;
    expect(corrected).toMatchObject({ status: "submitted", number: NUMBER_2, supersedes: { number: NUMBER_1 } });
    expect(corrected!.figures).toMatchObject({
      activities: { count: 7 },
      hours: { field: 13, training: 36, total: 49 },
      people: { total: 77, male: 61, female: 16 },
      households: 27,
      waiting: 0,
      followUps: { opened: 4, closed: 2 },
      hoursByMonth: [{ month: "2026-10", hours: 13, activities: 7 }],
    });
    const { text } = await pdfText(new Uint8Array(expectOk(await reportFile(ketua, reports.correction, "pdf", NOW))!.bytes));
    expect(text).toContain(`Nomor : ${NUMBER_2}`);
    expect(text).toContain(`Laporan ini merupakan perbaikan dan menggantikan laporan Nomor ${NUMBER_1} tanggal 26 November 2026.`);
    expect(text).toContain("melaksanakan 7 kegiatan yang telah diverifikasi, dengan 49 jam kerja relawan, dan menjangkau 77 orang.");
    // a superseded report cannot be corrected again
    expect(await createCorrection(sekretaris, reports.first)).toEqual({
      ok: false,
      refusal: "conflict",
      message: "Hanya laporan yang sudah dikirim yang dapat dikoreksi.",
    });
  });

  it("the verification page of the first report says it was replaced", async () => {
    const result = dataOf<{ kind: string; report: Record<string, unknown> }>(
      await run(verifyLoader, getRequest(`/verify/${row.verifyCode}`), { code: row.verifyCode! }),
    );
    expect(result.kind).toBe("report");
    expect(result.report).toMatchObject({
      number: NUMBER_1,
      status: "superseded",
      supersededBy: NUMBER_2,
      intact: true,
      totals: { activities: 6, hours: 45, people: 27 },
    });
  });
});

describe("the verification page", () => {
  type Shown = { kind: string; report: Record<string, unknown> };
  const verify = async (code: string) => run(verifyLoader, getRequest(`/verify/${code}`), { code });
  let code: string;
  let stored: { figures: string; contentHash: string; pdfHash: string; submittedAt: Date };

  beforeAll(async () => {
    const row = await db.report.findUniqueOrThrow({
      where: { id: reports.correction },
      select: { verifyCode: true, figures: true, contentHash: true, pdfHash: true, submittedAt: true },
    });
    code = row.verifyCode!;
    stored = { figures: row.figures!, contentHash: row.contentHash!, pdfHash: row.pdfHash!, submittedAt: row.submittedAt! };
  });

  it("shows anyone (no login) the number, period, chapter, hashes and submission date of a report in force", async () => {
    const result = dataOf<Shown>(await verify(code));
    expect(result).toEqual({
      kind: "report",
      report: {
        number: NUMBER_2,
        chapter: "IPSM Kota Pontianak",
        timeZone: "Asia/Jakarta",
        periodLabel: "Oktober 2026",
        status: "submitted",
        submittedAt: NOW,
        contentHash: stored.contentHash,
        pdfHash: stored.pdfHash,
        intact: true,
        totals: { activities: 7, hours: 49, people: 77 },
        supersededBy: null,
      },
    });
    // the printed copy's hash is the stored one
    const { text } = await pdfText(new Uint8Array(expectOk(await reportFile(ketua, reports.correction, "pdf"))!.bytes));
    expect(text).toContain(`Periksa keaslian: http://localhost:3000/verify/${code}`);
    expect(text).toContain(`Kode isi: ${stored.contentHash.slice(0, 16)}`);
  });

  it("says the stored figures no longer match when they are changed in the database", async () => {
    const tampered = stored.figures.replace('"activities":{"count":7', '"activities":{"count":70');
    expect(tampered).not.toBe(stored.figures);
    await db.$executeRaw`UPDATE "Report" SET figures = ${tampered} WHERE id = ${reports.correction}`;
    try {
      expect(dataOf<Shown>(await verify(code)).report).toMatchObject({
        number: NUMBER_2,
        intact: false,
        contentHash: stored.contentHash,
        totals: { activities: 70 },
      });
    } finally {
      await db.$executeRaw`UPDATE "Report" SET figures = ${stored.figures} WHERE id = ${reports.correction}`;
    }
    expect(dataOf<Shown>(await verify(code)).report).toMatchObject({ intact: true });
  });

  it("answers 404 to an unknown code, a malformed one, and a draft (which has none)", async () => {
    expect(statusOf(await verify("LAAAAAAAAAAAAAAAA"))).toBe(404);
    expect(statusOf(await verify("tidak-ada"))).toBe(404);
    expect(await db.report.findUniqueOrThrow({ where: { id: reports.draft }, select: { verifyCode: true } })).toEqual({ verifyCode: null });
    expect(await verifyReportCode(`${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`)).toBeNull();
  });
});

describe("who may do what, through the routes", () => {
  const cookies: Record<string, string> = {};
  const cookie = (who: string) => cookies[who] ?? "";
  const other = { sub: "", city: "" };
  let dinsosUserId: string;
  let september = "";

  const detail = (who: string, reportId: string) => run(reportLoader, getRequest(`/reports/${reportId}`, cookie(who)), { id: reportId });
  const act = (who: string, reportId: string, fields: Record<string, string>) =>
    run(reportAction, postForm(`/reports/${reportId}`, fields, cookie(who)), { id: reportId });
  const file = (who: string, reportId: string, ext: "pdf" | "xlsx") =>
    run(ext === "pdf" ? pdfLoader : xlsxLoader, getRequest(`/reports/${reportId}.${ext}`, cookie(who)), { id: reportId });
  const status = async (reportId: string) =>
    (await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } })).status;
  const listed = async (who: string) =>
    dataOf<{ reports: { id: string }[]; summary: unknown; canCreate: boolean }>(
      await run(reportsLoader, getRequest("/reports", cookie(who))),
    );

  beforeAll(async () => {
    for (const who of ["ketua@lkr.test", "sekretaris@lkr.test", "budi@lkr.test", "korcam@lkr.test", "dinsos@lkr.test", "dinsos@lks.test"])
      cookies[who] = await signIn(who);
    dinsosUserId = (await db.user.findUniqueOrThrow({ where: { email: "dinsos@lkr.test" }, select: { id: true } })).id;
    // The sub-chapter and the other city each submit their October report.
    const subKetua = reportActor(id("subKetuaUser"), subId, ["ketua"]);
    other.sub = ok(await createReport(subKetua, reportPeriodSchema.parse(MONTH_FORM), NOW)).id;
    expect(await submitReport(subKetua, other.sub, NOW)).toEqual({ ok: true, number: "001/IPSM-LKU/XI/2026" });
    const otherKetua = reportActor(id("otherKetuaUser"), otherId, ["ketua"]);
    other.city = ok(await createReport(otherKetua, reportPeriodSchema.parse(MONTH_FORM), NOW)).id;
    expect(await submitReport(otherKetua, other.city, NOW)).toEqual({ ok: true, number: "001/IPSM-LKS/XI/2026" });
  });

  it("a volunteer gets 403 on /reports, a report, its files, and creating one", async () => {
    const who = "budi@lkr.test";
    expect(statusOf(await run(reportsLoader, getRequest("/reports", cookie(who))))).toBe(403);
    expect(statusOf(await run(reportsAction, postForm("/reports", MONTH_FORM, cookie(who))))).toBe(403);
    expect(statusOf(await detail(who, reports.correction))).toBe(403);
    expect(statusOf(await act(who, reports.draft, { intent: "submit" }))).toBe(403);
    expect(statusOf(await file(who, reports.correction, "pdf"))).toBe(403);
    expect(statusOf(await file(who, reports.correction, "xlsx"))).toBe(403);
  });

  it("a Koordinator Kecamatan has no report rights (403)", async () => {
    const who = "korcam@lkr.test";
    expect(statusOf(await run(reportsLoader, getRequest("/reports", cookie(who))))).toBe(403);
    expect(statusOf(await run(reportsAction, postForm("/reports", MONTH_FORM, cookie(who))))).toBe(403);
    expect(statusOf(await detail(who, reports.correction))).toBe(403);
    expect(statusOf(await act(who, reports.draft, { intent: "submit" }))).toBe(403);
    expect(statusOf(await file(who, reports.correction, "pdf"))).toBe(403);
  });

  it("the Sekretaris sees the chapter's reports and drafts one, but only the Ketua may submit it", async () => {
    const list = await listed("sekretaris@lkr.test");
    expect(list.canCreate).toBe(true);
    expect(list.summary).toBeNull();
    expect(list.reports.map((r) => r.id).sort()).toEqual([reports.draft, reports.first, reports.correction].sort());

    // September 2026, long past on the real clock too
    const created = (await run(
      reportsAction,
      postForm("/reports", { kind: "month", year: "2026", month: "9", includeSubChapters: "on" }, cookie("sekretaris@lkr.test")),
    )) as Response;
    expect(created.status).toBe(302);
    const location = created.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/reports\/\w+$/);
    expect(await toastMessageOf(created)).toBe("Draf laporan dibuat.");
    september = location.split("/").pop()!;
    expect(
      await db.report.findUniqueOrThrow({
        where: { id: september },
        select: { status: true, periodKind: true, periodStart: true, periodEnd: true, includeSubChapters: true, chapterId: true },
      }),
    ).toEqual({
      status: "draft",
      periodKind: "month",
      periodStart: calendarDate(2026, 9, 1),
      periodEnd: calendarDate(2026, 9, 30),
      includeSubChapters: true,
      chapterId: cityId,
    });
    const shown = dataOf<{ report: { status: string; periodLabel: string }; canSubmit: boolean; canCreate: boolean; canReview: boolean }>(
      await detail("sekretaris@lkr.test", september),
    );
    expect(shown).toMatchObject({
      report: { status: "draft", periodLabel: "September 2026" },
      canSubmit: false,
      canCreate: true,
      canReview: false,
    });

    const refused = (await act("sekretaris@lkr.test", september, { intent: "submit" })) as Response;
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe(`/reports/${september}`);
    expect(await toastMessageOf(refused)).toBe("Hanya Ketua yang dapat mengirim laporan.");
    expect(await status(september)).toBe("draft");
  });

  it("the Ketua submits it: a letter number, and the Ketua's toast names it", async () => {
    const submitted = (await act("ketua@lkr.test", september, { intent: "submit" })) as Response;
    expect(submitted.status).toBe(302);
    const row = await db.report.findUniqueOrThrow({
      where: { id: september },
      select: { status: true, number: true, submittedById: true },
    });
    expect(row).toMatchObject({ status: "submitted", submittedById: id("ketuaUser") });
    // the real clock's month and year
    expect(row.number).toMatch(/^\d{3}\/IPSM-LKR\/(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\/\d{4}$/);
    expect(await toastMessageOf(submitted)).toBe(`Laporan ${row.number} dikirim ke Dinas Sosial.`);
  });

  it("the board deletes a draft, never a submitted report", async () => {
    const draft = ok(await createReport(sekretaris, reportPeriodSchema.parse({ kind: "month", year: "2026", month: "8" }), NOW)).id;
    const deleted = (await act("sekretaris@lkr.test", draft, { intent: "delete" })) as Response;
    expect(deleted.headers.get("Location")).toBe("/reports");
    expect(await toastMessageOf(deleted)).toBe("Draf laporan dihapus.");
    expect(await db.report.count({ where: { id: draft } })).toBe(0);
    expect(statusOf(await act("sekretaris@lkr.test", september, { intent: "delete" }))).toBe(404);
    expect(await status(september)).toBe("submitted");
  });

  it("the Dinas Sosial sees only the submitted reports of its area (its city and the chapters under it)", async () => {
    const city = await listed("dinsos@lkr.test");
    expect(city.canCreate).toBe(false);
    expect(city.summary).not.toBeNull();
    // not the drafts, not Singkawang's
    expect(city.reports.map((r) => r.id).sort()).toEqual([reports.first, reports.correction, september, other.sub].sort());
    const singkawang = await listed("dinsos@lks.test");
    expect(singkawang.reports.map((r) => r.id)).toEqual([other.city]);

    const shown = dataOf<{ report: { number: string }; canSubmit: boolean; canCreate: boolean; canReview: boolean }>(
      await detail("dinsos@lkr.test", other.sub),
    );
    expect(shown).toMatchObject({ report: { number: "001/IPSM-LKU/XI/2026" }, canSubmit: false, canCreate: false, canReview: true });
    expect(statusOf(await detail("dinsos@lkr.test", reports.draft))).toBe(404);
    expect(statusOf(await detail("dinsos@lkr.test", other.city))).toBe(404);
    expect(statusOf(await detail("dinsos@lks.test", reports.correction))).toBe(404);
  });

  it("the Dinas Sosial downloads the stored PDF and xlsx of its area, not a draft's", async () => {
    const stored = await db.report.findUniqueOrThrow({ where: { id: reports.correction }, select: { pdfHash: true } });
    const pdf = (await file("dinsos@lkr.test", reports.correction, "pdf")) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    // RFC 6266 by the shared fileResponse: a plain ASCII name needs no quotes
    expect(pdf.headers.get("Content-Disposition")).toBe("inline; filename=laporan-kontribusi-lkr-2026-10-01.pdf");
    expect(sha256(new Uint8Array(await pdf.arrayBuffer()))).toBe(stored.pdfHash);
    const xlsx = (await file("dinsos@lkr.test", reports.correction, "xlsx")) as Response;
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const { workbook } = await xlsxText(new Uint8Array(await xlsx.arrayBuffer()));
    expect(new Map(rowsOf(workbook, "Ringkasan").map(([label, value]) => [label, value])).get("Nomor surat")).toBe(NUMBER_2);
    expect(statusOf(await file("dinsos@lkr.test", reports.draft, "pdf"))).toBe(404);
    expect(statusOf(await file("dinsos@lkr.test", other.city, "xlsx"))).toBe(404);
    expect(statusOf(await file("dinsos@lks.test", reports.correction, "pdf"))).toBe(404);
  });

  it("the Dinas Sosial cannot create, submit, correct or delete", async () => {
    expect(
      statusOf(await run(reportsAction, postForm("/reports", { kind: "month", year: "2026", month: "7" }, cookie("dinsos@lkr.test")))),
    ).toBe(403);
    expect(statusOf(await act("dinsos@lkr.test", reports.draft, { intent: "submit" }))).toBe(403);
    expect(await status(reports.draft)).toBe("draft");
    const before = await db.report.count();
    expect(statusOf(await act("dinsos@lkr.test", reports.correction, { intent: "correct" }))).toBe(403);
    expect(statusOf(await act("dinsos@lkr.test", reports.draft, { intent: "delete" }))).toBe(403);
    expect(await db.report.count()).toBe(before);
    expect(await status(reports.draft)).toBe("draft");
  });

  it("the Dinas Sosial marks a report received; a second answer is refused", async () => {
    const received = (await act("dinsos@lkr.test", september, { intent: "receive" })) as Response;
    expect(received.headers.get("Location")).toBe(`/reports/${september}`);
    expect(await toastMessageOf(received)).toBe("Laporan ditandai diterima.");
    const row = await db.report.findUniqueOrThrow({
      where: { id: september },
      select: { status: true, reviewedById: true, reviewedAt: true, reviewNote: true },
    });
    expect(row).toMatchObject({ status: "received", reviewedById: dinsosUserId, reviewNote: null });
    const answers: Record<string, string>[] = [{ intent: "receive" }, { intent: "return", note: "Mohon dilengkapi rincian pelatihan." }];
    for (const fields of answers) {
      const again = (await act("dinsos@lkr.test", september, fields)) as Response;
      expect(await toastMessageOf(again)).toBe("Laporan ini sudah ditanggapi.");
    }
    expect(
      await db.report.findUniqueOrThrow({
        where: { id: september },
        select: { status: true, reviewedById: true, reviewedAt: true, reviewNote: true },
      }),
    ).toEqual(row);
  });

  it("the Dinas Sosial returns a report with a note (5 characters at least)", async () => {
    const short = await act("dinsos@lkr.test", reports.correction, { intent: "return", note: " ok " });
    expect(statusOf(short)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(short).fieldErrors).toEqual({
      note: "Tuliskan catatan yang jelas (paling sedikit 5 karakter).",
    });
    expect(await status(reports.correction)).toBe("submitted");

    const note = "Jam pelatihan mohon dirinci per kegiatan.";
    const returned = (await act("dinsos@lkr.test", reports.correction, { intent: "return", note })) as Response;
    expect(await toastMessageOf(returned)).toBe("Laporan dikembalikan ke pengurus.");
    expect(expectOk(await getReport(ketua, reports.correction)).report).toMatchObject({
      status: "returned",
      reviewNote: note,
      reviewedBy: { name: "Dinas Sosial Kota Pontianak" },
    });
  });

  it("another city's Dinas Sosial cannot answer for this area, and the board cannot answer at all", async () => {
    expect(statusOf(await act("dinsos@lks.test", other.sub, { intent: "receive" }))).toBe(404);
    expect(statusOf(await act("ketua@lkr.test", reports.correction, { intent: "receive" }))).toBe(403);
    expect(await reviewReport(ketua, other.sub, "received", null, NOW)).toEqual({ ok: false, refusal: "forbidden" });
    expect(await status(other.sub)).toBe("submitted");
  });

  it("the Dinas Sosial's summary adds up the frozen figures of the reports it received (not those returned, waiting or superseded)", async () => {
    const frozen = async (reportId: string) =>
      JSON.parse((await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { figures: true } })).figures!).figures as Awaited<
        ReturnType<typeof reportFigures>
      >;
    const [oct, sept, sub] = [await frozen(reports.correction), await frozen(september), await frozen(other.sub)];
    // by hand: October (corrected, with the sub-chapter) 49 h, 7 activities, 77 people; September 1 + 8 training = 9 h,
    // 1 activity, 5 people; the sub-chapter's own October 1.25 h, 1 activity, 6 people
    expect([oct.hours.total, sept.hours.total, sub.hours.total]).toEqual([49, 9, 1.25]);
    expect([oct.people.total, sept.people.total, sub.people.total]).toEqual([77, 5, 6]);

    const dinsos = reportActor(dinsosUserId, cityId, [], "dinsos");
    const summary = await receivedSummary(dinsos);
    // October (corrected) was returned and the sub-chapter's report waits for an answer: only September is counted
    expect(summary.reports.map((r) => [r.number, r.status, r.hours, r.activities, r.people, r.counted])).toEqual([
      [(await db.report.findUniqueOrThrow({ where: { id: september }, select: { number: true } })).number, "received", 9, 1, 5, true],
    ]);
    expect(summary.totals).toEqual({ hours: 9, activities: 1, people: 5 });
    // by category and kecamatan: October's and September's frozen figures added up
    const sumBy = (pick: (f: typeof oct) => { label: string; value: number }[]) => {
      const total = new Map<string, number>();
      for (const f of [sept]) for (const { label, value } of pick(f)) total.set(label, (total.get(label) ?? 0) + value);
      return [...total.entries()].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
    };
    expect(summary.byCategory).toEqual(sumBy((f) => f.people.byCategory.map((c) => ({ label: c.name, value: c.total }))));
    expect(summary.byDistrict).toEqual(
      sumBy((f) =>
        f.categoryByDistrict.districts.map((d, i) => ({
          label: d.name,
          value: f.categoryByDistrict.rows.reduce((s, row) => s + (row.counts[i] ?? 0), 0),
        })),
      ),
    );
    expect(summary.byCategory.reduce((s, c) => s + c.value, 0)).toBe(5);
    // the same summary on the Dinas Sosial's /reports page
    expect((await listed("dinsos@lkr.test")).summary).toEqual(summary);
    // Singkawang's Dinas Sosial sees only Singkawang: Eko's 180 minutes and 11 people
    const singkawangDinsos = reportActor(
      (await db.user.findUniqueOrThrow({ where: { email: "dinsos@lks.test" }, select: { id: true } })).id,
      otherId,
      [],
      "dinsos",
    );
    expect((await receivedSummary(singkawangDinsos)).totals).toEqual({ hours: 0, activities: 0, people: 0 });
    expect(await reviewReport(singkawangDinsos, other.city, "received", null, NOW)).toEqual({ ok: true });
    const singkawang = await receivedSummary(singkawangDinsos);
    expect(singkawang.totals).toEqual({ hours: 3, activities: 1, people: 11 });
    // what waits for its answer: the sub-chapter's report only (September received, October returned)
    expect(await countAwaitingReview(dinsos)).toBe(1);
    expect(await countAwaitingReview(ketua)).toBe(0);
    // the city's board lists its own reports only, not the sub-chapter's
    expect((await listReports(ketua)).map((r) => r.id).sort()).toEqual(
      [reports.draft, reports.first, reports.correction, september].sort(),
    );
  });
});

describe("bad input", () => {
  const errorsOf = (input: Record<string, string>) => {
    const parsed = reportPeriodSchema.safeParse(input);
    if (parsed.success) throw new Error(`expected an error for ${JSON.stringify(input)}`);
    return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("the period form explains each mistake in Indonesian", () => {
    expect(errorsOf({ kind: "month", year: "2026" })).toEqual({ month: "Pilih bulan." });
    expect(errorsOf({ kind: "month", year: "2026", month: "13" })).toEqual({ month: "Pilih bulan." });
    expect(errorsOf({ kind: "month", year: "abc", month: "3" })).toEqual({ year: "Isi tahun, misalnya 2026." });
    expect(errorsOf({ kind: "quarter", year: "2026" })).toEqual({ quarter: "Pilih triwulan." });
    expect(errorsOf({ kind: "minggu", year: "2026" })).toEqual({ kind: "Pilih jenis periode." });
    expect(errorsOf({ kind: "custom", start: "2026-03-10", end: "2026-03-01" })).toEqual({
      end: "Tanggal akhir tidak boleh sebelum tanggal awal.",
    });
    expect(errorsOf({ kind: "custom", start: "2025-01-01", end: "2026-03-31" })).toEqual({
      end: "Periode laporan paling panjang satu tahun.",
    });
    expect(errorsOf({ kind: "custom", start: "2025-01-01", end: "2026-01-02" })).toEqual({
      end: "Periode laporan paling panjang satu tahun.",
    });
    expect(reportPeriodSchema.safeParse({ kind: "custom", start: "2024-01-01", end: "2024-12-31" }).success).toBe(true);
    expect(errorsOf({ kind: "custom", start: "2026-02-30", end: "2026-03-31" })).toEqual({ start: "Masukkan tanggal yang benar." });
    // and the right periods
    expect(reportPeriodSchema.parse({ kind: "quarter", year: "2026", quarter: "3" })).toEqual({
      kind: "quarter",
      start: calendarDate(2026, 7, 1),
      end: calendarDate(2026, 9, 30),
      includeSubChapters: false,
    });
    expect(reportPeriodSchema.parse({ kind: "month", year: "2024", month: "2", includeSubChapters: "on" })).toEqual({
      kind: "month",
      start: calendarDate(2024, 2, 1),
      end: calendarDate(2024, 2, 29),
      includeSubChapters: true,
    });
    expect(reportPeriodSchema.parse({ kind: "custom", start: "2024-01-01", end: "2024-12-31" }).end).toEqual(calendarDate(2024, 12, 31));
  });

  it("a period that has not ended is refused, by the domain and through the route", async () => {
    const before = await db.report.count();
    expect(await createReport(ketua, reportPeriodSchema.parse({ kind: "month", year: "2026", month: "11" }), NOW)).toEqual({
      ok: false,
      refusal: "invalid",
      fieldErrors: { end: "Periode ini belum berakhir (sampai 30 November 2026). Laporan dibuat setelah periodenya selesai." },
    });
    expect(await createReport(ketua, reportPeriodSchema.parse({ kind: "year", year: "2026" }), NOW)).toMatchObject({
      ok: false,
      refusal: "invalid",
      fieldErrors: { end: expect.stringContaining("31 Desember 2026") },
    });
    // the real clock: January of next year has not ended
    const next = new Date().getUTCFullYear() + 1;
    const cookie = await signIn("ketua@lkr.test");
    const refused = await run(reportsAction, postForm("/reports", { kind: "month", year: String(next), month: "1" }, cookie));
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(refused).fieldErrors).toEqual({
      end: `Periode ini belum berakhir (sampai 31 Januari ${next}). Laporan dibuat setelah periodenya selesai.`,
    });
    const missing = await run(reportsAction, postForm("/reports", { kind: "month", year: "2025" }, cookie));
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(missing).fieldErrors).toMatchObject({ month: "Pilih bulan." });
    expect(await db.report.count()).toBe(before);
    // nor may a member without the right draft one
    expect(
      await createReport(
        reportActor(id("ketuaUser"), cityId, []),
        reportPeriodSchema.parse({ kind: "month", year: "2026", month: "6" }),
        NOW,
      ),
    ).toEqual({
      ok: false,
      refusal: "forbidden",
    });
  });
});

describe("submitting twice at the same moment", () => {
  const otherKetua = () => reportActor(id("otherKetuaUser"), otherId, ["ketua"]);

  it("a double submission of one draft issues one number (found while writing these tests)", async () => {
    const draft = ok(await createReport(otherKetua(), reportPeriodSchema.parse({ kind: "month", year: "2026", month: "8" }), NOW)).id;
    const results = await Promise.all([submitReport(otherKetua(), draft, NOW), submitReport(otherKetua(), draft, NOW)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: "conflict", message: "Laporan ini sudah ditanggapi." }]);
  });

  it("two drafts of one period submitted at the same moment leave one report in force", async () => {
    const period = reportPeriodSchema.parse({ kind: "month", year: "2026", month: "7" });
    const [a, b] = [ok(await createReport(otherKetua(), period, NOW)).id, ok(await createReport(otherKetua(), period, NOW)).id];
    await Promise.all([submitReport(otherKetua(), a, NOW), submitReport(otherKetua(), b, NOW)]);
    expect(await db.report.count({ where: { chapterId: otherId, periodStart: period.start, status: "submitted" } })).toBe(1);
  });
});
