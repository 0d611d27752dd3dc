// `npm run bench` (after `npm run build`): runs every scenario in tests/bench/scenarios/ one after
// the other, prints what each measured as it goes and one summary table at the end (what,
// measured, ratio, goal, pass/fail), and exits non-zero when a goal was missed or a scenario
// failed, so that a regression is visible.
//
//   npm run bench                       every scenario, default sizes
//   BENCH_QUICK=1 npm run bench         smaller sizes, for a quick look
//   npx tsx tests/bench/run.ts members  one scenario (after npm run build)
//   BENCH_FRESH=1 ...                   rebuild the cached databases
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createContext, type BenchRow, type Scenario } from "./harness";

/** The whole benchmark, default sizes, on these 2-core machines. */
const TOTAL_GOAL_MINUTES = 10;

function table(rows: (BenchRow & { scenario: string })[]) {
  const head = ["scenario", "what", "measured", "ratio", "goal", "result"];
  const cells = rows.map((row) => [
    row.scenario,
    row.what,
    row.measured,
    row.ratio === null ? "-" : `${row.ratio.toFixed(2)}x`,
    row.goal,
    row.pass === null ? "info" : row.pass ? "pass" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

async function main() {
  const quick = process.env.BENCH_QUICK === "1";
  const only = process.argv.slice(2);
  const dir = path.resolve("tests/bench/scenarios");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const { scenario } = (await import(pathToFileURL(path.join(dir, file)).href)) as { scenario: Scenario };
    if (!only.length || only.includes(scenario.name)) scenarios.push(scenario);
  }
  if (!scenarios.length) throw new Error(`No scenario named ${only.join(", ")} in ${dir}`);

  const ctx = createContext(quick);
  const rows: (BenchRow & { scenario: string })[] = [];
  const started = Date.now();
  for (const scenario of scenarios) {
    const t0 = Date.now();
    console.log(`\n== ${scenario.name}${quick ? " (BENCH_QUICK)" : ""}`);
    try {
      for (const row of await scenario.run(ctx)) {
        rows.push({ scenario: scenario.name, ...row });
        console.log(`  ${row.what}: ${row.measured}${row.ratio === null ? "" : `, ${row.ratio.toFixed(2)}x`} (goal ${row.goal})`);
      }
    } catch (error) {
      console.error(error);
      rows.push({
        scenario: scenario.name,
        what: "the scenario ran",
        measured: String(error).slice(0, 120),
        ratio: null,
        goal: "no error",
        pass: false,
      });
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const minutes = (Date.now() - started) / 60_000;
  if (!only.length) {
    rows.push({
      scenario: "bench",
      what: quick ? "whole benchmark (BENCH_QUICK)" : "whole benchmark, default sizes",
      measured: `${minutes.toFixed(1)} min`,
      ratio: null,
      goal: `< ${TOTAL_GOAL_MINUTES} min`,
      pass: quick ? null : minutes < TOTAL_GOAL_MINUTES,
    });
  }
  console.log(`\nSummary (${new Date().toISOString()}, ${quick ? "BENCH_QUICK sizes" : "default sizes"}):\n`);
  console.log(table(rows));
  const failed = rows.filter((row) => row.pass === false);
  console.log(failed.length ? `\n${failed.length} goal(s) missed.` : "\nEvery goal met.");
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
