// Hours in the contribution report are shown with one decimal, the same way on the report page,
// in the PDF and in the xlsx (whose cells hold the rounded value, so a sum in Excel matches the
// page): 20 minutes is 0,3 jam everywhere, never 0,33 on one and 0,3 on the other.
import { formatHours } from "./format";

/** Hours rounded to one decimal (half away from zero for the positive values hours are). */
export function reportHours(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

/** "6,5", "1.250", "0,3": report hours as written in Indonesian. */
export function formatReportHours(value: number): string {
  return formatHours(reportHours(value));
}
