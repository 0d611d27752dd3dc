// The notification preferences form on /profile: per kind, "portal" (in the portal only) or
// "email" (also by email). A kind the form does not name keeps its choice. And the chapter's
// reminder settings on /chapter/profile.
import { NotificationKind } from "~/generated/prisma/enums";
import { t, type MessageKey } from "~/i18n";
import { z } from "./zod";

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
export type { NotificationKind };

export const notificationPrefsSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.enum(["portal", "email"]).optional()])) as Record<
      NotificationKind,
      z.ZodOptional<z.ZodEnum<{ portal: "portal"; email: "email" }>>
    >,
  )
  .transform((values) => {
    const chosen: Partial<Record<NotificationKind, boolean>> = {};
    for (const kind of NOTIFICATION_KINDS) if (values[kind]) chosen[kind] = values[kind] === "email";
    return chosen;
  });

/** The ranges of the chapter's reminder settings (days; the report's due day of the month). */
export const REMINDER_LIMITS = {
  verificationReminderDays: { min: 1, max: 30 },
  reportDueDay: { min: 1, max: 28 },
  // well under the 6 months a read notification is kept (the reminder's event key must not come back after it is deleted)
  certificateWarningDays: { min: 1, max: 90 },
} as const;

/** A whole number in the range, from the form's text; one message for every wrong input. */
const wholeIn = (range: { min: number; max: number }, message: MessageKey) => {
  const text = t(message, range);
  return z
    .string({ error: text })
    .trim()
    .regex(/^\d{1,4}$/, text)
    .transform(Number)
    .refine((n) => n >= range.min && n <= range.max, text);
};

/** The chapter's reminder days: the verification digest threshold, the report due day, the certificate warning. */
export const reminderSettingsSchema = z.object({
  verificationReminderDays: wholeIn(REMINDER_LIMITS.verificationReminderDays, "notifications.settings.error.verificationDays"),
  reportDueDay: wholeIn(REMINDER_LIMITS.reportDueDay, "notifications.settings.error.reportDueDay"),
  certificateWarningDays: wholeIn(REMINDER_LIMITS.certificateWarningDays, "notifications.settings.error.certificateDays"),
});
export type ReminderSettingsData = z.output<typeof reminderSettingsSchema>;

/** The outbox page's status filter: what needs attention (the default), everything, or one status. */
export const OUTBOX_FILTERS = ["problems", "all", "pending", "sending", "sent", "failed", "uncertain"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

/** `?status=` as a filter; anything unknown is the default. */
export function parseOutboxFilter(value: string | null): OutboxFilter {
  return (OUTBOX_FILTERS as readonly string[]).includes(value ?? "") ? (value as OutboxFilter) : "problems";
}

/** "Kirim ulang" on /notifications/outbox: one failed or uncertain email, confirmed with a tick. */
export const outboxRetrySchema = z.object({
  intent: z.literal("retry"),
  id: z.string().trim().min(1),
  confirm: z.literal("ya", { error: t("notifications.outbox.retryConfirmRequired") }),
});
