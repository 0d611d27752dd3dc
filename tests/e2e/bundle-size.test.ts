// The first-load JavaScript budget of issue 18, checked on every run of the browser suite (which
// runs on a fresh production build): the activity form, opened on a cheap phone over a weak
// signal, loads less than 110 kB of gzip before its first paint. `npm run bench` prints the
// figures per page and per file (tests/bench/bundle.bench.ts); docs/decisions/028 explains.
import { describe, expect, it } from "vitest";
import { FIRST_LOAD_BUDGET, firstLoadSize, kB } from "../../scripts/lib/bundle-size";

describe("first-load JavaScript", () => {
  it("of the activity form stays under 110 kB gzip", () => {
    const size = firstLoadSize("routes/activities.new");
    const files = [...size.files].sort((a, b) => b.gzip - a.gzip).map((f) => `${kB(f.gzip)} ${f.file}`);
    expect(size.gzip, `first load of /activities/new: ${kB(size.gzip)}\n${files.join("\n")}`).toBeLessThan(FIRST_LOAD_BUDGET);
  });
});
