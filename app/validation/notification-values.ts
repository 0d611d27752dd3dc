// The ranges of the chapter's reminder settings and the outbox's filters, without zod: the chapter
// profile and the outbox show them before anything is typed (docs/decisions/028).
// app/validation/notifications.ts re-exports them with its schemas.

/** The ranges of the chapter's reminder settings (days; the report's due day of the month). */
export const REMINDER_LIMITS = {
  verificationReminderDays: { min: 1, max: 30 },
  reportDueDay: { min: 1, max: 28 },
  // well under the 6 months a read notification is kept (the reminder's event key must not come back after it is deleted)
  certificateWarningDays: { min: 1, max: 90 },
} as const;

/** The outbox page's status filter: what needs attention (the default), everything, or one status. */
export const OUTBOX_FILTERS = ["problems", "all", "pending", "sending", "sent", "failed", "uncertain"] as const;
