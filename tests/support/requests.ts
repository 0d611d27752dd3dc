// Calling route loaders and actions the way Remix does, with real Requests.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const ORIGIN = "http://localhost:3000";

export function getRequest(path: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postForm(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A multipart form, as a browser posts a form with files: the fields, then each file (a JPEG photo unless told). */
export function postMultipart(
  path: string,
  fields: Record<string, string>,
  files: { field: string; bytes: Uint8Array; name?: string; type?: string }[] = [],
  cookie?: string,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) {
    form.append(file.field, new File([new Uint8Array(file.bytes)], file.name ?? "foto.jpg", { type: file.type ?? "image/jpeg" }));
  }
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}

type Handler<A> = (args: A) => unknown;

/** Runs a loader or action; a thrown Response (redirect, 403, 404) is returned, not thrown. */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = {},
): Promise<unknown> {
  try {
    return await handler({ request, params, context } as A);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The cookie pairs ("name=value; ...") set by a response, ready for a next request. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The status of what a loader or action produced (a Response, or data with an init). */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}

/** The data a loader or action returned (unwrapping Remix's data() wrapper). */
export function dataOf<T = Record<string, unknown>>(result: unknown): T {
  const wrapped = result as { type?: string; data?: unknown } | null;
  if (wrapped && wrapped.type === "DataWithResponseInit") return wrapped.data as T;
  return result as T;
}

/**
 * Signs in through the real login route, and for an account with a second factor through the
 * code page too (with the code its app shows now); the cookie to send with the next requests.
 */
export async function signIn(email: string, password = "password-123"): Promise<string> {
  const { action } = await import("~/routes/login");
  const response = await run(action, postForm("/login", { email, password }));
  if (!(response instanceof Response) || response.status !== 302) throw new Error(`sign-in of ${email} failed: ${statusOf(response)}`);
  if (response.headers.get("Location")?.startsWith("/login/code")) return passSecondStep(email, cookiesFrom(response));
  return cookiesFrom(response);
}

/** The code step of a sign-in (docs/decisions/024), as the person's authenticator app would answer it. */
async function passSecondStep(email: string, pendingCookie: string): Promise<string> {
  const [{ db }, { Secret, TOTP }, { action }] = await Promise.all([
    import("~/utils/db.server"),
    import("otpauth"),
    import("~/routes/login_.code"),
  ]);
  const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true, totpSecret: true } });
  // A test's shortcut: forget the step last used, so that signing in twice within 30 seconds works.
  await db.loginThrottle.deleteMany({ where: { key: `totp-step:${user.id}` } });
  const code = new TOTP({ secret: Secret.fromBase32(user.totpSecret ?? "") }).generate();
  const response = await run(action, postForm("/login/code", { code }, pendingCookie));
  if (!(response instanceof Response) || response.status !== 302) throw new Error(`second step of ${email} failed: ${statusOf(response)}`);
  return cookiesFrom(response);
}

/** The toast a redirect carries, as the next page would show it. */
export async function toastOf(response: Response) {
  const { popToast } = await import("~/http/session.server");
  const { toast } = await popToast(getRequest("/", cookiesFrom(response)));
  return toast;
}

/** The message of the toast a redirect carries. */
export async function toastMessageOf(response: Response): Promise<string | undefined> {
  return (await toastOf(response))?.message;
}
