// The accounts list's filters as the URL carries them (/accounts?q=&role=&state=&page=), the
// board's deactivate/reactivate form, and the user's own password change (/profile).
import { Role } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import { z } from "~/validation/zod";
import { newPasswordField } from "./auth";
import { parsePage, text } from "./fields";
import { searchTerm } from "./members";
import { ACCOUNT_STATES } from "./auth-values";
export { ACCOUNT_STATES } from "./auth-values";

export const ACCOUNTS_PAGE_SIZE = 50;

export type AccountState = (typeof ACCOUNT_STATES)[number];

export type AccountFilters = { q?: string; role?: Role; state?: AccountState; page?: number };

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The /accounts filters from a URL's query; unknown values are dropped. */
export function parseAccountFilters(params: URLSearchParams): AccountFilters {
  return {
    q: searchTerm(params.get("q")),
    role: pick(Object.values(Role), params.get("role")),
    state: pick(ACCOUNT_STATES, params.get("state")),
    page: parsePage(params.get("page")),
  };
}

/** The query string that reproduces the filters (links to other pages). */
export function accountFiltersQuery(filters: AccountFilters, page?: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.state) params.set("state", filters.state);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const ACCOUNT_REASON_MAX = 200;

/** Deactivating needs a reason (kept in the audit log); reactivating none. */
export const accountActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("deactivate"),
    userId: z.string().trim().min(1),
    reason: text({ max: ACCOUNT_REASON_MAX }),
  }),
  z.object({ intent: z.literal("reactivate"), userId: z.string().trim().min(1) }),
]);
export type AccountActionData = z.output<typeof accountActionSchema>;

/** The user's own password change: the current password, then the new one twice. */
export const passwordChangeSchema = z
  .object({
    current: z.string({ error: t("validation.passwordRequired") }).min(1, t("validation.passwordRequired")),
    password: newPasswordField,
    confirm: z.string({ error: t("validation.passwordRequired") }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t("validation.passwordMismatch") })
  .refine((v) => v.password !== v.current, { path: ["password"], message: t("accounts.error.samePassword") });
export type PasswordChangeData = z.output<typeof passwordChangeSchema>;

/** The board's login-link form on a member's page: an email to use instead of the member's (optional). */
export const loginLinkSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, t("validation.tooLong", { max: 254 }))
    .refine((v) => v === "" || z.email().safeParse(v).success, t("validation.email"))
    .optional()
    .transform((v) => (v ? v : null)),
});

/** /forgot-password: the email of the login. */
export const forgotPasswordSchema = z.object({
  email: z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, t("validation.required"))
    .toLowerCase()
    .max(254, t("validation.tooLong", { max: 254 }))
    .refine((v) => z.email().safeParse(v).success, t("validation.email")),
});
