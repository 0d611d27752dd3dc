// `npm run bench` (which builds first): the first-load JavaScript of three pages, gzip, from the
// production build in build/client, against the goal of issue 18 (the activity form under
// 110 kB). A size is not a timing: the e2e suite guards the same budget on every test run
// (tests/e2e/bundle-size.test.ts); here the table is printed with the figures per file.
import { afterAll, bench, describe } from "vitest";
import { FIRST_LOAD_BUDGET, firstLoadSize, kB, readManifest } from "../../scripts/lib/bundle-size";

const ROUTES = [
  { route: "routes/activities.new", page: "/activities/new", budget: FIRST_LOAD_BUDGET },
  { route: "routes/login", page: "/login", budget: null },
  { route: "routes/_index", page: "/ (dashboard)", budget: null },
];

afterAll(() => {
  const manifest = readManifest();
  const lines = ["", "First-load JavaScript (entry + root + route, static imports; gzip per file):", ""];
  lines.push(`${"page".padEnd(18)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzip".padStart(10)}  goal`);
  for (const { route, page, budget } of ROUTES) {
    const size = firstLoadSize(route, "build/client", manifest);
    const verdict = budget === null ? "-" : `< ${kB(budget)}: ${size.gzip < budget ? "pass" : "FAIL"}`;
    lines.push(
      `${page.padEnd(18)} ${String(size.files.length).padStart(5)} ${kB(size.bytes).padStart(10)} ${kB(size.gzip).padStart(10)}  ${verdict}`,
    );
  }
  const form = firstLoadSize("routes/activities.new", "build/client", manifest);
  lines.push("", "/activities/new, per file:");
  for (const file of [...form.files].sort((a, b) => b.gzip - a.gzip)) lines.push(`  ${kB(file.gzip).padStart(9)}  ${file.file}`);
  console.log(lines.join("\n"));
});

describe("first-load JavaScript", () => {
  const manifest = readManifest();
  bench("measuring /activities/new (manifest, read, gzip)", () => {
    firstLoadSize("routes/activities.new", "build/client", manifest);
  });
});
