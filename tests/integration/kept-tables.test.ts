// The guard of the triggers that keep the member search, counts and totals in step
// (app/domain/shared/kept-tables.server.ts, docs/decisions/030, 031): the list names exactly the
// triggers the migrations create, a migrated database has them all, and a missing one is named
// by the check and turns /healthz to 503.
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkKeptTriggers, KEPT_TRIGGERS, keptTriggers, missingKeptTriggers } from "~/domain/shared/kept-tables.server";
import { loader as healthz } from "~/routes/healthz";
import { db } from "~/utils/db.server";
import { committedMigrations, triggersOfMigrations } from "../../scripts/lib/kept-triggers.mjs";

const byName = (list: { trigger: string; table: string }[]) => Object.fromEntries(list.map((k) => [k.trigger, k.table]));

afterEach(() => vi.restoreAllMocks());

describe("the list of kept triggers", () => {
  it("names every trigger the migrations create, each once, on its table", () => {
    const listed = keptTriggers();
    expect(listed.length).toBeGreaterThan(20);
    expect(new Set(listed.map((k) => k.trigger)).size).toBe(listed.length);
    const { triggers } = triggersOfMigrations(committedMigrations());
    expect(triggers.size).toBe(listed.length);
    expect(byName(listed)).toEqual(Object.fromEntries(triggers));
    // the tables the decisions name are among them
    for (const table of ["Member", "Activity", "ActivityVolunteer", "AuditLog", "FollowUp"]) expect(KEPT_TRIGGERS).toHaveProperty(table);
  });

  it("matches the triggers of a freshly migrated database, none missing and none unlisted", async () => {
    const rows = await db.$queryRaw<{ name: string; tbl_name: string }[]>`
      SELECT "name", "tbl_name" FROM sqlite_master WHERE "type" = 'trigger'`;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.tbl_name]))).toEqual(byName(keptTriggers()));
    expect(await missingKeptTriggers()).toEqual([]);
    expect(await checkKeptTriggers()).toEqual([]);
    const answer = await healthz();
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("ok");
  });
});

describe("a missing trigger", () => {
  it("is named by the check and the log, and /healthz answers 503 until it is back", async () => {
    const [kept] = await db.$queryRaw<{ sql: string }[]>`
      SELECT "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "name" = 'Member_tally_update'`;
    expect(kept?.sql).toContain("CREATE TRIGGER");
    // what a migration rebuilding Member would do to it
    await db.$executeRawUnsafe(`DROP TRIGGER "Member_tally_update"`);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});

    expect(await missingKeptTriggers()).toEqual([{ trigger: "Member_tally_update", table: "Member" }]);
    expect(await checkKeptTriggers()).toEqual([{ trigger: "Member_tally_update", table: "Member" }]);
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = String(errors.mock.calls[0]?.[0]);
    expect(logged).toContain('"Member_tally_update" on "Member"');
    expect(logged).toContain("docs/decisions/030-member-search-fts.md");
    expect(logged).toContain("031-lists-at-scale.md");

    const answer = await healthz();
    expect(answer.status).toBe(503);
    expect(await answer.text()).toMatch(/^unhealthy: database triggers missing .*Member_tally_update on Member/);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");

    // repaired without a restart: the next call checks again
    await db.$executeRawUnsafe(kept!.sql);
    const repaired = await healthz();
    expect(repaired.status).toBe(200);
    expect(await repaired.text()).toBe("ok");
  });
});
