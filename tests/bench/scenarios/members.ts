// The member list and its search (issue 20, docs/decisions/030): p95 of /members (first page, a
// name search, a two-word name search, part of a NIK, a phone number as people type it, the last
// page) over HTTP against the built server, each as a ratio to /healthz measured on the same
// server just before it, at 1,000, 10,000 and 100,000 members in one chapter (quick: 1,000 and
// 10,000), and once with the 100,000 spread over 100 chapters (a national registry: the board
// of one chapter of 1,000 searches the shared index). A growth row per request shows how the
// ratio moves with size: it should stay flat or grow slowly, not with the number of members.
import Database from "better-sqlite3";
import type { BenchRow, Scenario, Stats } from "../harness";

const FILL = "tests/bench/fill/members.ts";
const BOARD = "board@bench.ipsm.id";
const GOAL = 5;

type Size = { label: string; members: number; chapters: number; only?: string[] };

/** The national spread repeats the four requests whose cost could depend on the other chapters (the bench stays under 10 minutes). */
const NATIONAL = ["/members first page", "/members?q=siti", "/members?q=<part of a NIK>", "/members last page"];

/** A NIK and a phone number of one member of the board's chapter (the searches look for them). */
function pickTargets(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const chapter = sqlite.prepare(`SELECT "chapterId" FROM "User" WHERE "email" = ?`).get(BOARD) as { chapterId: string };
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "Member" WHERE "chapterId" = ?`).get(chapter.chapterId) as { n: number };
    const member = sqlite
      .prepare(`SELECT "nik", "phone" FROM "Member" WHERE "chapterId" = ? AND "phone" IS NOT NULL ORDER BY "fullName" LIMIT 1 OFFSET ?`)
      .get(chapter.chapterId, Math.floor(n / 3)) as { nik: string; phone: string };
    return { members: n, nik: member.nik, phone: member.phone };
  } finally {
    sqlite.close();
  }
}

export const scenario: Scenario = {
  name: "members",
  async run(ctx) {
    const sizes: Size[] = ctx.quick
      ? [
          { label: "1,000", members: 1_000, chapters: 1 },
          { label: "10,000", members: 10_000, chapters: 1 },
        ]
      : [
          { label: "1,000", members: 1_000, chapters: 1 },
          { label: "10,000", members: 10_000, chapters: 1 },
          { label: "100,000", members: 100_000, chapters: 1 },
          { label: "100,000 in 100 chapters", members: 100_000, chapters: 100, only: NATIONAL },
        ];
    const count = ctx.quick ? 150 : 200;
    const rows: BenchRow[] = [];
    const growth = new Map<string, string[]>();
    for (const size of sizes) {
      const file = await ctx.database({
        key: `members-${size.members}-${size.chapters}`,
        fill: FILL,
        params: { members: size.members, chapters: size.chapters },
      });
      const target = pickTargets(file);
      // Part of a NIK (its last ten digits) and the phone as typed: 0812-3456-7890 and +62 812 3456 7890.
      const local = target.phone.replace(/^\+62/, "");
      const all: [string, string][] = [
        ["/members first page", "/members"],
        ["/members?q=siti", "/members?q=siti"],
        ["/members?q=Rahmat Pratama", `/members?q=${encodeURIComponent("Rahmat Pratama")}`],
        ["/members?q=<part of a NIK>", `/members?q=${target.nik.slice(6)}`],
        [
          "/members?q=0812-3456-... (phone)",
          `/members?q=${encodeURIComponent(`0${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`)}`,
        ],
        [
          "/members?q=+62 812 ... (phone)",
          `/members?q=${encodeURIComponent(`+62 ${local.slice(0, 3)} ${local.slice(3, 7)} ${local.slice(7)}`)}`,
        ],
        ["/members last page", `/members?page=${Math.max(1, Math.ceil(target.members / 50))}`],
        ["/members last page, by join date desc", `/members?sort=joinDate&dir=desc&page=${Math.max(1, Math.ceil(target.members / 50))}`],
      ];
      const requests = size.only ? all.filter(([what]) => size.only!.includes(what)) : all;
      const server = await ctx.server(file);
      try {
        const cookie = await server.signIn(BOARD);
        // A fresh server compiles as it goes: warm it up on the page before the first measurement.
        for (let i = 0; i < 50; i++) await server.get("/members", cookie);
        for (const [what, path] of requests) {
          // The baseline is measured next to each request (these machines are shared: load
          // comes and goes within a run), then the request itself.
          const baseline: Stats = await ctx.sample(() => server.get("/healthz"), { count: 150, warmup: 10 });
          const stats = await ctx.sample(() => server.get(path, cookie), { count, warmup: 10 });
          const row = ctx.ratioRow(`${what}, ${size.label} members`, stats, baseline, GOAL);
          rows.push(row);
          ctx.log(`${row.what}: ${row.measured}, ${row.ratio!.toFixed(2)}x`);
          growth.set(what, [...(growth.get(what) ?? []), `${size.label}: ${row.ratio!.toFixed(1)}x`]);
        }
      } finally {
        await server.stop();
      }
    }
    for (const [what, steps] of growth) {
      rows.push({ what: `${what}: growth with members`, measured: steps.join(", "), ratio: null, goal: "flat or logarithmic", pass: null });
    }
    return rows;
  },
};
