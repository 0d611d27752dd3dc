// The report period kinds, without zod: the reports page lists them before anything is typed
// (docs/decisions/028). app/validation/reports.ts re-exports them with its schemas.
import { ReportPeriodKind } from "~/generated/prisma/enums";

export const REPORT_PERIOD_KINDS = Object.values(ReportPeriodKind);
