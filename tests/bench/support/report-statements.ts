// Like with like (tests/bench/scenarios/reports.ts): the contribution report's heavy aggregate
// statements (figures.server.ts `heavyStatements`) run through Prisma and, the very same SQL and
// values, raw through better-sqlite3, on the database of DATABASE_URL. Prints one JSON line:
// medians in ms of the statements through each, and of the whole figures through Prisma.
import Database from "better-sqlite3";
import { heavyStatements, reportFigures } from "~/domain/reports/figures.server";
import { db } from "~/utils/db.server";

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => unknown) {
  const runs: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const report = await db.report.findFirstOrThrow({
  where: { periodKind: "year", status: "draft" },
  select: { chapterId: true, includeSubChapters: true, periodStart: true, periodEnd: true },
});
const chapterIds = [
  report.chapterId,
  ...(await db.chapter.findMany({ where: { parentId: report.chapterId }, select: { id: true } })).map((c) => c.id),
];
const statements = Object.values(heavyStatements(chapterIds, report.periodStart, report.periodEnd));
const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });

const prisma = await time(async () => {
  for (const statement of statements) await db.$queryRaw(statement);
});
const raw = await time(() => {
  for (const statement of statements) sqlite.prepare(statement.sql).all(...(statement.values as unknown[]));
});
const figures = await time(() =>
  reportFigures({
    chapterId: report.chapterId,
    includeSubChapters: report.includeSubChapters,
    start: report.periodStart,
    end: report.periodEnd,
  }),
);
console.log(JSON.stringify({ statements: statements.length, prisma, raw, figures }));
process.exit(0);
