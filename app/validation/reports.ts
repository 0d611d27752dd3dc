// Report rules that browser and server share: the period of a report (a month, a quarter, a
// year, or custom dates) and its words, and the Dinas Sosial's note when it returns a report.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { calendarDate, parseCalendarDate, text } from "./fields";

import { ReportPeriodKind, ReportStatus } from "~/generated/prisma/enums";
import { REPORT_PERIOD_KINDS } from "./report-values";
export { REPORT_PERIOD_KINDS } from "./report-values";
export { ReportPeriodKind, ReportStatus };
export const REPORT_STATUSES = Object.values(ReportStatus);

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0));

/** The form's period fields: kind, year, month (1-12), quarter (1-4), or start and end dates. */
export const reportPeriodSchema = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS, { error: t("reports.error.kind") }),
    year: z.string().trim().optional(),
    month: z.string().trim().optional(),
    quarter: z.string().trim().optional(),
    start: z.string().trim().optional(),
    end: z.string().trim().optional(),
    includeSubChapters: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
  })
  .transform((v, ctx) => {
    const year = Number(v.year);
    const needsYear = v.kind !== "custom";
    if (needsYear && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
      ctx.addIssue({ code: "custom", path: ["year"], message: t("reports.error.year") });
      return z.NEVER;
    }
    let start: Date | null = null;
    let end: Date | null = null;
    if (v.kind === "month") {
      const month = Number(v.month);
      if (!(Number.isInteger(month) && month >= 1 && month <= 12)) {
        ctx.addIssue({ code: "custom", path: ["month"], message: t("reports.error.month") });
        return z.NEVER;
      }
      start = utc(year, month, 1);
      end = lastDay(year, month);
    } else if (v.kind === "quarter") {
      const quarter = Number(v.quarter);
      if (!(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4)) {
        ctx.addIssue({ code: "custom", path: ["quarter"], message: t("reports.error.quarter") });
        return z.NEVER;
      }
      start = utc(year, quarter * 3 - 2, 1);
      end = lastDay(year, quarter * 3);
    } else if (v.kind === "year") {
      start = utc(year, 1, 1);
      end = utc(year, 12, 31);
    } else {
      start = v.start ? parseCalendarDate(v.start) : null;
      end = v.end ? parseCalendarDate(v.end) : null;
      if (!start) ctx.addIssue({ code: "custom", path: ["start"], message: t("validation.date") });
      if (!end) ctx.addIssue({ code: "custom", path: ["end"], message: t("validation.date") });
      if (!start || !end) return z.NEVER;
      if (end < start) {
        ctx.addIssue({ code: "custom", path: ["end"], message: t("reports.error.endBeforeStart") });
        return z.NEVER;
      }
      // both ends count: a leap year is 366 days, one day more is refused
      if ((end.getTime() - start.getTime()) / 86_400_000 + 1 > 366) {
        ctx.addIssue({ code: "custom", path: ["end"], message: t("reports.error.tooLong") });
        return z.NEVER;
      }
    }
    return { kind: v.kind, start, end, includeSubChapters: v.includeSubChapters };
  });
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;
export type ReportPeriod = z.output<typeof reportPeriodSchema>;

/** The Dinas Sosial returns a report with a note the board can act on. */
export const reviewSchema = z.object({
  note: text({ max: 1000, multiline: true, min: 5, minMessage: t("reports.error.note") }),
});

/** "Kota Pontianak" from the letterhead's "KOTA PONTIANAK" (for "Kepala Dinas Sosial Kota Pontianak"). */
export function areaName(letterheadSubtitle: string): string {
  return letterheadSubtitle.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The board issues a volunteer's certificate of service for an ended period (checked further on the server). */
export const certificateIssueSchema = z.object({
  memberId: z
    .string({ error: t("certificates.error.member") })
    .trim()
    .min(1, t("certificates.error.member")),
  start: calendarDate,
  end: calendarDate,
  /** the certificate of the same member and period that this one is issued again for, when the board confirms it */
  replaces: z.string().trim().optional(),
});
export type CertificateIssueInput = z.input<typeof certificateIssueSchema>;
export type CertificateIssueData = z.output<typeof certificateIssueSchema>;
