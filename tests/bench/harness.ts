// The benchmark's harness (`npm run bench`, tests/bench/run.ts): what a scenario gets to build
// its databases, start the production server and measure, and the row it reports.
//
// - Databases: a scenario names a fill script and its parameters; the file it produces is built
//   once and kept in .bench-cache/<migrations>/, keyed by the committed migrations (a new
//   migration starts a new cache and drops the old one), the fill script's text and the
//   parameters. Every scenario gets a private copy, so what it writes does not reach the cache.
//   `BENCH_FRESH=1` rebuilds. (Changing a factory or domain module the fill imports does not
//   change the key: use BENCH_FRESH then.)
// - Timings: latency samples of real HTTP requests to the built server (server.mjs), reported
//   as a ratio to a baseline measured the same way in the same run (machines are noisy).
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { startServer } from "../support/server";

export const CACHE_DIR = path.resolve(".bench-cache");
const RUN_DIR = path.join(CACHE_DIR, "run");
const TSX = path.resolve("node_modules/.bin/tsx");
const PRISMA = path.resolve("node_modules/.bin/prisma");

/** One line of the summary table. `pass: null` is information without a goal. */
export type BenchRow = { what: string; measured: string; ratio: number | null; goal: string; pass: boolean | null };

export type Stats = { count: number; errors: number; p50: number; p95: number; max: number; mean: number; firstError?: string };

export type BenchServer = {
  baseURL: string;
  stop(): Promise<void>;
  /** Signs in through POST /login; the cookie header for later requests. */
  signIn(email: string, password?: string): Promise<string>;
  /** GET that throws unless the answer is 200 (the body is read). */
  get(path: string, cookie?: string): Promise<void>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  log(): string;
};

export type BenchContext = {
  quick: boolean;
  database(input: { key: string; fill: string; params?: Record<string, unknown> }): Promise<string>;
  server(file: string, env?: Record<string, string>): Promise<BenchServer>;
  sample(fn: () => Promise<unknown>, options: { count: number; concurrency?: number; warmup?: number }): Promise<Stats>;
  ratioRow(what: string, stats: Stats, baseline: Stats, maxRatio: number): BenchRow;
  log(line: string): void;
};

export type Scenario = { name: string; run(ctx: BenchContext): Promise<BenchRow[]> };

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** The committed migrations, as one key: a new or changed migration means new databases. */
export function migrationsKey(): string {
  const dir = path.resolve("prisma/migrations");
  const parts = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => `${name}\n${readFileSync(path.join(dir, name, "migration.sql"), "utf8")}`);
  return sha(parts.join("\n")).slice(0, 12);
}

function removeDb(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** Folds the WAL into the file and leaves it in rollback mode, so that a plain copy is whole. */
function settle(file: string, analyze: boolean) {
  const sqlite = new Database(file);
  if (analyze) sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
}

let cacheReady: string | null = null;

/** .bench-cache/<migrations>/, with older migrations' folders removed. */
function cacheDir(): string {
  if (cacheReady) return cacheReady;
  const key = migrationsKey();
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of readdirSync(CACHE_DIR)) {
    if (name !== key && name !== "run") rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
  }
  const dir = path.join(CACHE_DIR, key);
  if (process.env.BENCH_FRESH === "1") rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  return (cacheReady = dir);
}

/** The migrated database with every region of Indonesia loaded (as the integration suite's base). */
function baseDatabase(): string {
  const dir = cacheDir();
  const file = path.join(dir, "base.db");
  if (existsSync(file)) return file;
  const building = path.join(dir, `base.building-${process.pid}.db`);
  removeDb(building);
  const env = { ...process.env, DATABASE_URL: `file:${building}` };
  const started = Date.now();
  execFileSync(PRISMA, ["migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync(
    TSX,
    ["-e", 'import("./app/domain/chapters/region-load.server.ts").then(async (m) => { await m.loadRegions(); process.exit(0); })'],
    { env, stdio: "pipe" },
  );
  settle(building, false);
  renameSync(building, file);
  console.log(`  base database (migrations and regions) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

function runFill(fill: string, params: Record<string, unknown>, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [fill, JSON.stringify(params)], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "test" },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${fill} exited with ${code}:\n${stderr.slice(-4000)}`))));
  });
}

let copies = 0;

async function database(input: { key: string; fill: string; params?: Record<string, unknown> }): Promise<string> {
  const params = input.params ?? {};
  const dir = cacheDir();
  const fillText = readFileSync(path.resolve(input.fill), "utf8");
  const id = sha(`${input.key}\n${JSON.stringify(params)}\n${fillText}`).slice(0, 12);
  const cached = path.join(dir, `${input.key.replace(/[^\w.-]/g, "_")}-${id}.db`);
  if (!existsSync(cached)) {
    const building = `${cached}.building`;
    removeDb(building);
    copyFileSync(baseDatabase(), building);
    const started = Date.now();
    console.log(`  filling ${input.key} (${input.fill} ${JSON.stringify(params)}) ...`);
    await runFill(input.fill, params, building);
    settle(building, true);
    renameSync(building, cached);
    console.log(`  filled ${input.key} in ${((Date.now() - started) / 1000).toFixed(1)} s (kept in ${path.relative(".", dir)})`);
  }
  const copy = path.join(RUN_DIR, `${path.basename(cached, ".db")}-${++copies}.db`);
  copyFileSync(cached, copy);
  return copy;
}

const SESSION_SECRET = "bench-secret-bench-secret-bench-secret-bench";

async function server(file: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const started = await startServer({ DATABASE_URL: `file:${file}`, SESSION_SECRET, ...env });
  const call = (p: string, init?: RequestInit) => fetch(`${started.baseURL}${p}`, { redirect: "manual", ...init });
  return {
    baseURL: started.baseURL,
    log: started.log,
    fetch: call,
    async stop() {
      await started.stop();
      removeDb(file);
    },
    async signIn(email, password = "password-123") {
      const response = await call("/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password }),
      });
      await response.arrayBuffer();
      if (response.status !== 302) throw new Error(`sign-in of ${email}: ${response.status}`);
      return response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    },
    async get(p, cookie) {
      const response = await call(p, { headers: cookie ? { Cookie: cookie } : {} });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${p}: ${response.status} ${response.headers.get("Location") ?? ""}`);
    },
  };
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn` `count` times from `concurrency` clients at once (after a sequential warm-up). */
export async function sample(
  fn: () => Promise<unknown>,
  options: { count: number; concurrency?: number; warmup?: number },
): Promise<Stats> {
  const { count, concurrency = 1, warmup = 10 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const client = async () => {
    while (next < count) {
      next += 1;
      const t0 = performance.now();
      try {
        await fn();
        times.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    errors,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? NaN,
    mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
    firstError,
  };
}

export const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);

/** A latency row: p95 against the baseline's p95, passing at `maxRatio` or below (and no errors). */
export function ratioRow(what: string, stats: Stats, baseline: Stats, maxRatio: number): BenchRow {
  const ratio = stats.p95 / baseline.p95;
  const errors = stats.errors ? `, ${stats.errors} errors (${stats.firstError})` : "";
  return {
    what,
    measured: `p95 ${ms(stats.p95)} (base ${ms(baseline.p95)}, n=${stats.count}${errors})`,
    ratio,
    goal: `<= ${maxRatio}x`,
    pass: ratio <= maxRatio && stats.errors === 0,
  };
}

export function createContext(quick: boolean): BenchContext {
  return {
    quick,
    database,
    server,
    sample,
    ratioRow,
    log: (line) => console.log(`  ${line}`),
  };
}
