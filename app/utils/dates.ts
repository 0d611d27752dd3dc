// Calendar dates (stored as UTC midnight) and the chapter's "today". A board position or a
// period runs over calendar days in the chapter's time zone, not over UTC days.

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one (about 0.1 ms, on every request
// that checks a date): one per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string) {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Today in the time zone, as a calendar date at UTC midnight. */
export function calendarToday(timeZone: string, now = new Date()): Date {
  const parts = dayFormat(timeZone).format(now);
  return new Date(`${parts}T00:00:00.000Z`);
}

/**
 * "YYYY-MM-DD" of a value: a calendar date (UTC midnight) as stored, an instant as the day it is
 * in the time zone (for file names and date inputs; never `toISOString().slice(0, 10)` on an
 * instant, which names the UTC day).
 */
export function isoCalendarDate(value: Date, timeZone: string): string {
  const day = value.getTime() % DAY_MS === 0 ? value : calendarToday(timeZone, value);
  return day.toISOString().slice(0, 10);
}

/** The same moment `months` calendar months later (earlier when negative), in UTC. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** The calendar date n days later (earlier for negative n). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whether two inclusive ranges of calendar dates share a day (a null end never ends). */
export function rangesOverlap(a: { start: Date; end: Date | null }, b: { start: Date; end: Date | null }): boolean {
  const aEnd = a.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.start.getTime() <= bEnd && b.start.getTime() <= aEnd;
}
