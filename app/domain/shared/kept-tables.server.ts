// The SQLite triggers that keep tables in step (docs/decisions/030, 031; the money ledger's, 009)
// and the check that they are all there. SQLite drops a table's triggers with the table, and a
// Prisma migration that rebuilds a table ("RedefineTables": new table, copy, drop, rename) drops
// it: the portal would go on, with a member search that misses members and counts and totals that
// drift. `npm run db:migration` warns when a new migration does that (scripts/lib/kept-triggers.mjs);
// this is the second line, at every start of the server and on /healthz.
//
// A missing trigger does NOT stop the server: the rows themselves are intact, the members and
// activities can still be entered and read, and the repair (a migration re-creating the triggers
// and rebuilding what they keep) needs a deployment anyway. Refusing to start would turn a
// wrong count into an outage for every chapter. Instead the log says loudly what is missing and
// /healthz answers 503 with the reason, so the uptime check raises the alarm.
import { db } from "~/utils/db.server";

/**
 * Every trigger the migrations create, by the table it is on. tests/integration/kept-tables.test.ts
 * compares this list with the migrations: a trigger added to a migration must be listed here.
 */
export const KEPT_TRIGGERS = {
  // the member search (FTS5 MemberSearch) and the counts (MemberTally): docs/decisions/030
  Member: [
    "Member_search_insert",
    "Member_search_update",
    "Member_search_delete",
    "Member_tally_insert",
    "Member_tally_update",
    "Member_tally_delete",
  ],
  // ActivityDayTotal, ActivityTypeDayTotal, the co-volunteer and reach copies, FollowUp.openedOn
  // and FollowUpTally: docs/decisions/031
  Activity: [
    "ActivityDayTotal_activity_insert",
    "ActivityDayTotal_activity_update",
    "ActivityDayTotal_activity_delete",
    "ActivityTypeDayTotal_activity_insert",
    "ActivityTypeDayTotal_activity_update",
    "ActivityTypeDayTotal_activity_delete",
    "ActivityVolunteer_copy_on_activity_change",
    "ActivityReach_copy_on_activity_change",
    "FollowUp_openedOn_on_activity_date",
  ],
  ActivityVolunteer: [
    "ActivityVolunteer_copy_on_insert",
    "ActivityDayTotal_volunteer_update",
    "ActivityDayTotal_volunteer_delete",
    "ActivityTypeDayTotal_volunteer_update",
    "ActivityTypeDayTotal_volunteer_delete",
  ],
  ActivityReach: ["ActivityReach_copy_on_insert"],
  FollowUp: [
    "FollowUp_openedOn_on_insert",
    "FollowUp_openedOn_on_reopen",
    "FollowUp_tally_insert",
    "FollowUp_tally_update",
    "FollowUp_tally_delete",
  ],
  // AuditLogHour: docs/decisions/031
  AuditLog: ["AuditLogHour_insert", "AuditLogHour_delete", "AuditLogHour_move"],
  // the append-only money ledger: docs/decisions/009
  MoneyEntry: [
    "MoneyEntry_no_delete",
    "MoneyEntry_no_change",
    "MoneyEntry_decided_once",
    "MoneyEntry_decision_fixed",
    "MoneyEntry_receipt_once",
  ],
} as const satisfies Record<string, readonly string[]>;

export type KeptTrigger = { trigger: string; table: string };

/** The expected triggers, one entry each. */
export function keptTriggers(): KeptTrigger[] {
  return Object.entries(KEPT_TRIGGERS).flatMap(([table, triggers]) => triggers.map((trigger) => ({ trigger, table })));
}

/** The expected triggers that the database does not have (on their table), in the list's order. */
export async function missingKeptTriggers(): Promise<KeptTrigger[]> {
  const rows = await db.$queryRaw<{ name: string; tbl_name: string }[]>`
    SELECT "name", "tbl_name" FROM sqlite_master WHERE "type" = 'trigger'`;
  const present = new Set(rows.map((row) => `${row.tbl_name}\u0000${row.name}`));
  return keptTriggers().filter((kept) => !present.has(`${kept.table}\u0000${kept.trigger}`));
}

/** The log's message for missing triggers. */
export function missingTriggersMessage(missing: KeptTrigger[]): string {
  return (
    `database: ${missing.length} trigger(s) that keep the member search, counts and totals in step are MISSING: ` +
    `${missing.map((m) => `"${m.trigger}" on "${m.table}"`).join(", ")}. ` +
    "A migration probably rebuilt their table (Prisma's RedefineTables drops a table's triggers). Search results and " +
    "counts are going wrong until a migration re-creates them and rebuilds what they keep: see " +
    "docs/decisions/030-member-search-fts.md and 031-lists-at-scale.md (the money ledger's: 009). /healthz answers 503 meanwhile."
  );
}

// The last check's answer. A healthy answer is kept (the migrations run before the server starts,
// so it holds until the next start, and /healthz stays as cheap as a ping); an unhealthy one is
// checked again on the next call, so a repair shows without a restart.
let lastCheck: Promise<KeptTrigger[]> | null = null;

/** Checks the triggers now; logs an error naming the missing ones. */
export function checkKeptTriggers(): Promise<KeptTrigger[]> {
  const check = missingKeptTriggers().then((missing) => {
    if (missing.length > 0) console.error(missingTriggersMessage(missing));
    return missing;
  });
  lastCheck = check;
  // a failed check (the database unreachable) is not remembered: the next call asks again
  check.catch(() => {
    if (lastCheck === check) lastCheck = null;
  });
  return check;
}

/** The missing triggers as of the last check (checking when there was none, or when some were missing). */
export async function keptTriggersHealth(): Promise<KeptTrigger[]> {
  const last = lastCheck ? await lastCheck.catch(() => null) : null;
  if (last && last.length === 0) return last;
  const missing = await missingKeptTriggers();
  // log again only when the answer changed (a repaired database logs nothing)
  if (missing.length > 0 && missing.length !== last?.length) console.error(missingTriggersMessage(missing));
  lastCheck = Promise.resolve(missing);
  return missing;
}
