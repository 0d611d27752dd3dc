// The audit log's filters as the URL carries them (/audit?actor=&member=&action=&from=&to=&page=):
// shared by the page, its spreadsheet export and the tests. Bad values are dropped with a note,
// never an error page: the page still shows the log.
import type { MessageKey } from "~/i18n";
import { parseCalendarDate, parsePage } from "./field-values";

export type AuditFilters = {
  /** the user who acted (a User id) */
  actorId?: string;
  /** text naming a member (name or member number); the log of that member's records */
  member?: string;
  /** one action ("member.update") */
  action?: string;
  /** calendar days in the chapter's time zone, "YYYY-MM-DD", both included */
  from?: string;
  to?: string;
};

const MAX_TEXT = 100;

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value.slice(0, MAX_TEXT) : undefined;
}

/** The filters of a query string, with the notes to show for values that were dropped or fixed. */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; notes: MessageKey[] } {
  const notes: MessageKey[] = [];
  const filters: AuditFilters = {};
  const actorId = text(params, "actor");
  if (actorId) filters.actorId = actorId;
  const member = text(params, "member");
  if (member) filters.member = member;
  const action = text(params, "action");
  if (action && /^[a-z0-9.+-]+$/i.test(action)) filters.action = action;
  let invalidDate = false;
  for (const name of ["from", "to"] as const) {
    const value = text(params, name);
    if (!value) continue;
    if (parseCalendarDate(value)) filters[name] = value;
    else invalidDate = true;
  }
  if (invalidDate) notes.push("audit.filter.invalidDate");
  if (filters.from && filters.to && filters.from > filters.to) {
    [filters.from, filters.to] = [filters.to, filters.from];
    notes.push("audit.filter.rangeReversed");
  }
  return { filters, notes };
}

/** "?actor=...&from=..." for links that keep the filters (empty string without any). */
export function auditFiltersQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.actorId) params.set("actor", filters.actorId);
  if (filters.member) params.set("member", filters.member);
  if (filters.action) params.set("action", filters.action);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function parseAuditPage(params: URLSearchParams): number {
  return parsePage(params.get("page"));
}
