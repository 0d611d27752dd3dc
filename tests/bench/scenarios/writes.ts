// Writes under load (issue 20): SQLite has one writer, so what matters is the shape of every
// write transaction (docs/decisions/033).
// 1. 50 volunteers submitting activities at once (the form's multipart post to /activities/new
//    and the phone queue's post to /activities/sync, half each): p95 against 50 concurrent
//    clients on the bare route /healthz, in the same run; goal 5x and no error.
// 2. Activity submissions while a 10,000-row member import commits, against the same
//    submissions idle: no request may wait for the whole import (goal: the slowest < 1 s).
// 3. The import's commit time (information), 1,000 against 10,000 rows (linear is 10x).
import Database from "better-sqlite3";
import type { BenchRow, BenchServer, Scenario, Stats } from "../harness";

type Fixture = { typeId: string; villageCode: string; categoryId: string; imports: { id: string; size: number }[] };

function fixture(file: string): Fixture {
  const sqlite = new Database(file, { readonly: true });
  try {
    const chapter = sqlite.prepare("SELECT id FROM Chapter WHERE code = 'WRT'").get() as { id: string };
    const type = sqlite.prepare("SELECT id FROM ActivityType WHERE chapterId = ? AND active = 1 ORDER BY id LIMIT 1").get(chapter.id) as {
      id: string;
    };
    const category = sqlite.prepare("SELECT id FROM PpksCategory WHERE chapterId IS NULL ORDER BY id LIMIT 1").get() as { id: string };
    const village = sqlite.prepare("SELECT villageCode FROM Member WHERE chapterId = ? LIMIT 1").get(chapter.id) as { villageCode: string };
    const imports = (
      sqlite.prepare("SELECT id, createCount AS size FROM MemberImport WHERE chapterId = ? ORDER BY createdAt, id").all(chapter.id) as {
        id: string;
        size: number;
      }[]
    ).map((r) => ({ id: r.id, size: r.size }));
    return { typeId: type.id, villageCode: village.villageCode, categoryId: category.id, imports };
  } finally {
    sqlite.close();
  }
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
let key = 0;

/** One activity as a volunteer's phone posts it: the form (302 to the activity) or the queue (201 JSON). */
async function submit(server: BenchServer, cookie: string, f: Fixture, via: "form" | "sync") {
  key += 1;
  const form = new FormData();
  for (const [name, value] of Object.entries({
    idempotencyKey: `bench-write-${process.pid}-${key}`,
    date: today(),
    durationMinutes: "90",
    typeId: f.typeId,
    villageCode: f.villageCode,
    households: "2",
    people: "3",
    narrative: "Kunjungan rumah lansia, pendataan kebutuhan.",
    [`reach:${f.categoryId}:P:lansia`]: "2",
    intent: "submit",
  }))
    form.set(name, value);
  const response = await server.fetch(via === "form" ? "/activities/new" : "/activities/sync", {
    method: "POST",
    body: form,
    headers: via === "form" ? { Cookie: cookie } : { Cookie: cookie, Accept: "application/json" },
  });
  const body = await response.text();
  const expected = via === "form" ? 302 : 201;
  if (response.status !== expected) throw new Error(`POST ${via}: ${response.status} ${body.slice(0, 200)}`);
}

/** Commits a checked import through the page's stream; resolves with its time in ms. */
async function commitImport(server: BenchServer, cookie: string, importId: string) {
  const t0 = performance.now();
  const response = await server.fetch(`/members/import/${importId}/progress`, {
    method: "POST",
    headers: { Cookie: cookie, Accept: "application/x-ndjson" },
  });
  const text = await response.text();
  const last = JSON.parse(text.trim().split("\n").at(-1) ?? "{}") as { type?: string; ok?: boolean; message?: string };
  if (response.status !== 200 || last.type !== "done" || !last.ok)
    throw new Error(`import ${importId}: ${response.status} ${text.slice(-300)}`);
  return performance.now() - t0;
}

const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const scenario: Scenario = {
  name: "writes",
  async run(ctx) {
    const volunteers = 50;
    const [small, large] = ctx.quick ? [500, 2_000] : [1_000, 10_000];
    const file = await ctx.database({
      key: "writes",
      fill: "tests/bench/fill/writes.ts",
      params: { volunteers, members: ctx.quick ? 1_000 : 5_000, imports: [small, large, large] },
    });
    const f = fixture(file);
    const server = await ctx.server(file);
    const rows: BenchRow[] = [];
    try {
      const cookies: string[] = [];
      for (let i = 1; i <= volunteers; i++) cookies.push(await server.signIn(`relawan${i}@writes.test`));
      const board = await server.signIn("sekretaris@writes.test");
      let turn = 0;
      const anyone = () => {
        turn += 1;
        return submit(server, cookies[turn % volunteers]!, f, turn % 2 ? "form" : "sync");
      };

      // 1. 50 at once, against the bare route measured the same way.
      const count = ctx.quick ? 300 : 600;
      const bare = await ctx.sample(() => server.get("/healthz"), { count, concurrency: volunteers });
      const posts = await ctx.sample(anyone, { count, concurrency: volunteers });
      ctx.log(`50 concurrent /healthz p95 ${ms(bare.p95)}; submissions p50 ${ms(posts.p50)} p95 ${ms(posts.p95)} max ${ms(posts.max)}`);
      rows.push(ctx.ratioRow(`${volunteers} volunteers submitting at once (form + sync), vs /healthz`, posts, bare, 5));

      // 3 (first half). The small import, idle.
      const [smallImport, largeImport, loadedImport] = f.imports;
      const smallMs = await commitImport(server, board, smallImport!.id);
      const largeMs = await commitImport(server, board, largeImport!.id);

      // 2. Submissions from a few volunteers, idle, then while the large import commits.
      const clients = 4;
      const idle = await ctx.sample(anyone, { count: 200, concurrency: clients });
      const during: number[] = [];
      let errors = 0;
      let firstError: string | undefined;
      let importing = true;
      const committed = commitImport(server, board, loadedImport!.id).then(
        (took) => ({ took, error: null }),
        (error: unknown) => ({ took: NaN, error }),
      );
      void committed.then(() => (importing = false));
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (importing) {
            const t0 = performance.now();
            try {
              await anyone();
              during.push(performance.now() - t0);
            } catch (error) {
              errors += 1;
              firstError ??= String(error);
            }
          }
        }),
      );
      const outcome = await committed;
      if (outcome.error) throw outcome.error;
      const loadedMs = outcome.took;
      during.sort((a, b) => a - b);
      const loaded: Stats = {
        count: during.length,
        errors,
        p50: percentile(during, 50),
        p95: percentile(during, 95),
        max: during.at(-1) ?? NaN,
        mean: during.reduce((a, b) => a + b, 0) / (during.length || 1),
        firstError,
      };
      ctx.log(
        `during the ${large}-row import (${ms(loadedMs)}): ${loaded.count} submissions, p95 ${ms(loaded.p95)}, max ${ms(loaded.max)}; idle p95 ${ms(idle.p95)}`,
      );
      rows.push({
        what: `a submission (${clients} clients) while a ${large.toLocaleString("en")}-row import commits, vs idle`,
        measured: `p95 ${ms(loaded.p95)}, max ${ms(loaded.max)} (idle p95 ${ms(idle.p95)}, n=${loaded.count}${errors ? `, ${errors} errors (${firstError})` : ""})`,
        ratio: loaded.p95 / idle.p95,
        goal: "max < 1000 ms, 0 errors",
        pass: loaded.max < 1000 && errors === 0 && loaded.count >= clients,
      });

      // 3. The import's time.
      rows.push({
        what: `commit of a ${large.toLocaleString("en")}-row import (idle; under load ${ms(loadedMs)}), vs ${small.toLocaleString("en")} rows`,
        measured: `${ms(largeMs)} (${small.toLocaleString("en")} rows: ${ms(smallMs)})`,
        ratio: largeMs / smallMs,
        goal: `information (linear: ${large / small}x)`,
        pass: null,
      });
      return rows;
    } finally {
      await server.stop();
    }
  },
};
