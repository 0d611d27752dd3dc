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

/** A base that no real address has: what a path resolves against to tell where a browser would go. */
const PROBE_ORIGIN = "https://portal.invalid";

/**
 * Only a path on this site may follow a login (or a chapter switch), judged as a browser reads it:
 * tabs and newlines are dropped, backslashes count as slashes, `//host` and `/\host` leave the
 * site. The answer is the normalised path (no control characters, so it is always a valid
 * Location header); anything else gives the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  // eslint-disable-next-line no-control-regex
  const stripped = to.replace(/[\u0000-\u001f\u007f]/g, "");
  if (!stripped.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(stripped, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // a path that starts with two slashes (from "/%2F/..." decoded by a server) is read as a host
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}

/** The shortest password the portal accepts anywhere a person chooses one (setup, invitation, reset, profile). */
export const PASSWORD_MIN = 10;

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
