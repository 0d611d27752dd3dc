// Field schemas shared by the forms of every area: texts, calendar dates (as a form posts them).
import { z } from "zod";
import { t } from "~/i18n";

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

export const requiredText = (max: number) =>
  z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, t("validation.required"))
    .max(max, t("validation.tooLong", { max }));

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, t("validation.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : null));

export const calendarDate = z
  .string({ error: t("validation.required") })
  .trim()
  .min(1, t("validation.required"))
  .refine((v) => parseCalendarDate(v) !== null, t("validation.date"));

export const optionalCalendarDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parseCalendarDate(v) !== null, t("validation.date"));

/** Rupiah as typed: "1.250.000", "Rp 1.250.000", "1250000" -> 1250000; null when not a whole amount. */
export function parseRupiah(value: string): number | null {
  const digits = value.replace(/^\s*rp\.?\s*/i, "").replace(/\./g, "").trim();
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * An amount of money as typed into a form: whole rupiah above zero ("1.250.000", "Rp 1.250.000").
 * A minus sign gets its own message: corrections are made by reversing an entry, not by a
 * negative amount.
 */
export const rupiahAmount = z
  .string({ error: t("validation.rupiah") })
  .trim()
  .superRefine((v, ctx) => {
    if (v.startsWith("-")) ctx.addIssue({ code: "custom", message: t("validation.rupiahNegative") });
    else if (parseRupiah(v) === null || parseRupiah(v) === 0) ctx.addIssue({ code: "custom", message: t("validation.rupiah") });
  })
  .transform((v) => parseRupiah(v) ?? 0);
