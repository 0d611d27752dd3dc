// `npm run db:migration`'s check (scripts/lib/kept-triggers.mjs): a new migration that drops or
// rebuilds a table with triggers (Prisma's RedefineTables) and does not re-create them is named
// with the triggers it loses (docs/decisions/030, 031).
import { describe, expect, it } from "vitest";
import {
  applyTriggerStatements,
  committedMigrations,
  lostTriggersWarning,
  triggersLostBy,
  triggersOfMigrations,
} from "../../scripts/lib/kept-triggers.mjs";

// What Prisma writes when a column of Member changes in a way SQLite's ALTER TABLE cannot do.
const REDEFINE_MEMBER = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nickname" TEXT
);
INSERT INTO "new_Member" ("chapterId", "fullName", "id") SELECT "chapterId", "fullName", "id" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_chapterId_fullName_id_idx" ON "Member"("chapterId", "fullName", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

const HISTORY = [
  {
    name: "20260101000000_members",
    sql: `CREATE TABLE "Member" ("id" TEXT NOT NULL PRIMARY KEY, "fullName" TEXT NOT NULL);
CREATE TABLE "Tally" ("n" INTEGER NOT NULL);
CREATE TRIGGER "Member_tally_insert" AFTER INSERT ON "Member" BEGIN
    UPDATE "Tally" SET "n" = "n" + 1;
END;
CREATE TRIGGER "Member_search_update" AFTER UPDATE OF "fullName" ON "Member" BEGIN
    DELETE FROM "Tally" WHERE 0;
END;`,
  },
  {
    name: "20260102000000_audit",
    sql: `CREATE TABLE "AuditLog" ("id" TEXT NOT NULL PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS "AuditLogHour_insert" AFTER INSERT ON "AuditLog" BEGIN SELECT 1; END;`,
  },
];

describe("the triggers the committed migrations leave", () => {
  it("follows CREATE TRIGGER, DROP TRIGGER, DROP TABLE and RENAME in order", () => {
    const { triggers, createdIn } = triggersOfMigrations([
      ...HISTORY,
      { name: "20260103000000_rename", sql: `ALTER TABLE "AuditLog" RENAME TO "Journal";\nDROP TRIGGER "Member_search_update";` },
    ]);
    expect(Object.fromEntries(triggers)).toEqual({ Member_tally_insert: "Member", AuditLogHour_insert: "Journal" });
    expect(createdIn.get("AuditLogHour_insert")).toBe("20260102000000_audit");
  });

  it("finds the repository's triggers, and no committed migration loses one", () => {
    const migrations = committedMigrations();
    const { triggers } = triggersOfMigrations(migrations);
    expect(triggers.get("Member_search_insert")).toBe("Member");
    expect(triggers.get("AuditLogHour_move")).toBe("AuditLog");
    migrations.forEach((migration, index) => expect(triggersLostBy(migration.sql, migrations.slice(0, index))).toEqual([]));
  });
});

describe("a new migration that rebuilds a table", () => {
  it("names the triggers the RedefineTables of Member drops with the table", () => {
    const lost = triggersLostBy(REDEFINE_MEMBER, HISTORY);
    expect(lost).toEqual([
      { trigger: "Member_search_update", table: "Member", createdIn: "20260101000000_members" },
      { trigger: "Member_tally_insert", table: "Member", createdIn: "20260101000000_members" },
    ]);
    const warning = lostTriggersWarning(lost, "prisma/migrations/20260201000000_nickname/migration.sql");
    expect(warning).toContain('"Member_tally_insert" ON "Member"');
    expect(warning).toContain("prisma/migrations/20260101000000_members/migration.sql");
    expect(warning).toContain("docs/decisions/030");
    expect(warning).toContain("--check");
  });

  it("is content when the migration re-creates them, or drops one on purpose", () => {
    const recreated = `${REDEFINE_MEMBER}
CREATE TRIGGER "Member_tally_insert" AFTER INSERT ON "Member" BEGIN UPDATE "Tally" SET "n" = "n" + 1; END;`;
    expect(triggersLostBy(recreated, HISTORY).map((l) => l.trigger)).toEqual(["Member_search_update"]);
    const explicit = `DROP TRIGGER IF EXISTS "Member_search_update";\n${recreated}`;
    expect(triggersLostBy(explicit, HISTORY)).toEqual([]);
    expect(lostTriggersWarning([], "x")).toBe("");
  });

  it("reads other quotings, and does not take a comment for a statement", () => {
    expect(triggersLostBy("DROP TABLE IF EXISTS main.`Member`;", HISTORY).map((l) => l.trigger)).toHaveLength(2);
    expect(triggersLostBy("DROP TABLE [AuditLog];", HISTORY).map((l) => l.trigger)).toEqual(["AuditLogHour_insert"]);
    expect(triggersLostBy('-- DROP TABLE "Member";\n/* DROP TABLE "AuditLog"; */\nSELECT 1;', HISTORY)).toEqual([]);
    // a table with no triggers, or one whose name only begins like a kept one
    expect(triggersLostBy('DROP TABLE "MemberImport"; DROP TABLE "new_Member";', HISTORY)).toEqual([]);
  });

  it("applies statements to a given state and reports what was created", () => {
    const state = new Map([["Member_tally_insert", "Member"]]);
    const result = applyTriggerStatements(state, REDEFINE_MEMBER);
    expect(result).toEqual({ lost: ["Member_tally_insert"], dropped: [], created: [] });
    expect(state.size).toBe(0);
  });
});
