// Contribution reports to the Dinas Sosial. Rules kept here:
// - the board (`create:report`) drafts a report for a period that has ended; a draft's figures
//   are computed live from verified activities and show how many still wait for verification;
// - only the Ketua (`submit:report`) submits; submission gives the letter number and freezes the
//   figures with a content hash and a verification code in one short transaction (the report is
//   then `sealed`: the board sees it, nobody else does), renders the PDF and xlsx in the render
//   pool, and stores them in a second short transaction that makes it `submitted`; a sealed
//   report whose files failed is completed later (at the server's start, or by the Ketua), from
//   its frozen figures (docs/decisions/032); nothing of a submitted report changes afterwards;
// - a submitted report is superseded only by a corrected version that refers to it; one period
//   of a chapter has one report in force;
// - the Dinas Sosial (`receive:report`) sees the reports submitted by the chapters of its area
//   (the chapters inside the login's region, or its chapter and those under it), downloads them, and receives or returns them with a note;
// - /verify/<code> tells anyone the number, period, chapter, hashes and submission date.
import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { t } from "~/i18n/index";
import type { ContributionReportPdfData } from "~/documents/pdf/contribution-report-data";
import { verifyUrl } from "~/documents/pdf/render.server";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday, isoCalendarDate } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatCalendarDateLong, periodLabel } from "~/utils/format";
import { areaName, type ReportPeriod, type ReportStatus } from "~/validation/reports";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { DocumentStorageFault, readDocument, removeDocument, storeDocument } from "~/domain/shared/scans.server";
import { nextLetterNumber } from "~/domain/chapters/letters.server";
import { readPayload, payloadOf, type ReadFigures } from "./payload.server";
import { reportChapterIds, servingHolder, type ReportFigures, type ReportScope } from "./figures.server";
import { DocumentRenderFault, inWorker } from "~/workers/render-pool.server";
import { notify } from "~/domain/notifications/notify.server";
import { boardUsers, dinsosUsersFor } from "~/domain/notifications/recipients.server";

type Tx = Prisma.TransactionClient;

const readsBoard = (actor: Actor) => can(actor, "read:report:chapter");
const receives = (actor: Actor) => can(actor, "receive:report:chapter");

/** What the report pages offer the actor: drafting and correcting, sending (the Ketua), answering (the Dinas Sosial). */
export function reportRights(actor: Actor) {
  return {
    canSubmit: can(actor, "submit:report:chapter"),
    canCreate: can(actor, "create:report:chapter"),
    canReview: receives(actor),
  };
}

/**
 * The reports an actor may see: the chapter's own for the board; the submitted ones of its area
 * for the Dinas Sosial: of the chapters whose region lies in the login's region (a kab/kota or a
 * province) when it is bound to one, else of its chapter and those under it.
 */
/** A report not yet sent whole: a draft, or sealed (numbered) without its files. Only its board sees it. */
const UNSENT: ReportStatus[] = ["draft", "sealed"];

async function visibleReports(actor: Actor): Promise<Prisma.ReportWhereInput> {
  if (readsBoard(actor)) return { chapterId: actor.chapterId };
  if (!receives(actor)) return { id: "" };
  const chapterIds = actor.regionCode ? await chapterIdsInRegion(actor.regionCode) : await reportChapterIds(actor.chapterId, true);
  // a sealed report has no files yet: it reaches the Dinas Sosial once they are stored
  return { chapterId: { in: chapterIds }, status: { notIn: UNSENT } };
}

/** The chapters whose region is the area or lies inside it. */
async function chapterIdsInRegion(areaCode: string) {
  const chapters = await db.chapter.findMany({
    where: { OR: [{ regionCode: areaCode }, { regionCode: { startsWith: `${areaCode}.` } }] },
    select: { id: true },
  });
  return chapters.map((c) => c.id);
}

const listSelect = {
  id: true,
  periodKind: true,
  periodStart: true,
  periodEnd: true,
  includeSubChapters: true,
  status: true,
  number: true,
  submittedAt: true,
  reviewedAt: true,
  reviewNote: true,
  supersedesId: true,
  chapter: { select: { name: true, code: true, timeZone: true } },
  createdAt: true,
} satisfies Prisma.ReportSelect;

export async function listReports(actor: Actor) {
  const rows = await db.report.findMany({
    where: await visibleReports(actor),
    select: { ...listSelect, chapterId: true, figures: true },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
  });
  const drift = await Promise.all(rows.map((r) => reportDrift(r)));
  return rows.map(({ figures: _figures, chapterId: _chapterId, ...r }, i) => ({
    ...r,
    periodLabel: periodLabel(r.periodKind, r.periodStart, r.periodEnd),
    submittedDay: r.submittedAt ? isoCalendarDate(r.submittedAt, r.chapter.timeZone) : null,
    outdated: drift[i]!,
  }));
}

/** Statuses of a report in force: sent and not answered, or received. A returned report blocks too (it is corrected, not replaced). */
const IN_FORCE: ReportStatus[] = ["submitted", "received", "returned"];
/** A sealed report (numbered, its files on the way) holds its period as well. */
const HOLDS_PERIOD: ReportStatus[] = ["sealed", ...IN_FORCE];

/** A report's figures, computed in the render pool (they read hundreds of thousands of rows). */
async function liveFigures(scope: ReportScope): Promise<ReportFigures> {
  return inWorker("reportFigures", scope);
}

/**
 * Whether a report in force no longer matches the verified activities of its period: an activity
 * inside the period was verified, changed or reopened after the report was sent (its count of
 * verified activities differs from the frozen one, or a verified activity was changed after the
 * submission). Computed when read, from the activities' own timestamps; drafts and superseded or
 * unreadable reports are never flagged.
 */
export async function reportDrift(report: {
  status: ReportStatus;
  chapterId: string;
  includeSubChapters: boolean;
  periodStart: Date;
  periodEnd: Date;
  submittedAt: Date | null;
  figures: string | null;
}) {
  if (!IN_FORCE.includes(report.status) || !report.submittedAt || !report.figures) return null;
  let frozen: number;
  try {
    frozen = readPayload(report.figures).payload.figures.activities.count;
  } catch {
    return null;
  }
  const chapterIds = await reportChapterIds(report.chapterId, report.includeSubChapters);
  const where = { chapterId: { in: chapterIds }, status: "verified" as const, date: { gte: report.periodStart, lte: report.periodEnd } };
  const [verified, changed] = await Promise.all([
    db.activity.count({ where }),
    db.activity.count({ where: { ...where, updatedAt: { gt: report.submittedAt } } }),
  ]);
  if (verified === frozen && changed === 0) return null;
  return { frozen, verified, changed };
}

/**
 * A report in force of the chapter whose period shares at least one day with this one (a report
 * of September and one of the third quarter would count September twice). A correction does not
 * clash with the report it replaces.
 */
async function inForce(tx: Tx | typeof db, chapterId: string, start: Date, end: Date, except: string | null = null) {
  return tx.report.findFirst({
    where: {
      chapterId,
      periodStart: { lte: end },
      periodEnd: { gte: start },
      status: { in: HOLDS_PERIOD },
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true, number: true, periodKind: true, periodStart: true, periodEnd: true },
    orderBy: { periodStart: "asc" },
  });
}

const clashMessage = (r: { number: string | null; periodKind: string; periodStart: Date; periodEnd: Date }) =>
  t("reports.error.overlaps", { number: r.number ?? "", period: periodLabel(r.periodKind, r.periodStart, r.periodEnd) });

/** Drafts a report for a period that has ended. */
export async function createReport(actor: Actor, period: ReportPeriod, now = new Date()): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "create:report:chapter")) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  if (period.end > today) return invalid({ end: t("reports.error.notEnded", { date: formatCalendarDateLong(period.end) }) });
  const existing = await inForce(db, actor.chapterId, period.start, period.end);
  if (existing) return conflict(clashMessage(existing));
  const report = await db.report.create({
    data: {
      chapterId: actor.chapterId,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      includeSubChapters: period.includeSubChapters,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "report.create",
    entityType: "Report",
    entityId: report.id,
    after: { kind: period.kind, start: period.start, end: period.end },
  });
  return ok({ id: report.id });
}

/** A corrected version of a submitted report: a new draft of the same period that refers to it. */
export async function createCorrection(actor: Actor, reportId: string): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "create:report:chapter")) return forbidden();
  const source = await db.report.findFirst({
    where: { id: reportId, chapterId: actor.chapterId },
    select: {
      id: true,
      status: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      includeSubChapters: true,
      supersededBy: { select: { id: true } },
    },
  });
  if (!source) return notFound();
  if (!IN_FORCE.includes(source.status)) return conflict(t("reports.error.notCorrectable"));
  if (source.supersededBy) return ok({ id: source.supersededBy.id });
  const report = await db.report.create({
    data: {
      chapterId: actor.chapterId,
      periodKind: source.periodKind,
      periodStart: source.periodStart,
      periodEnd: source.periodEnd,
      includeSubChapters: source.includeSubChapters,
      createdById: actor.userId,
      supersedesId: source.id,
    },
    select: { id: true },
  });
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "report.correct",
    entityType: "Report",
    entityId: report.id,
    after: { supersedes: source.id },
  });
  return ok({ id: report.id });
}

/** Deletes a draft of the chapter; anything else (sent, another chapter's, gone) is not found. */
export async function deleteDraft(actor: Actor, reportId: string): Promise<Outcome> {
  if (!can(actor, "create:report:chapter")) return forbidden();
  const deleted = await db.report.deleteMany({ where: { id: reportId, chapterId: actor.chapterId, status: "draft" } });
  if (deleted.count)
    await recordAudit({
      actorId: actor.userId,
      chapterId: actor.chapterId,
      action: "report.delete",
      entityType: "Report",
      entityId: reportId,
    });
  return deleted.count > 0 ? ok() : notFound();
}

const detailSelect = {
  ...listSelect,
  chapterId: true,
  figures: true,
  contentHash: true,
  pdfHash: true,
  verifyCode: true,
  pdfFile: true,
  xlsxFile: true,
  filesError: true,
  submittedBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
  supersedes: { select: { id: true, number: true, submittedAt: true } },
  supersededBy: { select: { id: true, number: true, status: true } },
} satisfies Prisma.ReportSelect;

/** One report with its figures (live for a draft, frozen once submitted), if the actor may see it. */
export async function getReport(actor: Actor, reportId: string) {
  const report = await db.report.findFirst({ where: { AND: [await visibleReports(actor), { id: reportId }] }, select: detailSelect });
  if (!report) return notFound();
  const { figures: stored, pdfFile, xlsxFile, ...rest } = report;
  const figures: ReadFigures = stored
    ? readPayload(stored).payload.figures
    : await liveFigures({
        chapterId: report.chapterId,
        includeSubChapters: report.includeSubChapters,
        start: report.periodStart,
        end: report.periodEnd,
      });
  const outdated = await reportDrift(report);
  const submittedDay = report.submittedAt ? isoCalendarDate(report.submittedAt, report.chapter.timeZone) : null;
  // the number of a correction not yet sent is the board's own: the Dinas Sosial sees it once sent
  const supersededBy = rest.supersededBy && (readsBoard(actor) || !UNSENT.includes(rest.supersededBy.status)) ? rest.supersededBy : null;
  return ok({
    report: {
      ...rest,
      supersededBy,
      hasFiles: Boolean(pdfFile && xlsxFile),
      /** sealed: the Ketua may make the files now */
      sealed: report.status === "sealed",
      figures,
      outdated,
      submittedDay,
      periodLabel: periodLabel(report.periodKind, report.periodStart, report.periodEnd),
    },
  });
}
export type ReportDetail = Extract<Awaited<ReturnType<typeof getReport>>, { ok: true }>["report"];

/** Everything the PDF and the xlsx need, for a draft (no number, no QR) or a submitted report. */
async function documentData(
  report: {
    chapterId: string;
    periodKind: ReportPeriod["kind"];
    periodStart: Date;
    periodEnd: Date;
    supersedes: { number: string | null; submittedAt: Date | null } | null;
  },
  figures: ContributionReportPdfData["figures"],
  letter: { number: string; date: Date; verifyCode: string; contentHash: string } | null,
  today: Date,
): Promise<ContributionReportPdfData> {
  const letterhead = await getChapterLetterhead(report.chapterId);
  const [ketua, sekretaris] = await Promise.all([
    servingHolder(report.chapterId, "ketua", today),
    servingHolder(report.chapterId, "sekretaris", today),
  ]);
  const url = letter ? verifyUrl(getEnv().PUBLIC_URL, letter.verifyCode) : null;
  return {
    letterhead,
    number: letter?.number ?? null,
    place: letterhead.letterPlace,
    date: letter?.date ?? today,
    addressee: t("reports.letter.addressee", { area: areaName(letterhead.letterheadSubtitle) }),
    addresseePlace: t("reports.letter.addresseePlace", { place: letterhead.letterPlace }),
    periodLabel: periodLabel(report.periodKind, report.periodStart, report.periodEnd),
    figures,
    signatories: { ketua, sekretaris },
    draft: !letter,
    verification:
      letter && url
        ? {
            url,
            qrDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 240 }),
            contentHash: letter.contentHash,
          }
        : null,
    supersedes:
      report.supersedes?.number && report.supersedes.submittedAt
        ? { number: report.supersedes.number, date: report.supersedes.submittedAt }
        : null,
  };
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

const notDraft = () => conflict(t("reports.detail.notSubmitted"));
const alreadySubmitted = (existing: { number: string | null; periodKind: ReportPeriod["kind"]; periodStart: Date; periodEnd: Date }) =>
  conflict(clashMessage(existing));

/**
 * The Ketua submits a draft, in three steps that never hold the single writer for long
 * (docs/decisions/032):
 * 1. one short transaction gives the letter number, freezes the figures with their hash and a
 *    verification code, and seals the report (`sealed`: the board sees it, the Dinas Sosial and
 *    /verify do not, and its period is taken);
 * 2. the PDF and xlsx are rendered in the render pool from the frozen figures, and written to disk;
 * 3. a second short transaction stores them with the PDF's own hash and makes the report
 *    `submitted` (a correction's predecessor becomes `superseded`, the Dinas Sosial is told).
 * Should step 2 or 3 fail, the report stays sealed with its number, marked with what failed, and
 * is completed later by `completeSubmission` (at the server's start, or by the Ketua's button):
 * never half-visible, and the number is neither lost nor given twice.
 */
export async function submitReport(
  actor: Actor,
  reportId: string,
  now = new Date(),
): Promise<Outcome<{ number: string; filesPending?: true }>> {
  // the board drafts; of the board, only the Ketua sends
  if (!can(actor, "create:report:chapter")) return forbidden();
  if (!can(actor, "submit:report:chapter")) return forbidden(t("reports.detail.onlyKetua"));
  const report = await db.report.findFirst({
    where: { id: reportId, chapterId: actor.chapterId },
    select: {
      id: true,
      status: true,
      chapterId: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      includeSubChapters: true,
      supersedesId: true,
      chapter: { select: { code: true, timeZone: true } },
    },
  });
  if (!report) return notFound();
  if (report.status !== "draft") return notDraft();
  const existing = await inForce(db, report.chapterId, report.periodStart, report.periodEnd, report.supersedesId);
  if (existing) return alreadySubmitted(existing);
  let figures: ReportFigures;
  try {
    figures = await liveFigures({
      chapterId: report.chapterId,
      includeSubChapters: report.includeSubChapters,
      start: report.periodStart,
      end: report.periodEnd,
    });
  } catch (error) {
    // nothing is saved and no number is used: the Ketua simply tries again
    if (error instanceof DocumentRenderFault) return conflict(t("documents.renderFault"));
    throw error;
  }
  const today = calendarToday(report.chapter.timeZone, now);
  const sealed = await db.$transaction(async (tx) => {
    // Checked again inside the transaction (transactions run one at a time): a double click
    // or two drafts of one period sent together give one report in force and one number.
    const current = await tx.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } });
    if (current.status !== "draft") return notDraft();
    const existing = await inForce(tx, report.chapterId, report.periodStart, report.periodEnd, report.supersedesId);
    if (existing) return alreadySubmitted(existing);
    const number = await nextLetterNumber(tx, report.chapterId, report.chapter.code, today);
    const verifyCode = `L${randomBytes(12).toString("base64url")}`;
    const payload = payloadOf(
      {
        number,
        chapter: report.chapter.code,
        period: {
          kind: report.periodKind,
          start: report.periodStart.toISOString().slice(0, 10),
          end: report.periodEnd.toISOString().slice(0, 10),
        },
        submittedAt: now.toISOString(),
      },
      figures,
    );
    const stored = JSON.stringify(payload);
    const contentHash = sha256(stored);
    await tx.report.update({
      where: { id: report.id },
      data: {
        status: "sealed",
        number,
        figures: stored,
        contentHash,
        verifyCode,
        submittedAt: now,
        submittedById: actor.userId,
      },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "report.submit",
        entityType: "Report",
        entityId: report.id,
        after: { number, contentHash },
      },
      tx,
    );
    return ok({ number });
  });
  if (!sealed.ok) return sealed;
  const completed = await completeSubmission(report.id, now);
  // numbered and sealed either way; `filesPending` says its files are still to be made
  return completed.ok ? ok({ number: sealed.number }) : ok({ number: sealed.number, filesPending: true as const });
}

/** Sealed reports being completed by this process (the start-up pass and a click may meet). */
const completing = new Map<string, Promise<Outcome<{ number: string }>>>();

/**
 * Renders and stores the files of a sealed report from its frozen figures, then makes it
 * `submitted` in one short transaction. Safe to repeat: a report no longer sealed is left alone,
 * and if two completions race, the first to store wins and the other removes its files. A
 * failure is written on the report (`filesError`) and answered as a conflict; it stays sealed.
 */
export function completeSubmission(reportId: string, now = new Date()): Promise<Outcome<{ number: string }>> {
  const running = completing.get(reportId);
  if (running) return running;
  const run = completeOnce(reportId, now).finally(() => completing.delete(reportId));
  completing.set(reportId, run);
  return run;
}

async function completeOnce(reportId: string, now: Date): Promise<Outcome<{ number: string }>> {
  const report = await db.report.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      status: true,
      chapterId: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      number: true,
      figures: true,
      contentHash: true,
      verifyCode: true,
      submittedAt: true,
      supersedesId: true,
      supersedes: { select: { number: true, submittedAt: true } },
      chapter: { select: { timeZone: true } },
    },
  });
  if (!report) return notFound();
  const { number, figures: stored, contentHash, verifyCode, submittedAt } = report;
  if (report.status !== "sealed" || !number || !stored || !contentHash || !verifyCode || !submittedAt) return notDraft();
  const written: string[] = [];
  try {
    // the letter's date is the day it was numbered, in the chapter's calendar, whenever this runs
    const letterDay = calendarToday(report.chapter.timeZone, submittedAt);
    const figures = readPayload(stored).payload.figures;
    const data = await documentData(report, figures, { number, date: letterDay, verifyCode, contentHash }, letterDay);
    const [pdf, xlsx] = await Promise.all([inWorker("contributionReportPdf", data), inWorker("contributionReportXlsx", data)]);
    const pdfFile = await storeDocument("reports", report.id, pdf, "pdf");
    written.push(pdfFile);
    const xlsxFile = await storeDocument("reports", report.id, xlsx, "xlsx");
    written.push(xlsxFile);
    const saved = await db.$transaction(async (tx) => {
      const changed = await tx.report.updateMany({
        where: { id: report.id, status: "sealed" },
        data: { status: "submitted", pdfFile, xlsxFile, pdfHash: sha256(pdf), filesError: null },
      });
      if (changed.count === 0) return false;
      if (report.supersedesId) await tx.report.update({ where: { id: report.supersedesId }, data: { status: "superseded" } });
      // the Dinas Sosial logins of the chapter's area hear of it (docs/decisions/029)
      await notify(
        tx,
        {
          kind: "report_submitted",
          chapterId: report.chapterId,
          eventKey: `report-submitted:${report.id}`,
          recipients: await dinsosUsersFor(tx, report.chapterId),
          link: `/reports/${report.id}`,
          params: { number, period: periodLabel(report.periodKind, report.periodStart, report.periodEnd) },
        },
        now,
      );
      await recordAudit(
        {
          actorId: null,
          chapterId: report.chapterId,
          action: "report.files",
          entityType: "Report",
          entityId: report.id,
          after: { number, pdfHash: sha256(pdf) },
        },
        tx,
      );
      return true;
    });
    // completed meanwhile by another run: its files are the report's, ours go
    if (!saved) {
      for (const file of written) await removeDocument("reports", file);
      return notDraft();
    }
    return ok({ number });
  } catch (error) {
    for (const file of written) await removeDocument("reports", file);
    const reason =
      error instanceof DocumentStorageFault
        ? t("documents.storageFault")
        : error instanceof DocumentRenderFault
          ? t("documents.renderFault")
          : t("error.500");
    if (!(error instanceof DocumentRenderFault)) console.error(`report ${report.id}: its files could not be stored:`, error);
    await db.report.updateMany({ where: { id: report.id, status: "sealed" }, data: { filesError: reason } });
    return conflict(t("reports.detail.filesPending", { number }));
  }
}

/** Completes every sealed report (the server runs this once at its start); says how many were completed. */
export async function completeSealedReports(now = new Date()) {
  const sealed = await db.report.findMany({ where: { status: "sealed" }, select: { id: true }, orderBy: { submittedAt: "asc" } });
  let done = 0;
  for (const { id } of sealed) if ((await completeSubmission(id, now)).ok) done++;
  return { sealed: sealed.length, completed: done };
}

/** The Ketua's button on a sealed report: make its files now. */
export async function retrySubmission(actor: Actor, reportId: string, now = new Date()): Promise<Outcome<{ number: string }>> {
  if (!can(actor, "submit:report:chapter")) return forbidden(t("reports.detail.onlyKetua"));
  const report = await db.report.findFirst({ where: { id: reportId, chapterId: actor.chapterId }, select: { id: true } });
  if (!report) return notFound();
  return completeSubmission(report.id, now);
}

/** The Dinas Sosial receives a submitted report, or returns it with a note. */
export async function reviewReport(
  actor: Actor,
  reportId: string,
  decision: "received" | "returned",
  note: string | null,
  now = new Date(),
): Promise<Outcome> {
  if (!receives(actor)) return forbidden();
  const report = await db.report.findFirst({
    where: { AND: [await visibleReports(actor), { id: reportId }] },
    select: { id: true, status: true, chapterId: true, number: true, periodKind: true, periodStart: true, periodEnd: true },
  });
  if (!report) return notFound();
  if (report.status !== "submitted") return notDraft();
  return db.$transaction(async (tx) => {
    // Only a report still waiting for an answer changes (two answers at once: the first wins).
    const changed = await tx.report.updateMany({
      where: { id: report.id, status: "submitted" },
      data: { status: decision, reviewedAt: now, reviewedById: actor.userId, reviewNote: note },
    });
    if (changed.count === 0) return notDraft();
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: report.chapterId,
        action: `report.${decision}`,
        entityType: "Report",
        entityId: report.id,
        after: { note },
      },
      tx,
    );
    // the Ketua and Sekretaris hear the answer, with its note (docs/decisions/029)
    const office = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    await notify(
      tx,
      {
        kind: "report_reviewed",
        chapterId: report.chapterId,
        eventKey: `report-${decision}:${report.id}`,
        recipients: await boardUsers(tx, report.chapterId, ["ketua", "sekretaris"], now),
        link: `/reports/${report.id}`,
        title: decision === "received" ? "notifications.report_received.title" : "notifications.report_returned.title",
        body: decision === "received" ? "notifications.report_received.body" : "notifications.report_returned.body",
        params: {
          number: report.number ?? "",
          period: periodLabel(report.periodKind, report.periodStart, report.periodEnd),
          office: office?.name ?? "",
          note: note ?? t("notifications.noNote"),
        },
      },
      now,
    );
    return ok();
  });
}

/** The report's PDF or xlsx: the stored one once submitted, made fresh (marked as a draft) before. */
export async function reportFile(
  actor: Actor,
  reportId: string,
  kind: "pdf" | "xlsx",
  now = new Date(),
): Promise<Outcome<{ bytes: Uint8Array; name: string }>> {
  const report = await db.report.findFirst({
    where: { AND: [await visibleReports(actor), { id: reportId }] },
    select: {
      id: true,
      status: true,
      chapterId: true,
      number: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      includeSubChapters: true,
      pdfFile: true,
      xlsxFile: true,
      supersedes: { select: { number: true, submittedAt: true } },
      chapter: { select: { code: true } },
    },
  });
  if (!report) return notFound();
  const name = `laporan-kontribusi-${report.chapter.code.toLowerCase()}-${report.periodStart.toISOString().slice(0, 10)}${report.status === "draft" ? "-draf" : ""}.${kind}`;
  const stored = kind === "pdf" ? report.pdfFile : report.xlsxFile;
  if (report.status !== "draft") {
    const bytes = stored ? await readDocument("reports", stored) : null;
    return bytes ? ok({ bytes, name }) : notFound();
  }
  // a draft is made fresh, figures and file, in the render pool (a failure is the 503 page)
  try {
    const figures = await liveFigures({
      chapterId: report.chapterId,
      includeSubChapters: report.includeSubChapters,
      start: report.periodStart,
      end: report.periodEnd,
    });
    const data = await documentData(report, figures, null, calendarToday(actor.timeZone, now));
    return ok({ bytes: await inWorker(kind === "pdf" ? "contributionReportPdf" : "contributionReportXlsx", data), name });
  } catch (error) {
    if (error instanceof DocumentRenderFault) throw error.response();
    throw error;
  }
}

/** What /verify/<code> shows of a report: enough to check a printed or digital copy, no figures beyond the totals. */
export async function verifyReportCode(code: string) {
  if (!/^L[\w-]{16}$/.test(code)) return null;
  const report = await db.report.findUnique({
    where: { verifyCode: code },
    select: {
      number: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      status: true,
      submittedAt: true,
      contentHash: true,
      pdfHash: true,
      figures: true,
      chapter: { select: { name: true, timeZone: true } },
      supersededBy: { select: { number: true, status: true } },
    },
  });
  // a sealed report's files (the only place its code is printed) are not stored yet
  if (!report?.figures || !report.submittedAt || report.status === "sealed") return null;
  const { payload } = readPayload(report.figures);
  return {
    number: report.number,
    chapter: report.chapter.name,
    /** the chapter's time zone: the submission date is shown as its calendar day there */
    timeZone: report.chapter.timeZone,
    periodLabel: periodLabel(report.periodKind, report.periodStart, report.periodEnd),
    status: report.status,
    submittedAt: report.submittedAt,
    contentHash: report.contentHash,
    pdfHash: report.pdfHash,
    // the stored figures still hash to the printed value (nothing was changed in the database)
    intact: sha256(report.figures) === report.contentHash,
    totals: { activities: payload.figures.activities.count, hours: payload.figures.hours.total, people: payload.figures.people.total },
    supersededBy: report.supersededBy?.number && !UNSENT.includes(report.supersededBy.status) ? report.supersededBy.number : null,
  };
}

/**
 * The Dinas Sosial's summary across the chapters of its area and their periods, from the frozen
 * figures of the reports it has RECEIVED (not those merely sent, returned or superseded): hours,
 * people reached, reach by category and by kecamatan. No activity is counted twice: a report whose
 * days are already covered by a counted report (the same chapter's overlapping period, sent before
 * the overlap rule, or a chapter above it that included its sub-chapters) is listed, not counted.
 */
export async function receivedSummary(actor: Actor) {
  const rows = await db.report.findMany({
    where: { AND: [await visibleReports(actor), { status: "received" }] },
    select: {
      id: true,
      chapterId: true,
      includeSubChapters: true,
      number: true,
      periodKind: true,
      periodStart: true,
      periodEnd: true,
      status: true,
      figures: true,
      submittedAt: true,
      chapter: { select: { name: true } },
    },
    orderBy: [{ periodStart: "asc" }, { submittedAt: "asc" }],
  });
  const byCategory = new Map<string, number>();
  const byDistrict = new Map<string, number>();
  const parents = new Map(
    (
      await db.chapter.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.chapterId))] } }, select: { id: true, parentId: true } })
    ).map((c) => [c.id, c.parentId]),
  );
  const ancestorsOf = (chapterId: string) => {
    const out: string[] = [];
    for (let p = parents.get(chapterId); p; p = parents.get(p)) out.push(p);
    return out;
  };
  const overlaps = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;
  // a chapter above that included its sub-chapters covers them, whatever the order
  const coveredAbove = (r: (typeof rows)[number]) =>
    rows.some((o) => o.id !== r.id && o.includeSubChapters && ancestorsOf(r.chapterId).includes(o.chapterId) && overlaps(o, r));
  const counted = new Set<string>();
  for (const r of rows) {
    if (coveredAbove(r)) continue;
    // the same chapter's overlapping report counted already (the earlier period, then the earlier sent)
    if (rows.some((o) => counted.has(o.id) && o.chapterId === r.chapterId && overlaps(o, r))) continue;
    counted.add(r.id);
  }
  const reports = rows.flatMap((r) => {
    let figures: ReadFigures;
    try {
      figures = readPayload(r.figures ?? "").payload.figures;
    } catch {
      return [];
    }
    const isCounted = counted.has(r.id);
    if (isCounted) {
      for (const c of figures.people.byCategory) byCategory.set(c.name, (byCategory.get(c.name) ?? 0) + c.total);
      figures.categoryByDistrict.districts.forEach((d, i) => {
        const people = figures.categoryByDistrict.rows.reduce((sum, row) => sum + (row.counts[i] ?? 0), 0);
        byDistrict.set(d.name, (byDistrict.get(d.name) ?? 0) + people);
      });
    }
    return [
      {
        id: r.id,
        number: r.number,
        chapter: r.chapter.name,
        periodLabel: periodLabel(r.periodKind, r.periodStart, r.periodEnd),
        status: r.status,
        hours: figures.hours.total,
        activities: figures.activities.count,
        people: figures.people.total,
        counted: isCounted,
      },
    ];
  });
  const sorted = (map: Map<string, number>) =>
    [...map.entries()].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
  const countedReports = reports.filter((r) => r.counted);
  return {
    reports,
    counted: countedReports.length,
    totals: {
      hours: countedReports.reduce((s, r) => s + r.hours, 0),
      activities: countedReports.reduce((s, r) => s + r.activities, 0),
      people: countedReports.reduce((s, r) => s + r.people, 0),
    },
    byCategory: sorted(byCategory),
    byDistrict: sorted(byDistrict),
  };
}

/** How many reports of its area wait for the Dinas Sosial's answer (submitted, not yet received or returned). */
export async function countAwaitingReview(actor: Actor) {
  if (!receives(actor)) return 0;
  return db.report.count({ where: { AND: [await visibleReports(actor), { status: "submitted" }] } });
}
