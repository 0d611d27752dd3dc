// The first-load JavaScript (gzip) of three pages from the production build in build/client
// (docs/decisions/028): the activity form against the 110 kB goal of issue 18, the login page and
// the dashboard. A size, not a timing: tests/e2e/bundle-size.test.ts guards the same budget on
// every test run.
import { FIRST_LOAD_BUDGET, firstLoadSize, kB, readManifest } from "../../../scripts/lib/bundle-size";
import type { BenchRow, Scenario } from "../harness";

const ROUTES = [
  { route: "routes/activities.new", page: "/activities/new", budget: FIRST_LOAD_BUDGET },
  { route: "routes/login", page: "/login", budget: FIRST_LOAD_BUDGET },
  { route: "routes/_index", page: "/ (dashboard)", budget: FIRST_LOAD_BUDGET },
];

export const scenario: Scenario = {
  name: "bundle",
  async run(ctx) {
    const manifest = readManifest();
    const rows: BenchRow[] = [];
    for (const { route, page, budget } of ROUTES) {
      const size = firstLoadSize(route, "build/client", manifest);
      rows.push({
        what: `first-load JavaScript of ${page} (gzip)`,
        measured: `${kB(size.gzip)} in ${size.files.length} files`,
        ratio: null,
        goal: `< ${kB(budget)}`,
        pass: size.gzip < budget,
      });
    }
    const form = firstLoadSize("routes/activities.new", "build/client", manifest);
    ctx.log("/activities/new, per file:");
    for (const file of [...form.files].sort((a, b) => b.gzip - a.gzip).slice(0, 8)) ctx.log(`  ${kB(file.gzip).padStart(9)}  ${file.file}`);
    return rows;
  },
};
