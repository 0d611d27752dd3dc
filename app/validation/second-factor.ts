// The second factor's forms (docs/decisions/024): the 6-digit code of the sign-in's second step,
// a recovery code, turning it on (code and password), turning it off or making new recovery
// codes (a code or the password), and the administrator's chapter setting.
import { t } from "~/i18n";
import { z } from "~/validation/zod";
export { SECOND_FACTOR_PATH } from "./auth-values";

/** Digits of an authenticator code (RFC 6238 as every authenticator app shows it). */
export const TOTP_DIGITS = 6;

/** Recovery codes: Crockford's base32 (no i, l, o, u), 12 characters (60 random bits), shown as xxxx-xxxx-xxxx. */
export const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 12;
export const RECOVERY_CODE_COUNT = 10;

/**
 * A recovery code as typed, reduced to its characters: case, spaces and dashes ignored, and the
 * letters a person reads for a digit (o for 0, i and l for 1) taken as that digit.
 */
export function normaliseRecoveryCode(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
}

/** A recovery code as shown: three groups of four. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** Whether a typed text is a 6-digit authenticator code (spaces allowed) rather than a password. */
export function looksLikeTotpCode(typed: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(typed.replace(/\s+/g, ""));
}

const totpCode = z
  .string({ error: t("secondFactor.error.code") })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), t("secondFactor.error.code")));

/** The sign-in's second step with the authenticator app (/login/code). */
export const signInCodeSchema = z.object({ code: totpCode });
export type SignInCodeInput = z.input<typeof signInCodeSchema>;

/** The sign-in's second step with a recovery code (/login/code). */
export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: t("secondFactor.error.recoveryCode") })
    .transform(normaliseRecoveryCode)
    .pipe(z.string().regex(new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`), t("secondFactor.error.recoveryCode"))),
});

/** Turning the second factor on: the first code the app shows, and the password (a borrowed session cannot do it). */
export const enrolSchema = z.object({
  code: totpCode,
  password: z.string({ error: t("validation.passwordRequired") }).min(1, t("validation.passwordRequired")),
});
export type EnrolInput = z.input<typeof enrolSchema>;

/** Turning it off, or making new recovery codes: a current code from the app, or the password. */
export const confirmIdentitySchema = z.object({
  confirm: z
    .string({ error: t("secondFactor.error.confirm") })
    .min(1, t("secondFactor.error.confirm"))
    .max(200, t("validation.tooLong", { max: 200 })),
});
export type ConfirmIdentityData = z.output<typeof confirmIdentitySchema>;

/** The administrator's chapter setting: board members handling money or personal data must use it. */
export const chapterSecondFactorSchema = z.object({
  requireSecondFactor: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
