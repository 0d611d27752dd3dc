// Issue 14, the reports' part of the data-integrity sweep, against the real database: report
// periods of a chapter never overlap (a correction excepted); the Dinas Sosial's summary counts
// only received reports and no activity twice; member counts are as of the period's last day;
// a report in force that no longer matches its activities says so; frozen payloads are versioned
// and read by schema (fixtures of each version); hours are rounded alike on the page, the PDF and
// the xlsx; dates are the chapter's calendar dates.
//
// Simulated timeline: "today" is 10 December 2026 in Asia/Jakarta; the reports are of September
// and October 2026.
import { readFile, rm, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-report-integrity-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { logActivity } from "~/domain/activities/activities.server";
import { reopenActivity, verifyActivities } from "~/domain/activities/verification.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { changeMemberStatus } from "~/domain/members/members.server";
import { reportFigures } from "~/domain/reports/figures.server";
import { readPayload, REPORT_PAYLOAD_VERSION, UnreadablePayloadError } from "~/domain/reports/payload.server";
import {
  completeSubmission,
  createCorrection,
  createReport,
  getReport,
  listReports,
  receivedSummary,
  reportFile,
  reviewReport,
  submitReport,
  verifyReportCode,
} from "~/domain/reports/reports.server";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";
import { formatReportHours } from "~/utils/report-hours";
import { activityFormSchema } from "~/validation/activities";
import type { PositionKind } from "~/validation/leadership";
import { reportPeriodSchema } from "~/validation/reports";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import type { Actor } from "~/domain/shared/actor.server";
import { actorWith } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { pdfText } from "../support/pdf-text";

const TZ = "Asia/Jakarta";
const NOW = new Date("2026-12-10T10:00:00+07:00");
// activities are logged within the closing window (October 20)
const LOGGED = new Date("2026-10-20T10:00:00+07:00");
const LAUT = "61.71.01.1002";
const SEPTEMBER = { kind: "month", year: "2026", month: "9", includeSubChapters: "on" };
const OCTOBER = { kind: "month", year: "2026", month: "10", includeSubChapters: "on" };
const QUARTER_3 = { kind: "quarter", year: "2026", quarter: "3", includeSubChapters: "on" };

let chapterId: string;
let ketua: Actor;
let dinsos: Actor;
let wakil: Actor;
let budi: Actor;
const ids: Record<string, string> = {};

const reportActor = (userId: string, kinds: PositionKind[], role: "volunteer" | "dinsos" = "volunteer"): Actor =>
  actorWith({ userId, chapterId, kinds, role, timeZone: TZ });

let serial = 0;
async function log(actor: Actor, date: string, minutes: number, people: number) {
  const types = await listActivityTypes(chapterId);
  const categories = await listPpksCategories(chapterId);
  const data = activityFormSchema.parse({
    idempotencyKey: `integrity-${++serial}-${Math.random().toString(36).slice(2, 8)}`,
    typeId: types[0]!.id,
    date,
    durationMinutes: String(minutes),
    villageCode: LAUT,
    households: "1",
    narrative: "Kunjungan rumah dan pendataan.",
  });
  const reach = [{ categoryId: categories.find((c) => c.number === 8)!.id, sex: "P" as const, ageBand: null, count: people }];
  return expectOk(
    await logActivity(actor, { data, reach, aid: [], coVolunteerIds: [], followUp: null, followUpUpdate: null, submit: true }, LOGGED),
  ).id;
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "RIN", name: "IPSM Kota Pontianak" })).id;
  await ensureActivityCatalogue(chapterId);
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
  const k = await buildBoardUser({ chapterId, kind: "ketua", name: "Rahmat Hidayat", email: "ketua@rin.test" });
  const w = await buildBoardUser({ chapterId, kind: "wakil_ketua", name: "Yuliana Gunawan", email: "wakil@rin.test" });
  ketua = reportActor(k.id, ["ketua"]);
  ids.ketuaUser = k.id;
  wakil = actorWith({ userId: w.id, memberId: w.memberId, chapterId, kinds: ["wakil_ketua"], timeZone: TZ });
  dinsos = reportActor(
    (await buildUser({ chapterId, role: "dinsos", email: "dinsos@rin.test", name: "Dinas Sosial Kota Pontianak" })).id,
    [],
    "dinsos",
  );
  const m = await buildMember({ chapterId, villageCode: LAUT, fullName: "Budi Santoso", sex: "L", joinDate: calendarDate(2020, 3, 1) });
  const u = await buildUser({ chapterId, role: "volunteer", memberId: m.id, email: "budi@rin.test" });
  budi = actorWith({ userId: u.id, memberId: m.id, chapterId, timeZone: TZ });
  // September: 60 + 20 minutes (1,333... hours), October: 45 minutes
  ids.sep1 = await log(budi, "2026-09-10", 60, 3);
  ids.sep2 = await log(budi, "2026-09-20", 20, 2);
  ids.oct1 = await log(budi, "2026-10-05", 45, 4);
  expect(await verifyActivities(wakil, [ids.sep1, ids.sep2, ids.oct1], NOW)).toEqual({ ok: true, verified: 3, skipped: 0 });
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("members are counted as of the period's last day", () => {
  it("a member who joins or becomes active after September is not in September's count; one who leaves after it still is", async () => {
    const before = (
      await reportFigures({ chapterId, includeSubChapters: true, start: calendarDate(2026, 9, 1), end: calendarDate(2026, 9, 30) })
    ).members;
    // everyone so far is active and joined before September
    expect(before).toEqual({ active: await db.member.count({ where: { chapterId, status: "aktif" } }), asOf: "2026-09-30" });
    await buildMember({ chapterId, villageCode: LAUT, fullName: "Dewi Anggraini", status: "aktif", joinDate: calendarDate(2026, 12, 1) });
    const candidate = await buildMember({
      chapterId,
      villageCode: LAUT,
      fullName: "Eko Prasetyo",
      status: "calon",
      joinDate: calendarDate(2026, 8, 1),
    });
    // The registry's changes are the Sekretaris's right; entered here under the Ketua's account.
    const registrar = actorWith({ chapterId, userId: ids.ketuaUser!, kinds: ["sekretaris"] });
    const leaver = await buildMember({
      chapterId,
      villageCode: LAUT,
      fullName: "Fitri Handayani",
      status: "aktif",
      joinDate: calendarDate(2021, 5, 1),
    });
    expectOk(
      await changeMemberStatus(registrar, candidate.id, { status: "aktif", effectiveDate: "2026-11-01", reason: "Lulus bimtek dasar." }),
    );
    expectOk(
      await changeMemberStatus(registrar, leaver.id, { status: "nonaktif", effectiveDate: "2026-11-15", reason: "Pindah domisili." }),
    );

    const september = await reportFigures({
      chapterId,
      includeSubChapters: true,
      start: calendarDate(2026, 9, 1),
      end: calendarDate(2026, 9, 30),
    });
    // the leaver was active on 30 September; the candidate and the December joiner were not
    expect(september.members).toEqual({ active: before.active + 1, asOf: "2026-09-30" });
    const december = await reportFigures({
      chapterId,
      includeSubChapters: true,
      start: calendarDate(2026, 12, 1),
      end: calendarDate(2026, 12, 31),
    });
    expect(december.members).toEqual({ active: before.active + 2, asOf: "2026-12-31" });
    expect(december.members.active).toBe(await db.member.count({ where: { chapterId, status: "aktif" } }));
  });
});

describe("report periods of a chapter never overlap", () => {
  it("refuses a draft, or the submission of one, whose period shares a day with a report in force, naming it; a correction is allowed", async () => {
    const september = expectOk(await createReport(ketua, reportPeriodSchema.parse(SEPTEMBER), NOW)).id;
    // a quarter drafted while September was still a draft
    const quarter = expectOk(await createReport(ketua, reportPeriodSchema.parse(QUARTER_3), NOW)).id;
    const sent = expectOk(await submitReport(ketua, september, NOW));
    ids.september = september;
    ids.septemberNumber = sent.number;
    const named = `Periode ini bertumpang tindih dengan laporan ${sent.number} (September 2026) yang sudah dikirim`;

    expect(await submitReport(ketua, quarter, NOW)).toEqual({
      ok: false,
      refusal: "conflict",
      message: expect.stringContaining(named),
    });
    const refusedQuarter = await createReport(ketua, reportPeriodSchema.parse(QUARTER_3), NOW);
    expect(refusedQuarter.ok).toBe(false);
    expect(!refusedQuarter.ok && refusedQuarter.refusal === "conflict" ? refusedQuarter.message : "").toContain(named);
    const custom = await createReport(
      ketua,
      reportPeriodSchema.parse({ kind: "custom", start: "2026-09-30", end: "2026-10-15", includeSubChapters: "on" }),
      NOW,
    );
    expect(!custom.ok && custom.refusal === "conflict" ? custom.message : "").toContain(named);
    // the next month does not overlap
    ids.october = expectOk(await createReport(ketua, reportPeriodSchema.parse(OCTOBER), NOW)).id;
    // a correction of September supersedes it, so it may be submitted
    const correction = expectOk(await createCorrection(ketua, september)).id;
    expect((await submitReport(ketua, correction, NOW)).ok).toBe(true);
    expect((await db.report.findUniqueOrThrow({ where: { id: september }, select: { status: true } })).status).toBe("superseded");
    ids.septemberCorrection = correction;
    expect(await db.report.count({ where: { chapterId, status: { in: ["submitted", "received", "returned"] } } })).toBe(1);
    await db.report.delete({ where: { id: quarter } });
  });
});

describe("the Dinas Sosial's summary", () => {
  it("counts only received reports, says so, and never counts an activity twice", async () => {
    // the corrected September report is sent, not yet received: nothing counted
    expect((await receivedSummary(dinsos)).totals).toEqual({ hours: 0, activities: 0, people: 0 });
    expect(expectOk(await reviewReport(dinsos, ids.septemberCorrection!, "received", null, NOW)));
    const september = await receivedSummary(dinsos);
    expect(september.totals).toEqual({ hours: 80 / 60, activities: 2, people: 5 });
    // a third-quarter report received before the overlap rule (stored as the old, unversioned payload)
    const v1 = JSON.parse(await readFile("tests/fixtures/report-payload-v1.json", "utf8"));
    v1.figures.activities.count = 2;
    v1.figures.hours = { field: 80 / 60, training: 0, total: 80 / 60 };
    v1.figures.people = { ...v1.figures.people, total: 5 };
    await db.report.create({
      data: {
        chapterId,
        periodKind: "quarter",
        periodStart: calendarDate(2026, 7, 1),
        periodEnd: calendarDate(2026, 9, 30),
        status: "received",
        number: "099/IPSM-RIN/X/2026",
        figures: JSON.stringify(v1),
        submittedAt: new Date("2026-10-05T03:00:00Z"),
        createdById: ids.ketuaUser!,
      },
    });
    // and October, sent and returned: not counted
    expect((await submitReport(ketua, ids.october!, NOW)).ok).toBe(true);
    expect((await reviewReport(dinsos, ids.october!, "returned", "Mohon lengkapi lampiran.", NOW)).ok).toBe(true);

    const summary = await receivedSummary(dinsos);
    expect(summary.reports.map((r) => [r.number, r.status, r.counted])).toEqual([
      ["099/IPSM-RIN/X/2026", "received", true],
      [expect.stringMatching(/^\d{3}\/IPSM-RIN\/XII\/2026$/), "received", false],
    ]);
    expect(summary.counted).toBe(1);
    expect(summary.totals).toEqual({ hours: 80 / 60, activities: 2, people: 5 });
  });
});

describe("a report in force that no longer matches its activities", () => {
  it("is flagged on the report and in the list once a verified activity of its period is reopened, and not before", async () => {
    const id = ids.septemberCorrection!;
    expect(expectOk(await getReport(ketua, id)).report.outdated).toBeNull();
    expect((await listReports(ketua)).find((r) => r.id === id)!.outdated).toBeNull();
    expect(await reopenActivity(wakil, ids.sep2!, "Jumlah orang belum sesuai.")).toEqual({ ok: true });
    expect(expectOk(await getReport(ketua, id)).report.outdated).toEqual({ frozen: 2, verified: 1, changed: 0 });
    expect((await listReports(ketua)).find((r) => r.id === id)!.outdated).toEqual({ frozen: 2, verified: 1, changed: 0 });
    expect(expectOk(await getReport(dinsos, id)).report.outdated).not.toBeNull();
    // October is untouched; the superseded first September report and drafts are never flagged
    expect(expectOk(await getReport(ketua, ids.october!)).report.outdated).toBeNull();
    expect(expectOk(await getReport(ketua, ids.september!)).report.outdated).toBeNull();
  });
});

describe("frozen payloads are versioned and read by schema", () => {
  it("reads the committed fixture of every version; a fresh submission writes the current version, shaped like its fixture", async () => {
    const v1 = readPayload(await readFile("tests/fixtures/report-payload-v1.json", "utf8"));
    expect(v1.version).toBe(1);
    expect(v1.payload.figures.members).toEqual({ active: 9, asOf: null });
    expect(v1.payload.figures.hours.total).toBe(49.25);
    const current = await readFile(`tests/fixtures/report-payload-v${REPORT_PAYLOAD_VERSION}.json`, "utf8");
    expect(readPayload(current).version).toBe(REPORT_PAYLOAD_VERSION);
    const stored = (await db.report.findUniqueOrThrow({ where: { id: ids.septemberCorrection! }, select: { figures: true } })).figures!;
    const shape = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.length
          ? [shape(value[0])]
          : []
        : value && typeof value === "object"
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
            )
          : typeof value;
    const fixture = JSON.parse(current);
    expect(JSON.parse(stored).version).toBe(REPORT_PAYLOAD_VERSION);
    expect(Object.keys(shape(JSON.parse(stored)) as object)).toEqual(Object.keys(shape(fixture) as object));
    expect(Object.keys((shape(JSON.parse(stored)) as { figures: object }).figures)).toEqual(
      Object.keys((shape(fixture) as { figures: object }).figures),
    );
  });

  it("refuses, with a clear error, a payload it cannot read (unknown version, missing figure, not JSON)", async () => {
    const fixture = JSON.parse(await readFile("tests/fixtures/report-payload-v1.json", "utf8"));
    expect(() => readPayload(JSON.stringify({ ...fixture, version: 99 }))).toThrow(UnreadablePayloadError);
    const { hours: _hours, ...missing } = fixture.figures;
    expect(() => readPayload(JSON.stringify({ ...fixture, figures: missing }))).toThrow(/figures\.hours/);
    expect(() => readPayload("{")).toThrow(UnreadablePayloadError);
  });

  it("an old, unversioned report still shows on its page, on /verify and in the summary", async () => {
    const old = await db.report.findFirstOrThrow({ where: { chapterId, number: "099/IPSM-RIN/X/2026" }, select: { id: true } });
    await db.report.update({ where: { id: old.id }, data: { verifyCode: "Lold-report-code1" } });
    expect(expectOk(await getReport(dinsos, old.id)).report.figures.activities.count).toBe(2);
    expect((await verifyReportCode("Lold-report-code1"))!.totals).toEqual({ activities: 2, hours: 80 / 60, people: 5 });
  });
});

describe("hours and dates read the same everywhere", () => {
  it("September's 1 h 20 min is 1,3 jam on the page, in the PDF and in the xlsx; every total cell of the type table is filled", async () => {
    const report = expectOk(await getReport(ketua, ids.october!)).report;
    expect(report.figures.hours.field).toBe(0.75);
    // the superseded September figures: 80 minutes
    const frozen = expectOk(await getReport(ketua, ids.septemberCorrection!)).report.figures;
    expect(formatReportHours(frozen.hours.field)).toBe("1,3");
    const { text } = await pdfText(new Uint8Array(expectOk(await reportFile(ketua, ids.septemberCorrection!, "pdf")).bytes));
    expect(text).toContain("1,3 jam");
    expect(text).not.toContain("1,33");
    // the type table's totals row: activities and hours
    expect(text).toContain("Jumlah 2 1,3");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(expectOk(await reportFile(ketua, ids.septemberCorrection!, "xlsx")).bytes as unknown as ArrayBuffer);
    const values: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => values.push(row.getCell(2).value));
    expect(values).toContain(1.3);
    expect(values).not.toContain(80 / 60);
  });

  it("a report sent at 00:53 WIB on 3 December is of 3 December in the list, on its page, in its PDF and xlsx", async () => {
    const sentAt = new Date("2026-12-03T00:53:00+07:00");
    const id = expectOk(await createCorrection(ketua, ids.october!)).id;
    expectOk(await submitReport(ketua, id, sentAt));
    expect((await listReports(ketua)).find((r) => r.id === id)!.submittedDay).toBe("2026-12-03");
    expect(expectOk(await getReport(ketua, id)).report.submittedDay).toBe("2026-12-03");
    const { text } = await pdfText(new Uint8Array(expectOk(await reportFile(ketua, id, "pdf")).bytes));
    expect(text).toContain("Pontianak, 3 Desember 2026");
    expect(text).not.toContain("2 Desember 2026");
    expect(
      (await verifyReportCode((await db.report.findUniqueOrThrow({ where: { id }, select: { verifyCode: true } })).verifyCode!))!.timeZone,
    ).toBe(TZ);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(expectOk(await reportFile(ketua, id, "xlsx")).bytes as unknown as ArrayBuffer);
    const dates: Date[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const v = row.getCell(2).value;
      if (v instanceof Date) dates.push(v);
    });
    expect(dates[0]!.toISOString().slice(0, 10)).toBe("2026-12-03");
  });
});

describe("a storage fault while submitting", () => {
  // The number and the frozen figures are saved in a short transaction before the files are made
  // (docs/decisions/032): a fault after it leaves the report sealed with its number, marked,
  // hidden from the Dinas Sosial and /verify, and completed later without a second number.
  it("leaves the report sealed with its one number and the fault marked; completing it later stores the files, no new number", async () => {
    const november = expectOk(
      await createReport(
        ketua,
        reportPeriodSchema.parse({ kind: "custom", start: "2026-11-01", end: "2026-11-30", includeSubChapters: "on" }),
        NOW,
      ),
    ).id;
    const countersBefore = await db.letterCounter.findMany({ where: { chapterId } });
    // the uploads folder is gone and a plain file stands in its place: nothing can be written
    await rm(UPLOADS, { recursive: true, force: true });
    await writeFile(UPLOADS, "not a folder");
    let number = "";
    try {
      const sent = expectOk(await submitReport(ketua, november, NOW));
      expect(sent.filesPending).toBe(true);
      number = sent.number;
    } finally {
      await rm(UPLOADS, { force: true });
    }
    const sealed = await db.report.findUniqueOrThrow({
      where: { id: november },
      select: { status: true, number: true, pdfFile: true, xlsxFile: true, pdfHash: true, filesError: true, verifyCode: true },
    });
    expect(sealed).toMatchObject({
      status: "sealed",
      number,
      pdfFile: null,
      xlsxFile: null,
      pdfHash: null,
      filesError: t("documents.storageFault"),
    });
    expect(await verifyReportCode(sealed.verifyCode!)).toBeNull();
    const countersSealed = await db.letterCounter.findMany({ where: { chapterId } });
    expect(countersSealed).not.toEqual(countersBefore);
    // a second click does not number it again
    expect(await submitReport(ketua, november, NOW)).toMatchObject({ ok: false, refusal: "conflict" });

    expect(await completeSubmission(november, NOW)).toEqual({ ok: true, number });
    const done = await db.report.findUniqueOrThrow({
      where: { id: november },
      select: { status: true, number: true, pdfFile: true, filesError: true },
    });
    expect(done).toMatchObject({ status: "submitted", number, filesError: null });
    expect(done.pdfFile).toBeTruthy();
    expect(await verifyReportCode(sealed.verifyCode!)).toMatchObject({ number });
    expect(await db.letterCounter.findMany({ where: { chapterId } })).toEqual(countersSealed);
  });
});
