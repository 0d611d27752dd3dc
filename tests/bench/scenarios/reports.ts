// Contribution reports (issue 20, docs/decisions/032), over the built server:
// - the yearly draft PDF of a chapter with 1,000 volunteers and 200,000 activities, end to end
//   (figures and rendering, both in the render pool), goal 2 s (median of a few);
// - /healthz while that draft renders, and while reports are submitted, against /healthz idle
//   (p95, goal 2x): the main thread must keep answering;
// - a province's yearly draft (14 kab/kota chapters, every kelurahan of the province, about
//   27,000 annex rows at default sizes): its time and the memory its worker needed (information;
//   the long tables are rendered in parts of 40 pages, so the heap is bounded by a part, not by
//   the rows; the worker's heap is also capped);
// - like with like: the report's heavy aggregate statements through Prisma and the very same
//   statements raw through better-sqlite3 (tests/bench/support/report-statements.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { ms, type BenchContext, type BenchRow, type BenchServer, type Stats } from "../harness";
import type { Scenario } from "../harness";

const FILL = "tests/bench/fill/reports.ts";
const KETUA = "ketua@laporan.bench";

/** The drafts the fill made: the year, and the months (to submit). */
function drafts(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const rows = sqlite.prepare(`SELECT id, periodKind FROM "Report" WHERE status = 'draft' ORDER BY periodStart`).all() as {
    id: string;
    periodKind: string;
  }[];
  sqlite.close();
  return { year: rows.find((r) => r.periodKind === "year")!.id, months: rows.filter((r) => r.periodKind === "month").map((r) => r.id) };
}

const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** /healthz every `gap` ms while `background` runs (and at least `min` samples), as Stats. */
async function healthzDuring(server: BenchServer, background: Promise<unknown>, min: number, gap = 15): Promise<Stats> {
  let done = false;
  const finished = background.finally(() => (done = true));
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  while (!done || times.length + errors < min) {
    const t0 = performance.now();
    try {
      await server.get("/healthz");
      times.push(performance.now() - t0);
    } catch (error) {
      errors++;
      firstError ??= String(error);
    }
    await sleep(gap);
  }
  await finished;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  return {
    count: times.length,
    errors,
    p50: at(50),
    p95: at(95),
    max: times.at(-1)!,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    firstError,
  };
}

async function draftPdf(server: BenchServer, cookie: string, id: string) {
  const t0 = performance.now();
  await server.get(`/reports/${id}.pdf`, cookie);
  return performance.now() - t0;
}

async function submit(server: BenchServer, cookie: string, id: string) {
  const response = await server.fetch(`/reports/${id}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "submit" }),
  });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`submitting ${id}: ${response.status}`);
}

/** The render pool's log line of the last long task: its worker's heap and the process's peak RSS (MB). */
function lastRender(log: string, kind: string) {
  const lines = [
    ...log.matchAll(new RegExp(`render pool: ${kind} took (\\d+) ms, worker heap (\\d+) MB, process peak RSS (\\d+) MB`, "g")),
  ];
  const last = lines.at(-1);
  return last ? { took: Number(last[1]), heap: Number(last[2]), rss: Number(last[3]) } : null;
}

async function chapterYear(ctx: BenchContext): Promise<BenchRow[]> {
  const params = ctx.quick
    ? { case: "chapter", volunteers: 300, activities: 30_000 }
    : { case: "chapter", volunteers: 1000, activities: 200_000 };
  const file = await ctx.database({ key: "reports-chapter", fill: FILL, params });
  const { year, months } = drafts(file);
  const rows: BenchRow[] = [];
  const server = await ctx.server(file);
  try {
    const cookie = await server.signIn(KETUA);
    const idle = await ctx.sample(() => server.get("/healthz"), { count: 300 });
    ctx.log(`/healthz idle: p95 ${ms(idle.p95)}`);

    // the draft PDF, end to end (the first one also starts the worker)
    await draftPdf(server, cookie, year);
    const draftTimes: number[] = [];
    for (let i = 0; i < 3; i++) draftTimes.push(await draftPdf(server, cookie, year));
    draftTimes.sort((a, b) => a - b);
    const median = draftTimes[Math.floor(draftTimes.length / 2)]!;
    const render = lastRender(server.log(), "contributionReportPdf");
    const figures = lastRender(server.log(), "reportFigures");
    rows.push({
      what: `yearly draft PDF, ${params.volunteers} volunteers, ${params.activities.toLocaleString("en")} activities (median of ${draftTimes.length})`,
      measured: `${ms(median)} (max ${ms(draftTimes.at(-1)!)}; figures ${figures ? `${figures.took} ms` : "< 1 s"}, PDF ${render ? `${render.took} ms` : "< 1 s"})`,
      ratio: null,
      goal: "<= 2000 ms",
      pass: median <= 2000,
    });

    // /healthz while drafts render one after the other
    let drafting = true;
    const drafted = (async () => {
      for (let i = 0; i < 3 || drafting; i++) {
        await draftPdf(server, cookie, year);
        if (i >= 2) drafting = false;
      }
    })();
    const whileDraft = await healthzDuring(server, drafted, 300);
    rows.push(ctx.ratioRow("/healthz while the yearly draft PDF renders (vs idle)", whileDraft, idle, 2));

    // /healthz while months are submitted (numbering, rendering, storing)
    const toSubmit = months.slice(0, ctx.quick ? 2 : 3);
    const submitTimes: number[] = [];
    const submitted = (async () => {
      for (const id of toSubmit) {
        const t0 = performance.now();
        await submit(server, cookie, id);
        submitTimes.push(performance.now() - t0);
      }
    })();
    const whileSubmit = await healthzDuring(server, submitted, 300);
    rows.push(ctx.ratioRow(`/healthz while ${toSubmit.length} reports are submitted (vs idle)`, whileSubmit, idle, 2));
    const check = new Database(file, { readonly: true });
    const states = check
      .prepare(`SELECT status, COUNT(*) AS n FROM "Report" WHERE id IN (${toSubmit.map(() => "?").join(",")}) GROUP BY status`)
      .all(...toSubmit) as { status: string; n: number }[];
    check.close();
    const allSubmitted = states.length === 1 && states[0]!.status === "submitted";
    rows.push({
      what: "a monthly report's submission, end to end (number, render, store)",
      measured: `mean ${ms(submitTimes.reduce((a, b) => a + b, 0) / submitTimes.length)}, ${states.map((s) => `${s.n} ${s.status}`).join(", ")}`,
      ratio: null,
      goal: "all submitted",
      pass: allSubmitted,
    });
  } finally {
    await server.stop();
  }

  // like with like: the same aggregate statements through Prisma and raw (a child process, its own client)
  const likeFile = await ctx.database({ key: "reports-chapter", fill: FILL, params });
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/bench/support/report-statements.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${likeFile}`, NODE_ENV: "test" },
    encoding: "utf8",
  });
  const like = JSON.parse(out.trim().split("\n").at(-1)!) as { statements: number; prisma: number; raw: number; figures: number };
  rows.push({
    what: `report figures: the ${like.statements} heavy aggregate statements through Prisma vs the same raw (better-sqlite3)`,
    measured: `Prisma ${ms(like.prisma)}, raw ${ms(like.raw)} (whole figures through Prisma ${ms(like.figures)}; medians)`,
    ratio: like.prisma / like.raw,
    goal: "info (Prisma's cost per row)",
    pass: null,
  });
  return rows;
}

async function provinceYear(ctx: BenchContext): Promise<BenchRow[]> {
  const params = ctx.quick ? { case: "province", volunteers: 700, perVillage: 4 } : { case: "province", volunteers: 1000, perVillage: 13 };
  const file = await ctx.database({ key: "reports-province", fill: FILL, params });
  const { year } = drafts(file);
  const sqlite = new Database(file, { readonly: true });
  const annex = (
    sqlite.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "ActivityReach" GROUP BY villageCode, categoryId)`).get() as { n: number }
  ).n;
  sqlite.close();
  const server = await ctx.server(file);
  try {
    const cookie = await server.signIn(KETUA);
    let took: number | null = null;
    let failure = "";
    try {
      took = await draftPdf(server, cookie, year);
    } catch (error) {
      failure = String(error);
    }
    const render = lastRender(server.log(), "contributionReportPdf");
    // the server answers during it too
    await server.get("/healthz");
    return [
      {
        what: `province yearly draft PDF: 14 kab/kota, ${annex.toLocaleString("en")} kelurahan x category rows`,
        measured: took === null ? `failed: ${failure.slice(0, 120)}` : `${ms(took)} (PDF ${render ? `${render.took} ms` : "?"})`,
        ratio: null,
        goal: "renders (info)",
        pass: took === null ? false : null,
      },
      {
        what: "province draft: the render worker's heap (long tables rendered in parts of 40 pages; capped at 1536 MB)",
        measured: render ? `worker heap ${render.heap} MB, server process peak RSS ${render.rss} MB` : "no log line",
        ratio: null,
        goal: "bounded (info)",
        pass: null,
      },
    ];
  } finally {
    await server.stop();
  }
}

export const scenario: Scenario = {
  name: "reports",
  async run(ctx) {
    return [...(await chapterYear(ctx)), ...(await provinceYear(ctx))];
  },
};
