// All formatting of dates, times, numbers and money for people, in one place (id-ID).
// Timestamps are stored in UTC and shown in the chapter's time zone; calendar dates (birth,
// join) are stored as UTC midnight and shown as they are.

const LOCALE = "id-ID";
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** WIB, WITA or WIT for an Indonesian IANA time zone (the zone name otherwise). */
export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

/**
 * One Intl.DateTimeFormat per pattern and time zone, made once: making one costs about 50 times
 * its format() call, which a list of 50 rows with two dates each paid 100 times per page.
 */
const DATE_PATTERNS: Record<"long" | "short" | "time" | "month", Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hour12: false },
  month: { month: "long", year: "numeric" },
};
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(pattern: "long" | "short" | "time" | "month", timeZone: string): Intl.DateTimeFormat {
  const key = `${pattern} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { ...DATE_PATTERNS[pattern], timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "20 Januari 2026": a moment, in the given time zone. */
export function formatDateLong(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("long", timeZone).format(toDate(value));
}

/** "20/01/2026": a moment, in the given time zone, for tables. */
export function formatDateShort(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("short", timeZone).format(toDate(value));
}

/** "14.30": the time of a moment in the given time zone. */
export function formatTime(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("time", timeZone).format(toDate(value));
}

/**
 * A calendar date (birth, join, SK, activity) is stored as UTC midnight and shown as it is; any
 * other value is an instant (a report sent, a card issued) and is shown on the chapter's calendar
 * day in its time zone: a report sent at 00:53 WIB on 3 December is on 3 December, not on the
 * 2nd its UTC date names. (In WIB, WITA and WIT a UTC midnight is the same day, so both agree.)
 */
function calendarZone(value: Date, timeZone: string): string {
  return isUtcMidnight(value) ? "UTC" : timeZone;
}

/** Whether the value is a calendar date as stored (UTC midnight), rather than an instant. */
function isUtcMidnight(value: Date): boolean {
  return value.getTime() % 86_400_000 === 0;
}

/** A calendar date stored as UTC midnight, or the chapter's day of an instant: "20 Januari 2026". */
export function formatCalendarDateLong(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  return formatDateLong(date, calendarZone(date, timeZone));
}

/** The month of a calendar date (or of an instant, in the chapter's time zone): "November 2026". */
export function formatMonth(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  return dateFormat("month", calendarZone(date, timeZone)).format(date);
}

/** A calendar date stored as UTC midnight, or the chapter's day of an instant, for tables: "20/01/2026". */
export function formatCalendarDateShort(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  return formatDateShort(date, calendarZone(date, timeZone));
}

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** "1.250" */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

const hoursFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** Hours and scores, which may have a fraction: "6,5", "1.250", "27,25". */
export function formatHours(value: number): string {
  return hoursFormat.format(value);
}

/** Whole rupiah as Indonesians write it: "Rp1.250.000", "-Rp5.000". */
export function formatRupiah(value: number): string {
  const sign = value < 0 ? "-" : "";
  return `${sign}Rp${integerFormat.format(Math.abs(Math.round(value)))}`;
}

/** "6171********0003": only the region part and the serial of an NIK or KK number. */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return "*".repeat(nik.length);
  return `${nik.slice(0, 4)}${"*".repeat(8)}${nik.slice(12)}`;
}

const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

/** Month 1-12 as the Roman numeral used in letter numbers ("III" for March). */
export function romanMonth(month: number): string {
  const roman = ROMAN_MONTHS[month - 1];
  if (!roman) throw new RangeError(`Month out of range: ${month}`);
  return roman;
}

const MONTH_NAMES = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;
const QUARTER_NUMERALS = ["I", "II", "III", "IV"] as const;

/** The period in words: "Maret 2026", "Triwulan I 2026", "Tahun 2026", "1 Maret 2026 – 15 April 2026". */
export function periodLabel(kind: string, start: Date, end: Date): string {
  const year = start.getUTCFullYear();
  if (kind === "month") return `${MONTH_NAMES[start.getUTCMonth()]} ${year}`;
  if (kind === "quarter") return `Triwulan ${QUARTER_NUMERALS[Math.floor(start.getUTCMonth() / 3)]} ${year}`;
  if (kind === "year") return `Tahun ${year}`;
  return `${formatCalendarDateLong(start)} – ${formatCalendarDateLong(end)}`;
}
