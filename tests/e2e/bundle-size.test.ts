// The first-load JavaScript budget of issues 18 and 20, checked on every run of the browser suite
// (which runs on a fresh production build): the activity form, opened on a cheap phone over a weak
// signal, and the pages volunteers and the public open (sign-in, applying, passwords, the
// profile, the activity list, the dashboard) each load less than 110 kB of gzip before their first
// paint, and none of them loads zod. `npm run bench` prints the figures per page and per file
// (tests/bench/scenarios/bundle.ts); docs/decisions/028 explains.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGETED_PAGES, FIRST_LOAD_BUDGET, firstLoadSize, kB } from "../../scripts/lib/bundle-size";

describe("first-load JavaScript", () => {
  it.each(BUDGETED_PAGES)("of %s (%s) stays under 110 kB gzip", (route, page) => {
    const size = firstLoadSize(route);
    const files = [...size.files].sort((a, b) => b.gzip - a.gzip).map((f) => `${kB(f.gzip)} ${f.file}`);
    expect(size.gzip, `first load of ${page}: ${kB(size.gzip)}\n${files.join("\n")}`).toBeLessThan(FIRST_LOAD_BUDGET);
  });

  it.each(BUDGETED_PAGES)("of %s (%s) does not carry zod: its forms load their schema after the first paint", (route, page) => {
    // zod's classes keep their names ("$ZodObject") through minification, whatever the chunk is called.
    const zod = firstLoadSize(route).files.filter((f) => readFileSync(path.join("build/client", f.file), "utf8").includes('"$ZodObject"'));
    expect(
      zod.map((f) => f.file),
      `${page} loads zod before its first paint`,
    ).toEqual([]);
  });
});
