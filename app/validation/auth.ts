import { z } from "~/validation/zod";
import { t } from "~/i18n";

/** The login form: posted to /login as `email` and `password`. */
export const loginSchema = z.object({
  email: z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, t("validation.required"))
    .pipe(z.email(t("validation.email")))
    .transform((v) => v.toLowerCase()),
  password: z.string({ error: t("validation.passwordRequired") }).min(1, t("validation.passwordRequired")),
});
export type LoginInput = z.input<typeof loginSchema>;

/** Only local paths may follow a login, never another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
