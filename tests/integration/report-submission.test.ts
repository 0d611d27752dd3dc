// Submitting a contribution report off the request thread and outside long transactions
// (docs/decisions/032): the figures and the files are made in the render pool's worker thread,
// never on the main thread; the submission numbers and freezes the report in one short
// transaction, renders with no transaction open, and stores the files in a second one. A failed
// rendering leaves the report sealed with its number and the failure marked, invisible to the
// Dinas Sosial and to /verify, until it is completed (at the server's start, or by the Ketua).
import { rm } from "node:fs/promises";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-report-submission-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

// Any rendering on the main thread fails the test: the documents module is replaced here, in the
// test's thread only. The worker loads its own, real copy.
vi.mock("~/documents/pdf/render.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/documents/pdf/render.server")>();
  const refuse = () => {
    throw new Error("rendered on the main thread");
  };
  return { ...real, renderContributionReportPdf: refuse, renderMemberListPdf: refuse, renderProgrammeReportPdf: refuse };
});
vi.mock("~/documents/xlsx/contribution-report", () => ({
  contributionReportXlsx: () => {
    throw new Error("rendered on the main thread");
  },
}));

// The render pool, real, with two switches for the tests: a PDF rendering that fails (the worker
// throws, as a broken document would) and one held at a gate until the test opens it.
const control = vi.hoisted(() => ({ failPdf: false, gate: null as Promise<void> | null, rendering: 0 }));
vi.mock("~/workers/render-pool.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/workers/render-pool.server")>();
  const passOn = real.inWorker as (kind: string, input: unknown) => Promise<unknown>;
  const inWorker = async (kind: string, input: unknown) => {
    if (kind !== "contributionReportPdf") return passOn(kind, input);
    control.rendering++;
    if (control.gate) await control.gate;
    if (control.failPdf) return passOn("fail", "the document could not be laid out");
    return passOn(kind, input);
  };
  return { ...real, inWorker: inWorker as unknown as typeof real.inWorker };
});

import { logActivity } from "~/domain/activities/activities.server";
import { verifyActivities } from "~/domain/activities/verification.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import {
  completeSealedReports,
  createCorrection,
  createReport,
  getReport,
  listReports,
  reportFile,
  retrySubmission,
  submitReport,
  verifyReportCode,
} from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";
import { closeRenderPool, inWorker } from "~/workers/render-pool.server";
import { activityFormSchema } from "~/validation/activities";
import { reportPeriodSchema } from "~/validation/reports";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { actorWith } from "../support/actors";
import { expectOk } from "../support/outcomes";

const TZ = "Asia/Jakarta";
const NOW = new Date("2026-12-10T10:00:00+07:00");
const LAUT = "61.71.01.1002";

let chapterId = "";
let ketua: Actor;
let wakil: Actor;
let sekretaris: Actor;
let dinsos: Actor;

const month = (m: number) => reportPeriodSchema.parse({ kind: "month", year: "2026", month: String(m), includeSubChapters: "on" });

async function draft(m: number) {
  return expectOk(await createReport(ketua, month(m), NOW)).id;
}

const reportRow = (id: string) =>
  db.report.findUniqueOrThrow({
    where: { id },
    select: { status: true, number: true, pdfFile: true, xlsxFile: true, pdfHash: true, filesError: true, verifyCode: true },
  });

const dinsosNotices = (reportId: string) => db.notification.count({ where: { link: `/reports/${reportId}` } });

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "RSB", name: "IPSM Kota Pontianak" })).id;
  await ensureActivityCatalogue(chapterId);
  await db.leadershipPeriod.create({
    data: {
      chapterId,
      name: "Periode 2025-2030",
      startDate: calendarDate(2025, 1, 1),
      endDate: calendarDate(2031, 12, 31),
      status: "active",
      activatedAt: new Date(),
    },
  });
  const k = await buildBoardUser({ chapterId, kind: "ketua", name: "Rahmat Hidayat", email: "ketua@rsb.test" });
  ketua = actorWith({ userId: k.id, memberId: k.memberId, chapterId, kinds: ["ketua"], timeZone: TZ });
  const w = await buildBoardUser({ chapterId, kind: "wakil_ketua", email: "wakil@rsb.test" });
  wakil = actorWith({ userId: w.id, memberId: w.memberId, chapterId, kinds: ["wakil_ketua"], timeZone: TZ });
  const s = await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@rsb.test" });
  sekretaris = actorWith({ userId: s.id, memberId: s.memberId, chapterId, kinds: ["sekretaris"], timeZone: TZ });
  const d = await buildUser({ chapterId, role: "dinsos", email: "dinsos@rsb.test", name: "Dinas Sosial Kota Pontianak" });
  // bound to the city's region: it sees the city's reports and hears of them
  await db.user.update({ where: { id: d.id }, data: { regionCode: "61.71" } });
  dinsos = actorWith({ userId: d.id, chapterId, kinds: [], role: "dinsos", timeZone: TZ, regionCode: "61.71" });
  const m = await buildMember({ chapterId, villageCode: LAUT, fullName: "Budi Santoso", sex: "L", joinDate: calendarDate(2020, 3, 1) });
  const u = await buildUser({ chapterId, role: "volunteer", memberId: m.id, email: "budi@rsb.test" });
  const budi = actorWith({ userId: u.id, memberId: m.id, chapterId, timeZone: TZ });
  const [type] = await listActivityTypes(chapterId);
  const category = (await listPpksCategories(chapterId)).find((c) => c.number === 8)!;
  const logged: string[] = [];
  for (const [n, date] of ["2026-07-10", "2026-08-10", "2026-09-10", "2026-10-10"].entries()) {
    const data = activityFormSchema.parse({
      idempotencyKey: `submission-${n}`,
      typeId: type!.id,
      date,
      durationMinutes: "90",
      villageCode: LAUT,
      households: "1",
      narrative: "Kunjungan rumah dan pendataan.",
    });
    const reach = [{ categoryId: category.id, sex: "P" as const, ageBand: null, count: 3 }];
    const input = { data, reach, aid: [], coVolunteerIds: [], followUp: null, followUpUpdate: null, submit: true };
    logged.push(expectOk(await logActivity(budi, input, new Date(`${date}T18:00:00+07:00`))).id);
  }
  expectOk(await verifyActivities(wakil, logged, NOW));
});

afterAll(async () => {
  await closeRenderPool();
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("documents are made in a worker thread", () => {
  it("runs the pool's tasks on another thread than the server's", async () => {
    const workerThread = await inWorker("threadId", null);
    expect(workerThread).not.toBe(threadId);
    expect(workerThread).toBeGreaterThan(0);
  });

  it("renders a draft's PDF and xlsx and computes its figures there (the main thread's renderers would throw)", async () => {
    const id = await draft(7);
    const pdf = expectOk(await reportFile(ketua, id, "pdf", NOW));
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = expectOk(await reportFile(ketua, id, "xlsx", NOW));
    expect(Buffer.from(xlsx.bytes).subarray(0, 2).toString()).toBe("PK");
    const { report } = expectOk(await getReport(ketua, id));
    expect(report.figures.activities.count).toBe(1);
  });

  it("answers a failed rendering with the Indonesian 503 page's sentence, and the next rendering works", async () => {
    const id = await draft(8);
    control.failPdf = true;
    try {
      const thrown = await reportFile(ketua, id, "pdf", NOW).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect(await (thrown as Response).text()).toBe(t("documents.renderFault"));
    } finally {
      control.failPdf = false;
    }
    expect(expectOk(await reportFile(ketua, id, "pdf", NOW)).bytes.byteLength).toBeGreaterThan(1000);
    expect((await db.report.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("draft");
  });
});

describe("the submission's transactions are short", () => {
  it("holds no transaction while the documents render: another write goes through meanwhile", async () => {
    const id = await draft(9);
    let open!: () => void;
    control.gate = new Promise<void>((resolve) => (open = resolve));
    const before = control.rendering;
    const submitting = submitReport(ketua, id, NOW);
    try {
      // the report is numbered and sealed before the rendering starts
      await vi.waitFor(() => expect(control.rendering).toBe(before + 1), { timeout: 20_000 });
      expect(await reportRow(id)).toMatchObject({ status: "sealed", pdfFile: null });
      // a volunteer's write (here: a report draft's deletion by the board) is not kept waiting
      const other = await draft(10);
      const write = db.report.delete({ where: { id: other } }).then(() => "written");
      const waited = await Promise.race([write, new Promise((r) => setTimeout(() => r("still waiting"), 2_000))]);
      expect(waited).toBe("written");
    } finally {
      control.gate = null;
      open();
    }
    const sent = expectOk(await submitting);
    expect(sent.filesPending).toBeUndefined();
    expect(await reportRow(id)).toMatchObject({ status: "submitted", number: sent.number, filesError: null });
  });
});

describe("a submission whose rendering fails", () => {
  let id = "";
  let number = "";
  let verifyCode = "";

  beforeAll(async () => {
    id = await draft(10);
    control.failPdf = true;
    try {
      const sent = expectOk(await submitReport(ketua, id, NOW));
      expect(sent.filesPending).toBe(true);
      number = sent.number;
    } finally {
      control.failPdf = false;
    }
    verifyCode = (await reportRow(id)).verifyCode!;
  });

  it("is sealed with its number and frozen figures, the failure marked on it, and no file", async () => {
    const row = await reportRow(id);
    expect(row).toMatchObject({ status: "sealed", number, pdfFile: null, xlsxFile: null, pdfHash: null });
    expect(row.filesError).toBe(t("documents.renderFault"));
    const { report } = expectOk(await getReport(ketua, id));
    expect(report).toMatchObject({ sealed: true, hasFiles: false, number, filesError: t("documents.renderFault") });
    expect(report.figures.activities.count).toBe(1);
    expect((await listReports(ketua)).find((r) => r.id === id)?.status).toBe("sealed");
  });

  it("is never visible to the Dinas Sosial nor on /verify, and the Dinas Sosial is not told", async () => {
    expect((await listReports(dinsos)).map((r) => r.id)).not.toContain(id);
    expect(await getReport(dinsos, id)).toMatchObject({ ok: false, refusal: "notFound" });
    expect(await reportFile(dinsos, id, "pdf", NOW)).toMatchObject({ ok: false, refusal: "notFound" });
    expect(await verifyReportCode(verifyCode)).toBeNull();
    expect(await dinsosNotices(id)).toBe(0);
  });

  it("keeps its period and its number: another draft of the month is refused, a second click numbers nothing", async () => {
    expect(await createReport(ketua, month(10), NOW)).toMatchObject({ ok: false, refusal: "conflict" });
    expect(await submitReport(ketua, id, NOW)).toMatchObject({ ok: false, refusal: "conflict" });
    expect((await reportRow(id)).number).toBe(number);
  });

  it("is completed by the Ketua's button only (the Sekretaris is refused), and a failing retry stays marked", async () => {
    expect(await retrySubmission(sekretaris, id, NOW)).toMatchObject({ ok: false, refusal: "forbidden" });
    control.failPdf = true;
    try {
      expect(await retrySubmission(ketua, id, NOW)).toEqual({
        ok: false,
        refusal: "conflict",
        message: t("reports.detail.filesPending", { number }),
      });
    } finally {
      control.failPdf = false;
    }
    expect(await reportRow(id)).toMatchObject({ status: "sealed", filesError: t("documents.renderFault") });
  });

  it("is completed at the server's start: stored files, the same number, submitted, visible and verifiable", async () => {
    const counters = await db.letterCounter.findMany({ where: { chapterId } });
    expect(await completeSealedReports(NOW)).toEqual({ sealed: 1, completed: 1 });
    const row = await reportRow(id);
    expect(row).toMatchObject({ status: "submitted", number, filesError: null });
    expect(row.pdfFile && row.xlsxFile && row.pdfHash).toBeTruthy();
    expect(await db.letterCounter.findMany({ where: { chapterId } })).toEqual(counters);
    expect((await listReports(dinsos)).map((r) => r.id)).toContain(id);
    expect(await verifyReportCode(verifyCode)).toMatchObject({ number, intact: true, pdfHash: row.pdfHash });
    expect(await dinsosNotices(id)).toBe(1);
    const pdf = expectOk(await reportFile(dinsos, id, "pdf", NOW));
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    // nothing left to complete; a second pass changes nothing
    expect(await completeSealedReports(NOW)).toEqual({ sealed: 0, completed: 0 });
    expect(await retrySubmission(ketua, id, NOW)).toMatchObject({ ok: false, refusal: "conflict" });
  });
});

describe("a correction whose rendering fails", () => {
  it("does not show its number on the report it corrects to the Dinas Sosial nor on /verify; the board sees it", async () => {
    const original = await draft(11);
    expectOk(await submitReport(ketua, original, NOW));
    const correction = expectOk(await createCorrection(ketua, original)).id;
    control.failPdf = true;
    try {
      expect(expectOk(await submitReport(ketua, correction, NOW)).filesPending).toBe(true);
    } finally {
      control.failPdf = false;
    }
    const sealedNumber = (await reportRow(correction)).number;
    expect(sealedNumber).toBeTruthy();

    expect(expectOk(await getReport(dinsos, original)).report.supersededBy).toBeNull();
    const code = (await reportRow(original)).verifyCode!;
    expect((await verifyReportCode(code))?.supersededBy).toBeNull();
    // the board knows its own sealed correction
    expect(expectOk(await getReport(ketua, original)).report.supersededBy?.number).toBe(sealedNumber);
  });
});
