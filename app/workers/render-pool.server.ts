// The render pool (docs/decisions/032): report PDFs and spreadsheets, long member lists and cards,
// and a contribution report's figures are made in a worker thread (piscina), never on the thread
// that answers requests: a yearly report takes seconds of CPU, and meanwhile every other request
// waited. The pool is small (these machines have 2 cores: the server keeps one), each worker's
// memory is bounded, and a task that runs away is stopped: the request that asked for it gets a
// clear Indonesian answer, the server goes on.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { t } from "~/i18n";
import type { RenderTask, RenderTasks } from "./render.worker";

/** Per worker: the old-generation heap it may use (MB); beyond it the task fails, not the server. */
const WORKER_HEAP_MB = Number(process.env.RENDER_WORKER_HEAP_MB ?? 1536);
/** A task that takes longer than this is stopped (its worker is ended and replaced). */
const TASK_TIMEOUT_MS = Number(process.env.RENDER_TASK_TIMEOUT_MS ?? 5 * 60_000);

/**
 * The worker's entry: from source in development and tests (this module is then
 * app/workers/render-pool.server.ts; render.worker.dev.mjs registers tsx in the thread, which
 * `execArgv: ["--import", "tsx"]` does not do for a worker on Node 20), else the bundle beside
 * the server build
 * (build/server/index.js -> build/worker/render.js, written by scripts/build-worker.mjs).
 * The path is built with path.join, not `new URL(..., import.meta.url)`, which Vite would take
 * for an asset to copy.
 */
function workerEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const source = path.join(here, "render.worker.dev.mjs");
  if (existsSync(source)) return source;
  const built = path.join(here, "..", "worker", "render.js");
  if (existsSync(built)) return built;
  throw new Error(`The document worker is missing (${built}): run \`npm run build\`.`);
}

let pool: Piscina | null = null;

function renderPool(): Piscina {
  if (pool) return pool;
  pool = new Piscina({
    filename: workerEntry(),
    // one core answers requests, the other renders (two workers on a bigger machine)
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 60_000,
    atomics: "disabled",
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    // the worker reads the same environment as the server (DATABASE_URL for the figures)
    env: { ...process.env },
  });
  return pool;
}

type Result<K extends keyof RenderTasks> = Awaited<ReturnType<RenderTasks[K]>>;

/** Bytes that crossed the thread boundary arrive as a Uint8Array: give callers their Buffer back. */
function revive<T>(value: T): T {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength) as T;
  return value;
}

/**
 * Runs a task in the pool. A failure (an error in the document, the worker out of memory, a
 * task over its time) is logged and thrown as a 503 answer with an Indonesian sentence, which
 * file routes show on the portal's error page; callers that must react (a submission) catch it.
 */
export async function inWorker<K extends keyof RenderTasks>(kind: K, input: Parameters<RenderTasks[K]>[0]): Promise<Result<K>> {
  const task = { kind, input } as RenderTask;
  const started = performance.now();
  try {
    const answer = (await renderPool().run(task, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) })) as {
      result: Result<K>;
      heapUsed: number;
      heapTotal: number;
      maxRssKb: number;
    };
    const took = performance.now() - started;
    const heapMb = Math.round(answer.heapTotal / 1024 / 1024);
    // a long task is worth a line in the log (the benchmark reads it too)
    if (took >= 1000)
      console.log(
        `render pool: ${kind} took ${Math.round(took)} ms, worker heap ${heapMb} MB, process peak RSS ${Math.round(answer.maxRssKb / 1024)} MB`,
      );
    return revive(answer.result);
  } catch (error) {
    console.error(`render pool: task ${kind} failed:`, error);
    throw new DocumentRenderFault(kind, error);
  }
}

/** A document could not be made; as a Response it is the 503 page with the Indonesian sentence. */
export class DocumentRenderFault extends Error {
  constructor(
    readonly kind: string,
    readonly cause: unknown,
  ) {
    super(`render pool: ${kind} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  response() {
    return new Response(t("documents.renderFault"), {
      status: 503,
      statusText: "Service Unavailable",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/** Like inWorker, for routes: a failure becomes the 503 page with the Indonesian sentence. */
export async function renderForRoute<K extends keyof RenderTasks>(kind: K, input: Parameters<RenderTasks[K]>[0]): Promise<Result<K>> {
  try {
    return await inWorker(kind, input);
  } catch (error) {
    if (error instanceof DocumentRenderFault) throw error.response();
    throw error;
  }
}

/** Ends the workers (tests, and the server's shutdown). */
export async function closeRenderPool() {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
