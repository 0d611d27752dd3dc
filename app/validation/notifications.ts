// The notification preferences form on /profile: per kind, "portal" (in the portal only) or
// "email" (also by email). A kind the form does not name keeps its choice. And the chapter's
// reminder settings on /chapter/profile.
import { NotificationKind } from "~/generated/prisma/enums";
import { t, type MessageKey } from "~/i18n";
import { z } from "./zod";
import { REMINDER_LIMITS, OUTBOX_FILTERS } from "./notification-values";
export { REMINDER_LIMITS, OUTBOX_FILTERS } from "./notification-values";

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
