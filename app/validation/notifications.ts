// The notification preferences form on /profile: per kind, "portal" (in the portal only) or
// "email" (also by email). A kind the form does not name keeps its choice.
import { NotificationKind } from "~/generated/prisma/enums";
import { t } from "~/i18n";
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
