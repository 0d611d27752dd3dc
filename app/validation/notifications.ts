// The notification preferences form on /profile: per kind, "portal" (in the portal only) or
// "email" (also by email). A kind the form does not name keeps its choice.
import { NotificationKind } from "~/generated/prisma/enums";
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
