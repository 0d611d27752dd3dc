// The document worker (docs/decisions/032): a thread of the render pool (render-pool.server.ts)
// that renders PDFs and spreadsheets and computes a contribution report's figures, so that the
// server's main thread keeps answering while they run. Each task is a plain function of plain,
// structured-cloneable data; the figures read the database through the worker's own connection
// (WAL lets it read beside the server's writer; it never writes).
//
// In production this file is bundled to build/worker/render.js (scripts/build-worker.mjs); in
// development and tests it runs from source through tsx.
import { setPriority } from "node:os";
import { threadId } from "node:worker_threads";
import { renderMemberCardsPdf } from "~/documents/pdf/render-cards.server";
import {
  renderBoardStructurePdf,
  renderContributionReportPdf,
  renderMemberListPdf,
  renderProgrammeReportPdf,
  renderServiceCertificatePdf,
  renderTrainingRecordPdf,
} from "~/documents/pdf/render.server";
import { contributionReportXlsx } from "~/documents/xlsx/contribution-report";
import { programmeReportXlsx } from "~/documents/xlsx/programme-report";
import { reportFigures } from "~/domain/reports/figures.server";

/** The render thread's nice value (0 normal .. 19 lowest; RENDER_NICE=0 to turn it off). */
const RENDER_NICE = Number(process.env.RENDER_NICE ?? 10);

// On Linux a thread has its own nice value, and setpriority(0) changes the calling thread's only:
// the render thread yields the CPU to the thread that answers requests (a cheap page must not
// wait behind a report). Elsewhere (or without the right) it simply runs at normal priority.
try {
  setPriority(RENDER_NICE);
} catch {
  // not allowed here: normal priority
}

/** What the worker does, by name: each takes one argument and answers bytes or plain data. */
export const renderTasks = {
  contributionReportPdf: renderContributionReportPdf,
  contributionReportXlsx,
  programmeReportPdf: renderProgrammeReportPdf,
  programmeReportXlsx,
  memberListPdf: renderMemberListPdf,
  memberCardsPdf: renderMemberCardsPdf,
  boardStructurePdf: renderBoardStructurePdf,
  trainingRecordPdf: renderTrainingRecordPdf,
  serviceCertificatePdf: renderServiceCertificatePdf,
  reportFigures,
  /** The worker's thread id (tests check that work really runs off the main thread). */
  threadId: async (_: null) => threadId,
  /** Fails on purpose (tests of a failed rendering); never sent by the application. */
  fail: async (message: string): Promise<never> => {
    throw new Error(message);
  },
};

export type RenderTasks = typeof renderTasks;
export type RenderTask = { [K in keyof RenderTasks]: { kind: K; input: Parameters<RenderTasks[K]>[0] } }[keyof RenderTasks];

/**
 * Bytes arrive as plain Uint8Arrays: structured cloning does not keep Buffer, and react-pdf reads
 * images (photos, logos, signatures) with Buffer's methods. Turned back into Buffers (no copy).
 */
export function reviveBuffers(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(reviveBuffers);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reviveBuffers(inner)]));
  }
  return value;
}

/** Piscina calls the default export with each task; the thread's heap rides along (its reserved
 * size after a render is close to the render's peak: V8 grows it and gives it back slowly). */
export default async function run(task: RenderTask) {
  const result = await (renderTasks[task.kind] as (input: unknown) => Promise<unknown>)(reviveBuffers(task.input));
  const { heapUsed, heapTotal } = process.memoryUsage();
  // the process's peak resident memory so far (kB), the server's and its workers' together
  return { result, heapUsed, heapTotal, maxRssKb: process.resourceUsage().maxRSS };
}
