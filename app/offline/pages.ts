// The pages a volunteer's phone keeps for use without signal (docs/decisions/027), shared by the
// service worker (app/offline/sw.ts) and the page scripts that fill and clear its cache.

/** Cache Storage name of the signed-in person's pages; emptied when they sign out. */
export const PAGES_CACHE = "ipsm-pages-v1";

/** The dashboard, "Catat kegiatan" and "Kegiatan saya": their documents and their Remix data. */
export const OFFLINE_PAGES = ["/", "/activities", "/activities/new"] as const;

/** The page a document or Remix data URL belongs to ("/_root.data" is the data of "/"), or null. */
export function offlinePageOf(url: URL): string | null {
  const path = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  return (OFFLINE_PAGES as readonly string[]).includes(path) ? path : null;
}

/**
 * The cache key of a kept page: what was last seen at that page, whatever its filters; Remix data
 * requests keep the one parameter that changes their content (`_routes`, which loaders answered).
 */
export function offlinePageKey(url: URL): string {
  const key = new URL(url.pathname, url.origin);
  const routes = url.searchParams.get("_routes");
  if (url.pathname.endsWith(".data") && routes) key.searchParams.set("_routes", routes);
  return key.href;
}
