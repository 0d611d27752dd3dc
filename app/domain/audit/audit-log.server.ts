// Reading the audit log: the board's page (/audit) and its spreadsheet. Always one chapter (the
// reader's), filtered by who acted, which member, which action and which days (in the chapter's
// time zone), a page at a time. Before/after come back as a list of changed fields with
// Indonesian labels; NIK and KK numbers are masked again on the way out (docs/decisions/005), so
// that a record written before the writer masked them does not show them whole.
import { auditLogXlsx, type AuditLogRow } from "~/documents/xlsx/audit-log";
import { can, type Actor } from "~/domain/shared/actor.server";
import { searchMemberIds } from "~/domain/members/search.server";
import { forbidden, ok } from "~/domain/shared/outcome.server";
import { readPage } from "~/domain/shared/pages.server";
import { t, type MessageKey } from "~/i18n/index";
import { activityStatusLabel, memberStatusLabel } from "~/i18n/labels";
import { id as catalogue } from "~/i18n/id";
import { maskIdentifiers, recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { formatCalendarDateShort, formatNumber, formatRupiah } from "~/utils/format";
import type { AuditFilters } from "~/validation/audit";

/** The board positions with read:audit (and administrators) read their chapter's log. */
const canReadAudit = (actor: Actor) => can(actor, "read:audit:chapter");

export const AUDIT_PAGE_SIZE = 25;
/** More rows than this are not exported (the summary sheet says so); narrow the filters instead. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** A member filter naming more members than this uses the first ones (by name). */
const MEMBER_MATCH_LIMIT = 200;

// ---------------------------------------------------------------------------------------------
// Filters

/** The offset of a time zone from UTC at a moment, in milliseconds (WIB: +7 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The moment a calendar day ("2026-01-20") begins in the time zone. */
export function startOfDayIn(day: string, timeZone: string, addDays = 0): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`) + addDays * 86_400_000;
  return new Date(midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone));
}

/** The members of the chapter a member filter names: by member number, else by name. */
async function membersNamed(chapterId: string, text: string): Promise<string[]> {
  const byNumber = await db.member.findMany({ where: { chapterId, memberNumber: text }, select: { id: true } });
  if (byNumber.length > 0) return byNumber.map((m) => m.id);
  return searchMemberIds({ chapterId, search: text, take: MEMBER_MATCH_LIMIT });
}

async function whereFor(reader: Actor, filters: AuditFilters): Promise<{ where: Prisma.AuditLogWhereInput; memberNotFound: boolean }> {
  const where: Prisma.AuditLogWhereInput = { chapterId: reader.chapterId };
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.action) where.action = filters.action;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: startOfDayIn(filters.from, reader.timeZone) } : {}),
      ...(filters.to ? { lt: startOfDayIn(filters.to, reader.timeZone, 1) } : {}),
    };
  }
  let memberNotFound = false;
  if (filters.member) {
    const ids = await membersNamed(reader.chapterId, filters.member);
    memberNotFound = ids.length === 0;
    where.entityType = "Member";
    where.entityId = { in: ids };
  }
  return { where, memberNotFound };
}

// ---------------------------------------------------------------------------------------------
// Presenting a record

export type AuditChange = { field: string; before?: string; after?: string };

const entrySelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actorId: true,
  actor: { select: { name: true } },
} satisfies Prisma.AuditLogSelect;
type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>;

function has(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** "Data anggota diubah" for "member.update"; "Tindakan lain (x.y)" for an action without a text. */
export function auditActionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : t("audit.action.other", { action });
}

export function auditEntityLabel(entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return has(key) ? t(key) : entityType;
}

/** A field's Indonesian name ("address" -> "Alamat"); the key itself when there is none. */
export function auditFieldLabel(key: string): string {
  const own = `audit.field.${key}`;
  if (has(own)) return t(own);
  const member = `members.field.${key}`;
  if (has(member)) return t(member).replace(/\s*\(tidak wajib\)$/, "");
  return key;
}

/** The actions the filter offers: every action with a text, by its label. */
export function auditActionOptions(): { value: string; label: string }[] {
  return Object.keys(catalogue)
    .filter((key) => key.startsWith("audit.action.") && key !== "audit.action.other")
    .map((key) => ({ value: key.slice("audit.action.".length), label: t(key as MessageKey) }))
    .sort((a, b) => a.label.localeCompare(b.label, "id"));
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const MONEY_KEYS = new Set(["amount", "financeApprovalThreshold", "aidValue", "budget", "value"]);

function showValue(key: string, value: unknown, entityType: string, timeZone: string): string {
  if (value === null || value === undefined || value === "") return t("audit.empty.value");
  if (typeof value === "boolean") return value ? t("audit.yes") : t("audit.no");
  if (typeof value === "number") return MONEY_KEYS.has(key) ? formatRupiah(value) : formatNumber(value);
  if (typeof value === "string") {
    if (key === "status" && entityType === "Member") return memberStatusLabel(value);
    if (key === "status" && entityType === "Activity") return activityStatusLabel(value);
    // A value shaped like a date but not one ("2026-13-45", typed into a filter) is shown as written.
    const asDate = CALENDAR_DATE.test(value) || MOMENT.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
    if (!asDate || Number.isNaN(asDate.getTime())) return value;
    return CALENDAR_DATE.test(value) ? formatCalendarDateShort(asDate) : momentText(asDate, timeZone);
  }
  if (Array.isArray(value)) return value.map((item) => showValue(key, item, entityType, timeZone)).join(", ");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== "");
    return entries.length === 0
      ? t("audit.empty.value")
      : entries.map(([k, v]) => `${auditFieldLabel(k)}: ${showValue(k, v, entityType, timeZone)}`).join("; ");
  }
  return String(value);
}

function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return maskIdentifiers(JSON.parse(text));
  } catch {
    return maskIdentifiers(text);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/**
 * The changed fields of a record: each field of before and after once, with both values when
 * both are there; fields whose value did not change are left out.
 */
export function auditChanges(beforeText: string | null, afterText: string | null, entityType: string, timeZone: string): AuditChange[] {
  const before = parseStored(beforeText);
  const after = parseStored(afterText);
  if (!isRecord(before) && !isRecord(after)) {
    const change: AuditChange = { field: "" };
    if (before !== null) change.before = showValue("", before, entityType, timeZone);
    if (after !== null) change.after = showValue("", after, entityType, timeZone);
    return before === null && after === null ? [] : [change];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const inBefore = key in b;
    const inAfter = key in a;
    if (inBefore && inAfter && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const change: AuditChange = { field: auditFieldLabel(key) };
    if (inBefore) change.before = showValue(key, b[key], entityType, timeZone);
    if (inAfter) change.after = showValue(key, a[key], entityType, timeZone);
    changes.push(change);
  }
  return changes;
}

/** "Alamat: Jl. A → Jl. B; Status: Aktif" (for the spreadsheet). */
export function changesText(changes: AuditChange[]): string {
  return changes
    .map((c) => {
      const value = c.before !== undefined && c.after !== undefined ? `${c.before} → ${c.after}` : (c.after ?? c.before ?? "");
      return c.field ? `${c.field}: ${value}` : value;
    })
    .join("; ");
}

/** Names of the members the rows are about, one query for the lot. */
async function memberNames(chapterId: string, rows: Pick<EntryRow, "entityType" | "entityId">[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.filter((r) => r.entityType === "Member").map((r) => r.entityId))];
  if (ids.length === 0) return new Map();
  const members = await db.member.findMany({
    where: { chapterId, id: { in: ids } },
    select: { id: true, fullName: true, memberNumber: true },
  });
  return new Map(members.map((m) => [m.id, m.memberNumber ? `${m.fullName} (${m.memberNumber})` : m.fullName]));
}

// One formatter per time zone: building an Intl.DateTimeFormat per row made a 50,000-row export
// spend most of its time constructing formatters.
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** "20/01/2026 14.30" in the time zone (as formatDateShort and formatTime print it). */
function momentText(at: Date, timeZone: string): string {
  let format = momentFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("id-ID", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone,
    });
    momentFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}.${parts.minute}`;
}

function present(row: EntryRow, names: Map<string, string>, timeZone: string) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    atText: momentText(row.at, timeZone),
    actorName: row.actorId ? (row.actor?.name ?? t("audit.deletedUser")) : t("audit.system"),
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: auditEntityLabel(row.entityType),
    entityName: names.get(row.entityId) ?? null,
    memberId: row.entityType === "Member" && names.has(row.entityId) ? row.entityId : null,
    changes: auditChanges(row.before, row.after, row.entityType, timeZone),
  };
}
export type AuditEntryView = ReturnType<typeof present>;

// ---------------------------------------------------------------------------------------------
// The page

/** Newest first; the id makes the order total, so that a deep page can be read from the end (shared/pages.server.ts). */
const PAGE_ORDER: { at?: "asc" | "desc"; id?: "asc" | "desc" }[] = [{ at: "desc" }, { id: "desc" }];

/**
 * How many records the chapter's log has in the filter's days, from AuditLogHour (kept by
 * database triggers: one row per hour instead of every record); null when the filter names a
 * person, a member or an action, or when a day does not begin on a whole hour in the time zone.
 */
async function countByHours(reader: Actor, filters: AuditFilters): Promise<number | null> {
  if (filters.actorId || filters.action || filters.member) return null;
  const from = filters.from ? startOfDayIn(filters.from, reader.timeZone) : null;
  const to = filters.to ? startOfDayIn(filters.to, reader.timeZone, 1) : null;
  if ([from, to].some((moment) => moment && moment.getTime() % 3_600_000 !== 0)) return null;
  const sum = await db.auditLogHour.aggregate({
    where: { chapterId: reader.chapterId, hour: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } },
    _sum: { records: true },
  });
  return sum._sum.records ?? 0;
}

/** A page of the actor's chapter's log, newest first, with the total and the chapter's name. */
export async function listAuditLog(reader: Actor, filters: AuditFilters, page: number) {
  if (!canReadAudit(reader)) return forbidden();
  const { where, memberNotFound } = await whereFor(reader, filters);
  const total = (await countByHours(reader, filters)) ?? (await db.auditLog.count({ where }));
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await readPage(PAGE_ORDER, current, total, AUDIT_PAGE_SIZE, (window) =>
    db.auditLog.findMany({ where, select: entrySelect, ...window }),
  );
  const [names, chapter] = await Promise.all([
    memberNames(reader.chapterId, rows),
    db.chapter.findUniqueOrThrow({ where: { id: reader.chapterId }, select: { name: true } }),
  ]);
  return ok({
    chapterName: chapter.name,
    total,
    page: current,
    pages,
    memberNotFound,
    entries: rows.map((row) => present(row, names, reader.timeZone)),
  });
}

/**
 * The people the person filter offers: the chapter's accounts and the administrators (who work in
 * any chapter), by name. Not "who appears in the log": that needs a pass over the whole log
 * (0.6 s for 200,000 records) on every page view.
 */
export async function auditActors(reader: Actor): Promise<{ id: string; name: string }[]> {
  if (!canReadAudit(reader)) return [];
  return db.user.findMany({
    where: { OR: [{ chapterId: reader.chapterId }, { role: "admin" }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet

const BATCH = 2_000;

function filtersText(filters: AuditFilters, actorName: string | null): string {
  const parts = [
    filters.actorId ? `${t("audit.filter.actor")}: ${actorName ?? filters.actorId}` : null,
    filters.member ? `${t("audit.filter.member")}: ${filters.member}` : null,
    filters.action ? `${t("audit.filter.action")}: ${auditActionLabel(filters.action)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : t("audit.filter.all");
}

/**
 * The filtered log's records as the spreadsheet's rows, newest first, read in batches by keyset
 * so that records written meanwhile neither repeat nor go missing; `counted.rows` says how many.
 */
async function* exportRows(reader: Actor, where: Prisma.AuditLogWhereInput, counted: { rows: number }): AsyncGenerator<AuditLogRow> {
  let last: { at: Date; id: string } | null = null;
  while (counted.rows < AUDIT_EXPORT_MAX_ROWS) {
    // The next rows after `last` in (at desc, id desc): the rest of last's moment, then the
    // earlier moments. Two plain ranges, which the [chapterId, at] index serves; the OR of both
    // in one query made SQLite scan the chapter's log for every batch.
    const take = Math.min(BATCH, AUDIT_EXPORT_MAX_ROWS - counted.rows);
    const page: EntryRow[] = [];
    if (last) {
      page.push(
        ...(await db.auditLog.findMany({
          where: { AND: [where, { at: last.at, id: { lt: last.id } }] },
          select: entrySelect,
          orderBy: { id: "desc" },
          take,
        })),
      );
    }
    if (page.length < take) {
      page.push(
        ...(await db.auditLog.findMany({
          where: last ? { AND: [where, { at: { lt: last.at } }] } : where,
          select: entrySelect,
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: take - page.length,
        })),
      );
    }
    if (page.length === 0) return;
    const names = await memberNames(reader.chapterId, page);
    for (const row of page) {
      const entry = present(row, names, reader.timeZone);
      yield {
        atText: entry.atText,
        actorName: entry.actorName,
        actionLabel: entry.actionLabel,
        entityLabel: entry.entityLabel,
        entityName: entry.entityName,
        entityId: entry.entityId,
        changes: changesText(entry.changes),
      };
    }
    counted.rows += page.length;
    const tail = page[page.length - 1]!;
    last = { at: tail.at, id: tail.id };
    if (page.length < take) return;
  }
}

/**
 * The filtered log as an .xlsx (a summary sheet and one row per record, newest first; at most
 * AUDIT_EXPORT_MAX_ROWS). The export itself is audited ("audit.export", with the filters and the count).
 */
export async function exportAuditLog(reader: Actor, filters: AuditFilters, now = new Date()) {
  if (!canReadAudit(reader)) return forbidden();
  const { where } = await whereFor(reader, filters);
  const [total, chapter, actor] = await Promise.all([
    db.auditLog.count({ where }),
    db.chapter.findUniqueOrThrow({ where: { id: reader.chapterId }, select: { name: true, code: true } }),
    filters.actorId ? db.user.findUnique({ where: { id: filters.actorId }, select: { name: true } }) : null,
  ]);
  const counted = { rows: 0 };
  const bytes = await auditLogXlsx(
    {
      chapterName: chapter.name,
      from: filters.from ?? null,
      to: filters.to ?? null,
      filters: filtersText(filters, actor?.name ?? null),
      count: total,
      cutAt: total > AUDIT_EXPORT_MAX_ROWS ? AUDIT_EXPORT_MAX_ROWS : null,
      printedAt: now,
      timeZone: reader.timeZone,
    },
    exportRows(reader, where, counted),
  );
  await recordAudit({
    actorId: reader.userId,
    chapterId: reader.chapterId,
    action: "audit.export",
    entityType: "AuditLog",
    entityId: reader.chapterId,
    after: { format: "xlsx", count: counted.rows, filters },
  });
  return ok({ bytes, fileName: `log-audit-${chapter.code.toLowerCase()}.xlsx` });
}
