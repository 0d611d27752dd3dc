// The lists that grow with the years (issue 20): the board's activity list over a year, the
// volunteer's own list with month and year totals, the verification queue, follow-ups, the
// audit log and a programme's money ledger (20,000 entries), with 2 million activities
// (BENCH_QUICK: 200,000) in one big chapter. Each list's
// first page, a filtered page and the last page, as a ratio to the bare route (/healthz) of the
// same server in the same run; goal 5x.
import Database from "better-sqlite3";
import type { BenchRow, Scenario } from "../harness";

const GOAL = 5;
const PAGE = { activities: 50, followUps: 50, audit: 25 };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Page counts and the ids the URLs need, read from the file before the server starts. */
function facts(file: string, yearFrom: string, today: string) {
  const sqlite = new Database(file, { readonly: true });
  const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
  const chapter = one<{ id: string }>(`SELECT id FROM "Chapter" WHERE code = 'LST'`).id;
  const type = one<{ typeId: string }>(`SELECT typeId FROM "Activity" WHERE chapterId = ? LIMIT 1`, chapter).typeId;
  const district = one<{ districtCode: string }>(`SELECT districtCode FROM "Activity" WHERE chapterId = ? LIMIT 1`, chapter).districtCode;
  const memberId = one<{ memberId: string }>(`SELECT memberId FROM "User" WHERE email = 'relawan@lists.bench'`).memberId;
  const yearCount = one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Activity" WHERE chapterId = ? AND date >= ? AND date <= ?`,
    chapter,
    `${yearFrom}T00:00:00.000+00:00`,
    `${today}T00:00:00.000+00:00`,
  ).n;
  const own = one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Activity" WHERE memberId = ? OR id IN (SELECT activityId FROM "ActivityVolunteer" WHERE memberId = ?)`,
    memberId,
    memberId,
  ).n;
  const followUps = one<{ n: number }>(`SELECT COUNT(*) AS n FROM "FollowUp" WHERE chapterId = ?`, chapter).n;
  const audit = one<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditLog" WHERE chapterId = ?`, chapter).n;
  const programme = one<{ id: string }>(`SELECT id FROM "Programme" WHERE chapterId = ? AND name = 'Program Bench'`, chapter).id;
  const ledger = one<{ n: number }>(`SELECT COUNT(*) AS n FROM "MoneyEntry" WHERE programmeId = ?`, programme).n;
  const activities = one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Activity"`).n;
  sqlite.close();
  const last = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
  return {
    type,
    district,
    activities,
    yearLast: last(yearCount, PAGE.activities),
    ownLast: last(own, PAGE.activities),
    followUpsLast: last(followUps, PAGE.followUps),
    auditLast: last(audit, PAGE.audit),
    programme,
    ledger,
  };
}

export const scenario: Scenario = {
  name: "lists",
  async run(ctx) {
    // BENCH_LISTS_ACTIVITIES: another size, e.g. 20000 to see what the pages cost without the volume
    const activities = Number(process.env.BENCH_LISTS_ACTIVITIES) || (ctx.quick ? 200_000 : 2_000_000);
    const count = ctx.quick ? 150 : 300;
    const file = await ctx.database({ key: "lists", fill: "tests/bench/fill/activities.ts", params: { activities, members: 2_000 } });
    // the chapter's calendar (WIB); the fill dates activities up to today (UTC)
    const now = new Date();
    const today = day(now);
    const yearFrom = day(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1)));
    const monthFrom = `${today.slice(0, 8)}01`;
    const f = facts(file, yearFrom, today);
    ctx.log(`${f.activities.toLocaleString("en")} activities; a year's board list has ${f.yearLast} pages`);
    const server = await ctx.server(file);
    try {
      const board = await server.signIn("ketua@lists.bench");
      const volunteer = await server.signIn("relawan@lists.bench");
      const year = `from=${yearFrom}&to=${today}`;
      const pages: [string, string, string][] = [
        ["volunteer: own activities, first page (with month/year totals)", "/activities", volunteer],
        ["volunteer: own activities, last page", `/activities?p=${f.ownLast}`, volunteer],
        ["board: activities over a year, first page", `/activities?${year}`, board],
        ["board: activities, one kecamatan this month", `/activities?from=${monthFrom}&to=${today}&kecamatan=${f.district}`, board],
        ["board: activities, one type over a year", `/activities?${year}&jenis=${f.type}`, board],
        ["board: activities over a year, last page", `/activities?${year}&page=${f.yearLast}`, board],
        ["board: verification queue", "/activities/verification", board],
        ["board: follow-ups, open (first page)", "/activities/follow-ups", board],
        ["board: follow-ups, all, last page", `/activities/follow-ups?status=all&page=${f.followUpsLast}`, board],
        ["board: audit log, first page", "/audit", board],
        ["board: audit log, this month", `/audit?from=${monthFrom}&to=${today}`, board],
        ["board: audit log, last page", `/audit?page=${f.auditLast}`, board],
        [`board: money ledger of ${f.ledger.toLocaleString("en")} entries, newest page`, `/programmes/${f.programme}/money`, board],
        [`board: money ledger of ${f.ledger.toLocaleString("en")} entries, first page`, `/programmes/${f.programme}/money?page=1`, board],
      ];
      const rows: BenchRow[] = [];
      const baseline = await ctx.sample(() => server.get("/healthz"), { count });
      rows.push({
        what: "bare route GET /healthz (baseline)",
        measured: `p95 ${baseline.p95.toFixed(1)} ms`,
        ratio: 1,
        goal: "-",
        pass: null,
      });
      for (const [what, path, cookie] of pages) {
        const stats = await ctx.sample(() => server.get(path, cookie), { count });
        ctx.log(`${what}: p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms`);
        rows.push(ctx.ratioRow(`${what} (${f.activities.toLocaleString("en")} activities)`, stats, baseline, GOAL));
      }
      return rows;
    } finally {
      await server.stop();
    }
  },
};
