import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { PASSWORD_MIN } from "./auth-values";
export { safeRedirect, PASSWORD_MIN } from "./auth-values";

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

/** A new password as every form that sets one takes it: 10 to 200 characters, not only spaces. */
export const newPasswordField = z
  .string({ error: t("validation.passwordRequired") })
  .min(PASSWORD_MIN, t("validation.passwordTooShort", { min: PASSWORD_MIN }))
  .max(200, t("validation.tooLong", { max: 200 }))
  .refine((v) => v.trim().length > 0, t("validation.passwordRequired"));

/** A new password typed twice (`password`, `confirm`): the two must match. */
export const newPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string({ error: t("validation.passwordRequired") }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t("validation.passwordMismatch") });
export type NewPasswordData = z.output<typeof newPasswordSchema>;
