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

import { ensureActivityCatalogue, listActivityTypes, listPpksCategories, logActivity, returnActivities, verifyActivities, type ActivityActor } from "~/domain/activities.server";
import { updateActivitySettings } from "~/domain/activity-settings.server";
import { reportFigures } from "~/domain/report-figures.server";
import { createReport, getReport, reportFile, type ReportActor } from "~/domain/reports.server";
import type { FollowUpUpdateEntry, OpenedFollowUp } from "~/domain/follow-ups.server";
import { db } from "~/utils/db.server";
import { permissionsFor, type Role } from "~/utils/permissions";
import { activityFormSchema, type AidEntry, type ReachEntry } from "~/validation/activities";
import type { PositionKind } from "~/validation/leadership";
import { reportPeriodSchema } from "~/validation/reports";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { pdfText } from "../support/pdf-text";

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
let LANSIA: string;
let DISABILITAS: string;
let FAKIR: string;
let ketua: ReportActor;
let sekretaris: ReportActor;
let wakil: ActivityActor;

function reportActor(userId: string, chapter: string, kinds: PositionKind[], role: Role = "volunteer"): ReportActor {
  return { userId, chapterId: chapter, timeZone: TZ, permissions: permissionsFor(role, kinds) };
}
function activityActor(userId: string, memberId: string | null, chapter: string, kinds: PositionKind[] = []): ActivityActor {
  return { userId, memberId, chapterId: chapter, timeZone: TZ, permissions: permissionsFor("volunteer", kinds), districtCodes: [] };
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
async function log(actor: ActivityActor, input: LogInput) {
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
      { data, reach: input.reach, aid: input.aid ?? [], coVolunteerIds: input.co ?? [], followUp: input.followUp ?? null, followUpUpdate: input.followUpUpdate ?? null, submit: input.submit ?? true },
      NOW,
    ),
  ).id;
}
const reach = (categoryId: () => string, sex: "L" | "P", count: number): ReachEntry => ({ categoryId: categoryId(), sex, ageBand: null, count });
const followUpOf = async (activityId: string) => (await db.followUp.findFirstOrThrow({ where: { openedById: activityId }, select: { id: true } })).id;

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
  otherId = (await buildChapter({ code: "LKS", name: "IPSM Kota Singkawang", regionCode: "61.72", letterPlace: "Singkawang", letterheadSubtitle: "KOTA SINGKAWANG" })).id;
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
  await buildBoardUser({ chapterId: cityId, kind: "koordinator_kecamatan", districtCode: "61.71.01", name: "Joko Setiawan", email: "korcam@lkr.test" });
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
  await updateActivitySettings({ userId: k.id, chapterId: cityId }, { activityClosingDays: 60, keepCaseIdentifiers: true });

  // --- September 2026 (verified, outside October): Andi opens follow-up F4.
  const septAndi = await log(andi, {
    date: "2026-09-30",
    minutes: 60,
    type: 0,
    village: LAUT,
    households: 1,
    reach: [reach(() => LANSIA, "P", 5)],
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
    reach: [reach(() => LANSIA, "L", 3), reach(() => LANSIA, "P", 4)],
    co: [maria.memberId!],
    narrative: `Kunjungan ke rumah Ibu ${RESIDENT} (NIK ${RESIDENT_NIK}), lansia yang tinggal sendiri.`,
    followUp: { institution: "Panti Sosial Tresna Werdha Mulia Dharma", description: `Rujukan panti untuk ${RESIDENT}.`, caseIdentifier: CASE_NIK },
  });
  // A2: Budi, aid from two sources; opens F2.
  const a2 = await log(budi, {
    date: "2026-10-10",
    minutes: 90,
    type: 3,
    village: DARAT,
    households: 4,
    reach: [reach(() => FAKIR, "L", 2), reach(() => FAKIR, "P", 3), reach(() => DISABILITAS, "P", 1)],
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
    reach: [reach(() => LANSIA, "P", 2), reach(() => DISABILITAS, "L", 1)],
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
    reach: [reach(() => FAKIR, "L", 4)],
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
    reach: [reach(() => LANSIA, "L", 1)],
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
    reach: [reach(() => FAKIR, "L", 50)],
    followUp: { institution: "Dinas Sosial Kota Pontianak", description: "Usulan bantuan rumah." },
  });
  ids.f3 = await followUpOf(ids.waiting);
  ids.returned = await log(maria, { date: "2026-10-08", minutes: 100, type: 0, village: SAIGON, households: 7, reach: [reach(() => DISABILITAS, "P", 7)] });
  ids.draft = await log(andi, { date: "2026-10-09", minutes: 50, type: 0, village: LAUT, households: 9, reach: [reach(() => FAKIR, "P", 9)], submit: false });
  // --- November 2026 (verified, outside October): Maria closes F5.
  ids.novMaria = await log(maria, {
    date: "2026-11-03",
    minutes: 60,
    type: 0,
    village: SAIGON,
    households: 1,
    reach: [reach(() => LANSIA, "L", 2)],
    followUpUpdate: { followUpId: ids.f5, status: "selesai", note: "Sudah diperiksa." },
  });

  expect(await verifyActivities(wakil, [septAndi, a1, a2, a3, a4, a5, ids.novMaria], NOW)).toEqual({ verified: 7, skipped: 0 });
  expect(await returnActivities(wakil, [ids.returned], "Jumlah orang belum sesuai.")).toEqual({ verified: 1, skipped: 0 });

  // --- The sub-chapter (kecamatan Pontianak Utara): one verified activity in October.
  const subKetua = await buildBoardUser({ chapterId: subId, kind: "ketua", name: "Dewi Lestari", email: "ketua@lku.test", villageCode: SIANTAN });
  ids.subKetuaUser = subKetua.id;
  const hendra = await volunteer("Hendra Wijaya", "L", "hendra@lku.test", subId, SIANTAN);
  const subActivity = await log(hendra, {
    date: "2026-10-16",
    minutes: 75,
    type: 0,
    village: SIANTAN,
    households: 2,
    reach: [reach(() => LANSIA, "P", 6)],
    aid: [{ item: "Selimut", quantity: 6, unit: "lembar", value: 300_000, source: "swadaya" }],
  });
  expect(await verifyActivities(activityActor(subKetua.id, subKetua.memberId, subId, ["ketua"]), [subActivity], NOW)).toEqual({ verified: 1, skipped: 0 });

  // --- Another city (Singkawang): a verified activity in October that never counts for Pontianak.
  const otherKetua = await buildBoardUser({ chapterId: otherId, kind: "ketua", name: "Agus Tan", email: "ketua@lks.test", villageCode: ROBAN });
  ids.otherKetuaUser = otherKetua.id;
  const eko = await volunteer("Eko Prasetyo", "L", "eko@lks.test", otherId, ROBAN);
  const otherActivity = await log(eko, { date: "2026-10-14", minutes: 180, type: 0, village: ROBAN, households: 8, reach: [reach(() => LANSIA, "L", 11)] });
  expect(await verifyActivities(activityActor(otherKetua.id, otherKetua.memberId, otherId, ["ketua"]), [otherActivity], NOW)).toEqual({ verified: 1, skipped: 0 });

  // --- Training: an event in October (Budi 16 h, Maria 8 h, Andi absent), one in September (not
  // counted), outside training in October (12 h) and in November (not counted).
  const course = await db.course.create({ data: { chapterId: cityId, name: "Bimtek Dasar PSM", kind: "bimtek_dasar", organiser: "ipsm", hours: 16 } });
  const event = (start: Date, end: Date, hours: number, place: string) =>
    db.trainingEvent.create({ data: { chapterId: cityId, courseId: course.id, startDate: start, endDate: end, place, organiser: "IPSM Kota Pontianak", hours }, select: { id: true } });
  const october = await event(calendarDate(2026, 10, 6), calendarDate(2026, 10, 7), 16, "Aula Dinas Sosial Kota Pontianak");
  const september = await event(calendarDate(2026, 9, 15), calendarDate(2026, 9, 15), 8, "Kantor IPSM");
  await db.trainingParticipant.createMany({
    data: [
      { eventId: october.id, memberId: ids["Budi Santoso"]!, attendance: "hadir", hoursAttended: 16 },
      { eventId: october.id, memberId: ids["Maria Ulfah"]!, attendance: "sebagian", hoursAttended: 8 },
      { eventId: october.id, memberId: ids["Andi Pratama"]!, attendance: "tidak_hadir", hoursAttended: 0 },
      { eventId: september.id, memberId: ids["Budi Santoso"]!, attendance: "hadir", hoursAttended: 8 },
    ],
  });
  const external = (start: Date, hours: number) =>
    db.externalTraining.create({
      data: { memberId: ids["Maria Ulfah"]!, title: "Diklat Pendamping Lansia", kind: "diklat", organiser: "Kemensos", startDate: start, endDate: start, hours },
    });
  await external(calendarDate(2026, 10, 22), 12);
  await external(calendarDate(2026, 11, 5), 20);

  // --- Programmes: one running through October with approved money before, in and after the
  // period and one pending entry; one that ended before the period.
  const programme = (name: string, start: Date, end: Date, budget: number) =>
    db.programme.create({
      data: { chapterId: cityId, name, goal: "Pendampingan lansia terlantar.", startDate: start, endDate: end, budget, fundingSource: "csr", coordinatorId: k.memberId },
      select: { id: true },
    });
  const running = await programme("Pendampingan Lansia Terlantar Pontianak Selatan", calendarDate(2026, 7, 1), calendarDate(2026, 12, 31), 50_000_000);
  await programme("Bakti Sosial Ramadan", calendarDate(2026, 3, 1), calendarDate(2026, 3, 31), 10_000_000);
  const money = (kind: string, date: Date, amount: number, status = "approved") =>
    db.moneyEntry.create({ data: { programmeId: running.id, kind, date, amount, purpose: `${kind} ${amount}`, status, recordedById: k.id, idempotencyKey: key() } });
  await money("disbursement", calendarDate(2026, 7, 15), 30_000_000);
  await money("spending", calendarDate(2026, 8, 10), 15_625_000);
  await money("spending", OCT_31, 4_000_000);
  await money("spending", calendarDate(2026, 10, 25), 6_100_000, "pending");
  await money("disbursement", calendarDate(2026, 11, 2), 10_000_000);
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("debug", () => {
  it("dumps", async () => {
    const f = await reportFigures({ chapterId: cityId, includeSubChapters: true, start: OCT_1, end: OCT_31 });
    console.log(JSON.stringify(f, null, 1));
    const r = ok(await createReport(sekretaris, { kind: "month", start: OCT_1, end: OCT_31, includeSubChapters: true }, NOW));
    const file = await reportFile(ketua, r.id, "pdf", NOW);
    console.log((await pdfText(new Uint8Array(file!.bytes))).text);
    const x = await reportFile(ketua, r.id, "xlsx", NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x!.bytes as never);
    for (const sh of wb.worksheets) {
      const rows: unknown[] = [];
      sh.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      console.log(sh.name, JSON.stringify(rows));
    }
    console.log(await db.$queryRawUnsafe("SELECT date, typeof(date) FROM Activity LIMIT 2"));
    void getReport;
    void reportPeriodSchema;
    void sha256;
  });
});
