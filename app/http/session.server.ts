import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { createSession, deleteSession, getSessionUser, type CurrentUser } from "~/domain/accounts/accounts.server";
import { switchSessionChapter } from "~/domain/chapters/chapters.server";
import type { Actor } from "~/domain/shared/actor.server";
import { notFound } from "~/domain/shared/outcome.server";
import { getEnv } from "~/utils/env.server";
import { refuseCrossSiteWrite } from "~/utils/cross-site.server";
import { t, type MessageKey, type MessageParams } from "~/i18n";
import { memoForRequest } from "./request-memo.server";

// The session cookie is signed, httpOnly, SameSite=Lax and expires with the server-side
// session; it carries only the id of a row in the Session table (docs/decisions/002).

const env = getEnv();
const secure = env.NODE_ENV === "production" && env.COOKIE_SECURE;

const sessionStorage = createCookieSessionStorage<{ sessionId: string }>({
  cookie: {
    name: "ipsm_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    secrets: [env.SESSION_SECRET],
    maxAge: env.SESSION_TTL_HOURS * 3600,
  },
});

// One-time confirmation messages shown after a redirect (post, then redirect, then toast).
export type Toast = { kind: "success" | "error" | "info"; message: string };
const toastStorage = createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
  cookie: { name: "ipsm_toast", httpOnly: true, sameSite: "lax", path: "/", secure, secrets: [env.SESSION_SECRET] },
});

/** The session cookie: the one place a request's ambient authority is read, so a cross-site write is refused here (docs/decisions/022). */
async function getCookieSession(request: Request) {
  refuseCrossSiteWrite(request);
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** The id of the request's server-side session (to tell "this device" from the user's other sessions), or null. */
export async function currentSessionId(request: Request): Promise<string | null> {
  return (await getCookieSession(request)).get("sessionId") ?? null;
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (!sessionId) return null;
  // the root's, the layout's and the page's loaders of one page ask alike: one read per request
  return memoForRequest(`user:${sessionId}`, () => getSessionUser(sessionId));
}

/** Moves the current session to another chapter (administrators: the domain checks it). */
export async function switchChapter(request: Request, actor: Actor, chapterId: string) {
  const sessionId = (await getCookieSession(request)).get("sessionId");
  return sessionId ? switchSessionChapter(actor, sessionId, chapterId) : notFound();
}

/** Starts a session for the user and redirects, with a welcome toast (or the one given). */
export async function startUserSession(request: Request, userId: string, redirectTo: string, welcomeName: string, toast?: Toast) {
  const { id } = await createSession(userId, env.SESSION_TTL_HOURS);
  const session = await getCookieSession(request);
  session.set("sessionId", id);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionStorage.commitSession(session));
  headers.append("Set-Cookie", await toastCookie(toast ?? { kind: "success", message: t("login.welcome", { name: welcomeName }) }));
  return redirect(redirectTo, { headers });
}

/** Ends the session on the server and in the browser. */
export async function endUserSession(request: Request) {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (sessionId) await deleteSession(sessionId);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionStorage.destroySession(session));
  headers.append("Set-Cookie", await toastCookie({ kind: "info", message: t("logout.done") }));
  return redirect("/login", { headers });
}

async function toastCookie(toast: Toast) {
  const session = await toastStorage.getSession();
  session.flash("toast", toast);
  return toastStorage.commitSession(session);
}

/** A redirect that shows a toast on the next page. */
export async function redirectWithToast(url: string, kind: Toast["kind"], key: MessageKey, params?: MessageParams) {
  return redirect(url, { headers: { "Set-Cookie": await toastCookie({ kind, message: t(key, params) }) } });
}

/** A redirect that shows a refusal's Indonesian sentence (a domain outcome's message) as a toast on the next page. */
export async function redirectWithToastText(url: string, kind: Toast["kind"], message: string) {
  return redirect(url, { headers: { "Set-Cookie": await toastCookie({ kind, message }) } });
}

/** Sent by the page script that fills the phone's offline pages (app/offline/offline.client.ts). */
const OFFLINE_KEEP_HEADER = "X-Ipsm-Offline-Keep";

/** Reads (and consumes) the pending toast; returns the Set-Cookie header that clears it. */
export async function popToast(request: Request): Promise<{ toast: Toast | null; headers: HeadersInit }> {
  // the phone keeping its offline pages (app/offline) is not the person reading the page: the message waits for them
  if (request.headers.get(OFFLINE_KEEP_HEADER)) return { toast: null, headers: {} };
  const session = await toastStorage.getSession(request.headers.get("Cookie"));
  const toast = session.get("toast") ?? null;
  return { toast, headers: toast ? { "Set-Cookie": await toastStorage.commitSession(session) } : {} };
}
