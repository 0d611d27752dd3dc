// Calendar dates as forms post them and page numbers from a URL, without zod: pages that only show
// or read them do not load the validation library (docs/decisions/028). app/validation/fields.ts
// re-exports them with the field schemas.

/** "YYYY-MM-DD" -> Date at UTC midnight, or null when it is not a real calendar date. */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A date a schema has already checked, as a Date at UTC midnight (throws on anything else). */
export function calendarDateOf(value: string): Date {
  const parsed = parseCalendarDate(value);
  if (!parsed) throw new Error(`Not a calendar date: ${value}`);
  return parsed;
}

export const optionalCalendarDateOf = (value: string | null | undefined) => (value ? calendarDateOf(value) : null);

/** Date at UTC midnight -> "YYYY-MM-DD" (for date inputs). */
export function toDateInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return (date instanceof Date ? date : new Date(date)).toISOString().slice(0, 10);
}

/** The last page number a list takes from a URL (?page=99999999999999999999 is page 100000, not a crash). */
export const MAX_PAGE = 100_000;

/** A page number from a URL's query: a whole number from 1, at most MAX_PAGE; anything else is page 1. */
export function parsePage(value: string | null | undefined): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}
