// Field schemas shared by the forms of every area: texts, calendar dates (as a form posts them),
// amounts of rupiah. Every schema in app/validation builds on these, so a rule here holds on the
// server and, through react-hook-form, in the browser.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { parseCalendarDate, toDateInput } from "./field-values";
export { parseCalendarDate, calendarDateOf, optionalCalendarDateOf, toDateInput, MAX_PAGE, parsePage } from "./field-values";

// ---------------------------------------------------------------------------------------------
// Texts

/**
 * Control characters no person types: NUL, the other C0 codes except tab, line feed and
 * carriage return, DEL and the C1 codes. They are removed, never stored.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * A text as it is kept: control characters removed, line ends as "\n" (kept in a multi-line
 * field such as an address or notes, a single space in a one-line field), tabs as a space,
 * spaces around trimmed.
 */
export function cleanText(value: string, multiline = false): string {
  const text = value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(CONTROL_CHARACTERS, "")
    .replace(/\t/g, " ");
  return (multiline ? text.replace(/[ ]+\n/g, "\n") : text.replace(/\s*\n\s*/g, " ")).trim();
}

export type TextOptions = {
  /** Most characters allowed; a longer text is refused with the limit in the message, never cut. */
  max: number;
  /** Keep line breaks (addresses, notes, descriptions). */
  multiline?: boolean;
  /** Fewest characters (default 1), with its own message. */
  min?: number;
  minMessage?: string;
};

/** A required free-text field: cleaned (see cleanText), at least `min`, at most `max` characters. */
export function text({ max, multiline = false, min = 1, minMessage }: TextOptions) {
  return z
    .string({ error: t("validation.required") })
    .overwrite((v) => cleanText(v, multiline))
    .min(1, t("validation.required"))
    .min(min, minMessage ?? t("validation.required"))
    .max(max, t("validation.tooLong", { max }));
}

/** An optional free-text field: cleaned, at most `max` characters; empty -> null. */
export function optionalTextField({ max, multiline = false }: Pick<TextOptions, "max" | "multiline">) {
  return z
    .string()
    .overwrite((v) => cleanText(v, multiline))
    .max(max, t("validation.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : null));
}

export const requiredText = (max: number, options: Omit<TextOptions, "max"> = {}) => text({ max, ...options });

export const optionalText = (max: number, options: Pick<TextOptions, "multiline"> = {}) => optionalTextField({ max, ...options });

// ---------------------------------------------------------------------------------------------
// Calendar dates

/** The earliest date a form takes (a join date, an SK, an activity, a training...). */
export const EARLIEST_DATE_YEAR = 1950;
/** How many years ahead of this year a form's date may lie (a planned activity, an agreement's end). */
export const DATE_YEARS_AHEAD = 30;
/** The oldest a person's birth date may make them. */
export const MAX_AGE_YEARS = 100;

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const today = (now: Date) => utc(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
/** "DD-MM-YYYY", as the messages name a date. */
const dayMonthYear = (date: Date) => toDateInput(date).split("-").reverse().join("-");

/** The range of an ordinary date on a form: 1 January 1950 to 31 December thirty years from now (a board term planned ahead, an agreement). */
export function dateBounds(now = new Date()): { min: Date; max: Date } {
  return { min: utc(EARLIEST_DATE_YEAR, 1, 1), max: utc(now.getUTCFullYear() + DATE_YEARS_AHEAD, 12, 31) };
}

/** The range of a birth date: at most 100 years ago, at latest today. */
export function birthDateBounds(now = new Date()): { min: Date; max: Date } {
  const end = today(now);
  return { min: utc(end.getUTCFullYear() - MAX_AGE_YEARS, end.getUTCMonth() + 1, end.getUTCDate()), max: end };
}

function checkDate(value: string, ctx: z.RefinementCtx, bounds: (now?: Date) => { min: Date; max: Date }, birth: boolean) {
  const date = parseCalendarDate(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: t("validation.date") });
    return;
  }
  const { min, max } = bounds();
  if (date >= min && date <= max) return;
  if (birth) {
    ctx.addIssue({
      code: "custom",
      message: date > max ? t("validation.futureDate") : t("validation.birthDateRange", { min: dayMonthYear(min), years: MAX_AGE_YEARS }),
    });
  } else {
    ctx.addIssue({ code: "custom", message: t("validation.dateRange", { min: dayMonthYear(min), max: dayMonthYear(max) }) });
  }
}

/** A required date "YYYY-MM-DD" within dateBounds (refuses 31/02, 2026-13-45 and 9999-12-31). */
export const calendarDate = z
  .string({ error: t("validation.required") })
  .trim()
  .min(1, t("validation.required"))
  .superRefine((v, ctx) => checkDate(v, ctx, dateBounds, false));

/** An optional date within dateBounds; empty stays empty. */
export const optionalCalendarDate = z
  .string()
  .trim()
  .optional()
  .superRefine((v, ctx) => {
    if (v) checkDate(v, ctx, dateBounds, false);
  });

/** A birth date: not in the future, no more than 100 years ago. */
export const birthDate = z
  .string({ error: t("validation.required") })
  .trim()
  .min(1, t("validation.required"))
  .superRefine((v, ctx) => checkDate(v, ctx, birthDateBounds, true));

// ---------------------------------------------------------------------------------------------
// Rupiah

/** The largest amount a form takes: Rp 1.000.000.000.000 (one trillion). */
export const MAX_RUPIAH = 1_000_000_000_000;

export type RupiahReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * Rupiah as typed, the one parser of every money field. Rupiah has no decimals, so only a whole
 * amount is taken, written plainly ("1500000"), with dots between thousands ("1.500.000"), with
 * spaces between thousands (" 1 500 000 ") and optionally after "Rp" ("Rp 1.500.000",
 * "Rp1.500.000"). A zero fraction as accounting writes it ("1.500.000,00", "1.500.000,-") is the
 * same whole amount. Anything else is refused rather than guessed: "1.5" and "1,5" are not
 * Rp15, "1,500,000" is not read as an English amount, "1e6" is not a number of rupiah.
 */
export function readRupiah(input: string, { allowZero = false }: { allowZero?: boolean } = {}): RupiahReading {
  const value = input.replace(/[\u00A0\u202F]/g, " ").trim();
  if (/^-\s*(rp\.?\s*)?\d/i.test(value) || /^rp\.?\s*-/i.test(value)) return { ok: false, message: t("validation.rupiahNegative") };
  const amount = value
    .replace(/^rp\.?\s*/i, "")
    .replace(/(,0{1,2}|,-)$/, "")
    .trim();
  let digits: string | null = null;
  if (/^\d+$/.test(amount)) digits = amount;
  else if (/^\d{1,3}(\.\d{3})+$/.test(amount)) digits = amount.replace(/\./g, "");
  else if (/^\d{1,3}( \d{3})+$/.test(amount)) digits = amount.replace(/ /g, "");
  if (digits === null) return { ok: false, message: allowZero ? t("validation.rupiahOrZero") : t("validation.rupiah") };
  const n = Number(digits);
  if (n > MAX_RUPIAH) return { ok: false, message: t("validation.rupiahTooLarge") };
  if (n === 0 && !allowZero) return { ok: false, message: t("validation.rupiah") };
  return { ok: true, value: n };
}

/** Rupiah as typed -> whole rupiah, or null when readRupiah refuses it (zero is taken). */
export function parseRupiah(value: string): number | null {
  const reading = readRupiah(value, { allowZero: true });
  return reading.ok ? reading.value : null;
}

const rupiahSchema = (allowZero: boolean) =>
  z
    .string({ error: t("validation.rupiah") })
    .superRefine((v, ctx) => {
      const reading = readRupiah(v, { allowZero });
      if (!reading.ok) ctx.addIssue({ code: "custom", message: reading.message });
    })
    .transform((v) => {
      const reading = readRupiah(v, { allowZero });
      return reading.ok ? reading.value : 0;
    });

/**
 * An amount of money above zero as typed into a form (see readRupiah). A minus sign gets its own
 * message: corrections are made by reversing an entry, not by a negative amount.
 */
export const rupiahAmount = rupiahSchema(false);

/** An amount of money that may be zero (a threshold, a value of aid given in kind). */
export const rupiahAmountOrZero = rupiahSchema(true);
