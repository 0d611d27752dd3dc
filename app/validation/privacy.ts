import { t } from "~/i18n";
import { z } from "~/validation/zod";
import { RETENTION_MONTHS } from "./privacy-values";
export { PRIVACY_NOTICE_VERSION, RETENTION_MONTHS } from "./privacy-values";

/** The consent form: the box must be ticked. */
export const consentSchema = z.object({
  agree: z.literal("on", { error: t("privacy.consent.required") }),
});

/** The board's anonymisation form: a reason and the typed confirmation word. */
export const anonymiseSchema = z.object({
  reason: z
    .string({ error: t("validation.required") })
    .trim()
    .min(5, t("validation.required"))
    .max(500, t("validation.tooLong", { max: 500 })),
  confirmation: z.string({ error: t("privacy.anonymise.confirmWrong") }).trim(),
});

const monthsMessage = () => t("privacy.retention.settings.range", RETENTION_MONTHS);
const months = () =>
  z.coerce
    .number({ error: monthsMessage() })
    .int(monthsMessage())
    .min(RETENTION_MONTHS.min, monthsMessage())
    .max(RETENTION_MONTHS.max, monthsMessage());

/** The chapter's retention periods (months). */
export const retentionSchema = z.object({
  memberRetentionMonths: months(),
  caseIdentifierRetentionMonths: months(),
});
export type RetentionData = z.output<typeof retentionSchema>;
