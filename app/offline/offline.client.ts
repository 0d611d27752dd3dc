// The phone side of working without signal (docs/decisions/027), started by the page frame once
// a person is signed in: the service worker, the pages kept for offline use, and sending the
// activities kept on the phone as soon as there is signal again.
import { OFFLINE_PAGES, PAGES_CACHE } from "./pages";
import { countUnsent, forgetUser, listUnsent, QUEUE_EVENT } from "./queue.client";
import { sendUnsent, type SendReport } from "./sync.client";

export type OfflineUser = { id: string; logsActivities: boolean };

let current: OfflineUser | null = null;

/** Who is signed in on this page (the kept activities are always read and written for them). */
export function signedInUser(): OfflineUser | null {
  return current;
}

export async function registerServiceWorker(): Promise<void> {
  // built with the production client only (vite-plugin-pwa); the dev server has none
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
}

const WARMED_AT = "ipsm-pages-warmed-at";
const WARM_EVERY_MS = 15 * 60_000;

/** Fetches the dashboard, "Catat kegiatan" and "Kegiatan saya" so the service worker keeps them as last seen. */
async function warmPages(): Promise<void> {
  if (!("serviceWorker" in navigator) || !navigator.onLine) return;
  const last = Number(sessionStorage.getItem(WARMED_AT) ?? 0);
  if (Date.now() - last < WARM_EVERY_MS) return;
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
  }
  sessionStorage.setItem(WARMED_AT, String(Date.now()));
  for (const page of OFFLINE_PAGES) {
    // the header keeps a waiting confirmation message for the page the person opens next (session.server popToast)
    await fetch(page, { credentials: "same-origin", headers: { Accept: "text/html", "X-Ipsm-Offline-Keep": "1" } }).catch(() => undefined);
  }
}

/** Without signal a link cannot fetch the next page's data: open it as a document, from the phone's kept pages. */
function openLinksAsDocumentsWhileOffline(event: MouseEvent) {
  if (navigator.onLine || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const anchor = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!anchor || anchor.origin !== window.location.origin || anchor.target || anchor.hasAttribute("download")) return;
  if (anchor.pathname === window.location.pathname && anchor.hash) return;
  event.preventDefault();
  window.location.assign(anchor.href);
}

export type QueueListener = { onCount: (count: number) => void; onSent: (report: SendReport) => void };

let sending: Promise<SendReport> | null = null;

/** Sends what waits, once at a time in this tab. */
export function sendNow(listener?: Pick<QueueListener, "onSent">): Promise<SendReport | null> {
  if (!current?.logsActivities) return Promise.resolve(null);
  const userId = current.id;
  sending ??= sendUnsent(userId).finally(() => {
    sending = null;
  });
  return sending.then((report) => {
    if (report.sent) listener?.onSent(report);
    return report;
  });
}

/**
 * Starts the offline side for the signed-in person; returns the function that stops it. Kept
 * activities are sent now, when the phone comes back online, when the page is shown again, and
 * every minute while some wait.
 */
export function startOffline(user: OfflineUser, listener: QueueListener): () => void {
  current = user;
  void registerServiceWorker();
  document.addEventListener("click", openLinksAsDocumentsWhileOffline, true);
  if (!user.logsActivities) return () => document.removeEventListener("click", openLinksAsDocumentsWhileOffline, true);

  const recount = () => void countUnsent(user.id).then(listener.onCount, () => undefined);
  const trySend = () => {
    if (navigator.onLine) void sendNow(listener).catch(() => undefined);
  };
  const onVisible = () => {
    if (document.visibilityState === "visible") trySend();
  };
  window.addEventListener(QUEUE_EVENT, recount);
  window.addEventListener("online", trySend);
  document.addEventListener("visibilitychange", onVisible);
  const timer = window.setInterval(() => {
    void listUnsent(user.id).then(
      (items) => items.some((i) => i.state === "waiting") && trySend(),
      () => undefined,
    );
  }, 60_000);
  recount();
  trySend();
  void warmPages().catch(() => undefined);
  return () => {
    document.removeEventListener("click", openLinksAsDocumentsWhileOffline, true);
    window.removeEventListener(QUEUE_EVENT, recount);
    window.removeEventListener("online", trySend);
    document.removeEventListener("visibilitychange", onVisible);
    window.clearInterval(timer);
  };
}

/** How many activities of the signed-in person wait on this phone. */
export async function unsentOfSignedInUser(): Promise<number> {
  return current ? countUnsent(current.id) : 0;
}

/** Signing out: this person's kept pages, unsent activities and sent keys leave the phone. */
export async function forgetSignedInUser(): Promise<void> {
  sessionStorage.removeItem(WARMED_AT);
  await forgetPages();
  if (current) await forgetUser(current.id);
  current = null;
}

/** The pages kept as last seen (on sign-out, and on the sign-in page: they were someone's). */
export async function forgetPages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(PAGES_CACHE);
}
