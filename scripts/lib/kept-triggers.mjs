// The triggers the committed migrations create, and the ones a new migration would lose
// (docs/decisions/030, 031). SQLite drops a table's triggers with the table: Prisma's
// "RedefineTables" (CREATE TABLE "new_X", INSERT ... SELECT, DROP TABLE "X", ALTER TABLE "new_X"
// RENAME TO "X") therefore drops every trigger on X without a word, and the search and the totals
// they keep go quietly wrong. `npm run db:migration` warns with the names to re-create.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** An identifier as SQLite reads it: "quoted", `quoted`, [quoted] or bare (an optional schema before it). */
const IDENT = String.raw`(?:(?:"[^"]+"|\w+)\s*\.\s*)?(?:"((?:[^"]|"")+)"|\x60([^\x60]+)\x60|\[([^\]]+)\]|(\w+))`;
const STATEMENTS = new RegExp(
  [
    String.raw`\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}[\s\S]*?\bON\s+${IDENT}`,
    String.raw`\bDROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?${IDENT}`,
    String.raw`\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${IDENT}`,
    String.raw`\bALTER\s+TABLE\s+${IDENT}\s+RENAME\s+TO\s+${IDENT}`,
  ].join("|"),
  "gi",
);

/** The SQL without its comments (a comment naming a table must not count as a statement). */
function withoutComments(sql) {
  return sql.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/--[^\n]*/g, " ");
}

/** The name in one IDENT's four capture groups (starting at `index`). */
function name(match, index) {
  const quoted = match[index];
  if (quoted !== undefined) return quoted.replace(/""/g, '"');
  return match[index + 1] ?? match[index + 2] ?? match[index + 3];
}

/**
 * Runs the trigger statements of `sql` over `triggers` (name -> table, changed in place).
 * Returns what the SQL did to triggers that existed before it: `lost` were dropped with their
 * table and not re-created, `dropped` were dropped on purpose (DROP TRIGGER); `created` are the
 * triggers the SQL creates.
 */
export function applyTriggerStatements(triggers, sql) {
  const before = new Set(triggers.keys());
  const dropped = new Set();
  const created = new Set();
  for (const match of withoutComments(sql).matchAll(STATEMENTS)) {
    const text = match[0].trimStart().toUpperCase();
    if (text.startsWith("CREATE")) {
      triggers.set(name(match, 1), name(match, 5));
      created.add(name(match, 1));
    } else if (text.startsWith("DROP") && /^DROP\s+TRIGGER/.test(text)) {
      const trigger = name(match, 9);
      triggers.delete(trigger);
      dropped.add(trigger);
    } else if (text.startsWith("DROP")) {
      const table = name(match, 13);
      for (const [trigger, on] of triggers) if (on.toLowerCase() === table.toLowerCase()) triggers.delete(trigger);
    } else {
      // ALTER TABLE ... RENAME TO: the triggers go with the table
      const [from, to] = [name(match, 17), name(match, 21)];
      for (const [trigger, on] of triggers) if (on.toLowerCase() === from.toLowerCase()) triggers.set(trigger, to);
    }
  }
  const lost = [...before].filter((trigger) => !triggers.has(trigger) && !dropped.has(trigger));
  return { lost, dropped: [...dropped].filter((trigger) => before.has(trigger)), created: [...created] };
}

/** The committed migrations (folder name and SQL), oldest first. */
export function committedMigrations(dir = path.join("prisma", "migrations")) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => /^\d+_/.test(entry) && existsSync(path.join(dir, entry, "migration.sql")))
    .sort()
    .map((entry) => ({ name: entry, sql: readFileSync(path.join(dir, entry, "migration.sql"), "utf8") }));
}

/**
 * The triggers the migrations leave in the database (name -> table), and for each the migration
 * that last created it (where to copy its SQL from).
 */
export function triggersOfMigrations(migrations) {
  const triggers = new Map();
  const createdIn = new Map();
  for (const migration of migrations) {
    const { created } = applyTriggerStatements(triggers, migration.sql);
    for (const trigger of created) createdIn.set(trigger, migration.name);
  }
  return { triggers, createdIn };
}

/**
 * What a new migration's SQL does to the committed triggers: the triggers it loses (dropped with
 * a table it drops or redefines, and not re-created), sorted, with their table and the migration
 * that created them.
 */
export function triggersLostBy(sql, migrations = committedMigrations()) {
  const { triggers, createdIn } = triggersOfMigrations(migrations);
  const tables = new Map(triggers);
  const { lost } = applyTriggerStatements(triggers, sql);
  return lost.sort().map((trigger) => ({ trigger, table: tables.get(trigger), createdIn: createdIn.get(trigger) }));
}

/** The loud warning for `lost` (empty when nothing is lost). */
export function lostTriggersWarning(lost, migrationFile) {
  if (lost.length === 0) return "";
  const line = "!".repeat(100);
  const tables = [...new Set(lost.map((item) => item.table))].sort();
  return [
    line,
    `WARNING: ${migrationFile} drops ${tables.map((t) => `"${t}"`).join(", ")} (Prisma rebuilds a table by dropping it),`,
    `and SQLite drops the table's triggers with it. These ${lost.length} triggers are not re-created:`,
    ...lost.map((item) => `  - "${item.trigger}" ON "${item.table}"   (its SQL: prisma/migrations/${item.createdIn}/migration.sql)`),
    "Without them the member search and the kept counts and totals go quietly wrong",
    "(docs/decisions/030-member-search-fts.md, 031-lists-at-scale.md; the money ledger's: 009).",
    "To proceed, edit the migration: at its end re-create each trigger (adjusted to the new columns)",
    "and rebuild what it keeps (the decisions show the SQL: the FTS index, MemberTally, ActivityDayTotal,",
    "AuditLogHour, FollowUp.openedOn, the co-volunteer and reach copies). A trigger you mean to remove:",
    'drop it explicitly with DROP TRIGGER "name" before the table, and take it out of',
    "app/domain/shared/kept-tables.server.ts. Then check again: npm run db:migration -- --check",
    line,
  ].join("\n");
}
