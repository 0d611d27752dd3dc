// The second factor at the request level (docs/decisions/024):
// - after a right password, an account with a second factor gets no session yet: a signed,
//   httpOnly cookie naming it for 5 minutes (`ipsm_2fa_pending`, path /login) and the code page;
// - the secret being enrolled waits in another signed, httpOnly cookie for 15 minutes
//   (`ipsm_2fa_enrol`, path /profile), bound to the user, until the first code
//   confirms it: nothing is stored before;
// - a person the chapter requires to use it, without it, is led from every page (GET, document or
//   Remix data request) to /profile/second-factor until it is on (`requireSecondFactorEnrolment`,
//   called by requireUser), except the pages that must stay open.
import { createCookie, data, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import {
  pendingSignIn,
  secondFactorEnabled,
  secondFactorEnrolmentDue,
  type SecondStepResult,
} from "~/domain/accounts/second-factor.server";
import { actorOf } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { waitLabel } from "~/i18n/labels";
import { refuseCrossSiteWrite } from "~/utils/cross-site.server";
import { getEnv } from "~/utils/env.server";
import { SECOND_FACTOR_PATH } from "~/validation/second-factor";
import { redirectWithToast, startUserSession } from "./session.server";

const env = getEnv();
const secure = env.NODE_ENV === "production" && env.COOKIE_SECURE;

/** How long the code step waits after the password. */
export const PENDING_SIGN_IN_SECONDS = 5 * 60;
/** How long a secret shown for enrolment stays usable. */
export const PENDING_ENROLMENT_SECONDS = 15 * 60;

const pendingCookie = createCookie("ipsm_2fa_pending", {
  httpOnly: true,
  sameSite: "lax",
  path: "/login",
  secure,
  secrets: [env.SESSION_SECRET],
  maxAge: PENDING_SIGN_IN_SECONDS,
});

const enrolmentCookie = createCookie("ipsm_2fa_enrol", {
  httpOnly: true,
  sameSite: "lax",
  // "/profile" rather than the page itself: Remix's data requests go to /profile/second-factor.data
  path: "/profile",
  secure,
  secrets: [env.SESSION_SECRET],
  maxAge: PENDING_ENROLMENT_SECONDS,
});

type Pending = { userId: string; expiresAt: number };
type PendingEnrolment = Pending & { secret: string };

const isPending = (value: unknown): value is Pending =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Pending).userId === "string" &&
  typeof (value as Pending).expiresAt === "number" &&
  (value as Pending).expiresAt > Date.now();

/** "/login/code", with the page to go to afterwards when it is not the dashboard. */
function codePath(redirectTo: string) {
  return redirectTo === "/" ? "/login/code" : `/login/code?redirectTo=${encodeURIComponent(redirectTo)}`;
}

/**
 * After a right password (the login form, or a password set through a link): a session at once,
 * or, when the account uses a second factor, the code step first.
 */
export async function signInAfterPassword(request: Request, user: { userId: string; name: string }, redirectTo: string) {
  if (!(await secondFactorEnabled(user.userId))) return startUserSession(request, user.userId, redirectTo, user.name);
  const value: Pending = { userId: user.userId, expiresAt: Date.now() + PENDING_SIGN_IN_SECONDS * 1000 };
  return redirect(codePath(redirectTo), { headers: { "Set-Cookie": await pendingCookie.serialize(value) } });
}

/** The person waiting at the code step (their cookie is signed, unexpired, and they still use a second factor), or null. */
export async function readPendingSignIn(request: Request): Promise<{ userId: string; name: string } | null> {
  refuseCrossSiteWrite(request);
  const value: unknown = await pendingCookie.parse(request.headers.get("Cookie"));
  return isPending(value) ? pendingSignIn(value.userId) : null;
}

/** Back to the login page when the code step has expired (or its account changed meanwhile). */
export async function pendingSignInExpired(redirectTo: string) {
  const response = await redirectWithToast(
    redirectTo === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`,
    "info",
    "secondFactor.login.expired",
  );
  response.headers.append("Set-Cookie", await pendingCookie.serialize("", { maxAge: 0 }));
  return response;
}

/**
 * The code step's answer: the session (and the pending cookie cleared) when the code was right,
 * otherwise the form again with its message: 401 for a wrong or reused code, 429 with
 * Retry-After while the throttle waits; an expired step goes back to the login page.
 */
export async function secondStepAnswer(request: Request, result: SecondStepResult, field: "code" | "recoveryCode", redirectTo: string) {
  if (result.ok) {
    const toast =
      result.recoveryCodesLeft === undefined
        ? undefined
        : { kind: "info" as const, message: t("secondFactor.login.recoveryLeft", { count: result.recoveryCodesLeft }) };
    const response = await startUserSession(request, result.userId, redirectTo, result.name, toast);
    response.headers.append("Set-Cookie", await pendingCookie.serialize("", { maxAge: 0 }));
    return response;
  }
  if (result.reason === "expired") return pendingSignInExpired(redirectTo);
  if (result.reason === "throttled") {
    const formError = t("secondFactor.login.throttled", { wait: waitLabel(result.retryAfterSeconds) });
    return data(
      { intent: field, fieldErrors: {} as Record<string, string>, formError },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  const message =
    field === "recoveryCode"
      ? t("secondFactor.login.wrongRecovery")
      : result.reason === "reused"
        ? t("secondFactor.login.usedCode")
        : t("secondFactor.login.wrongCode");
  return data({ intent: field, fieldErrors: { [field]: message } as Record<string, string>, formError: undefined }, { status: 401 });
}

// ---------------------------------------------------------------------------------------------
// Enrolment

/** The Set-Cookie header that keeps a secret being enrolled for this user. */
export async function pendingEnrolmentCookie(userId: string, secret: string): Promise<string> {
  const value: PendingEnrolment = { userId, secret, expiresAt: Date.now() + PENDING_ENROLMENT_SECONDS * 1000 };
  return enrolmentCookie.serialize(value);
}

/** The Set-Cookie header that drops the secret being enrolled. */
export async function clearedEnrolmentCookie(): Promise<string> {
  return enrolmentCookie.serialize("", { maxAge: 0 });
}

/** The secret this user is enrolling (from their own unexpired cookie), or null. */
export async function readPendingEnrolment(request: Request, userId: string): Promise<string | null> {
  refuseCrossSiteWrite(request);
  const value: unknown = await enrolmentCookie.parse(request.headers.get("Cookie"));
  if (!isPending(value) || value.userId !== userId) return null;
  const secret = (value as PendingEnrolment).secret;
  return typeof secret === "string" && /^[A-Z2-7]+=*$/.test(secret) ? secret : null;
}

// ---------------------------------------------------------------------------------------------
// The requirement

/** Pages open to someone who must still turn the second factor on. */
const OPEN_PATHS = [SECOND_FACTOR_PATH, "/logout", "/privacy", "/consent"];

/**
 * Leads a person the chapter requires to use a second factor, who has none yet, to the page that
 * turns it on, from any page they open (a GET: the page itself or Remix's data request for it).
 * Posts are left alone, so signing out and the enrolment itself work.
 */
export async function requireSecondFactorEnrolment(request: Request, user: CurrentUser): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const url = new URL(request.url);
  if (OPEN_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
  if (!(await secondFactorEnrolmentDue(actorOf(user)))) return;
  const query = new URLSearchParams(url.search);
  // Remix's own parameters of a data request (single fetch's route list) are not part of the page
  query.delete("_routes");
  query.delete("_data");
  const rest = query.toString();
  const back = rest ? `${url.pathname}?${rest}` : url.pathname;
  throw redirect(back === "/" ? SECOND_FACTOR_PATH : `${SECOND_FACTOR_PATH}?redirectTo=${encodeURIComponent(back)}`);
}
