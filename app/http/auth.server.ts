import { data } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { verifyLogin } from "~/domain/accounts/accounts.server";
import { loginSchema } from "~/validation/auth";
import { t } from "~/i18n";
import { waitLabel } from "~/i18n/labels";

/** A refused login, carrying what the form needs to show it again. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly email: string,
    readonly status: 400 | 401 | 403 | 429,
    readonly fieldErrors: Partial<Record<"email" | "password", string>> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The login form's answer to a refused login: its status (400, 401, 403, 429 with Retry-After), the message, the typed email and the field messages. */
export function loginRefused(error: LoginError) {
  const headers: HeadersInit = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return data({ formError: error.message, email: error.email, fieldErrors: error.fieldErrors }, { status: error.status, headers });
}

/**
 * The client's address for throttling: the socket address the server passes in the load
 * context, or the first X-Forwarded-For entry when running behind a proxy.
 */
export function clientAddress(request: Request, context?: { clientAddress?: string }): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return context?.clientAddress ?? forwarded ?? "unknown";
}

export function createAuthenticator(address: string) {
  const authenticator = new Authenticator<{ userId: string; name: string }>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      const submission = loginSchema.safeParse(Object.fromEntries(form));
      const typedEmail = String(form.get("email") ?? "");
      if (!submission.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of submission.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
        throw new LoginError(t("error.400"), typedEmail, 400, fieldErrors);
      }
      const result = await verifyLogin({ ...submission.data, clientAddress: address });
      if (result.ok) return { userId: result.userId, name: result.name };
      if (result.reason === "throttled") {
        const wait = waitLabel(result.retryAfterSeconds);
        throw new LoginError(t("login.throttled", { wait }), typedEmail, 429, {}, result.retryAfterSeconds);
      }
      if (result.reason === "inactive") throw new LoginError(t("login.inactive"), typedEmail, 403);
      throw new LoginError(t("login.failed"), typedEmail, 401);
    }),
    "form",
  );
  return authenticator;
}
