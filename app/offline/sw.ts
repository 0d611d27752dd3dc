/// <reference lib="webworker" />
// The service worker (docs/decisions/027), built by vite-plugin-pwa into /sw.js.
// - Client assets (hashed JS and CSS), icons and the offline page are precached at install.
// - The signed-in person's dashboard, "Catat kegiatan" and "Kegiatan saya" (documents and Remix
//   data) go to the network first and are kept as last seen, so the phone opens them without
//   signal; the page scripts empty that cache when the person signs out.
// - Any other page without signal: the offline page. Nothing is cached from another origin, and
//   no POST is touched (activities kept offline wait in IndexedDB, app/offline/queue.client.ts).
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst, NetworkOnly } from "workbox-strategies";
import { offlinePageKey, offlinePageOf, PAGES_CACHE } from "./pages";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// The Remix preset adds "/" to the precache; a person's dashboard must never be fetched at
// install and served from there, so it is left out (it is cached as seen, below).
precacheAndRoute(self.__WB_MANIFEST.filter((entry) => (typeof entry === "string" ? entry : entry.url) !== "/"));
cleanupOutdatedCaches();

self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && offlinePageOf(url) !== null,
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    // a very weak signal: after this long the page as last seen is shown (and kept fresh when the answer comes)
    networkTimeoutSeconds: 10,
    plugins: [
      {
        cacheKeyWillBeUsed: async ({ request }) => offlinePageKey(new URL(request.url)),
        // only the page itself: not a redirect to /login or /consent, not an error page
        cacheWillUpdate: async ({ response }) =>
          response.status === 200 && !response.redirected && response.type === "basic" ? response : null,
      },
    ],
  }),
);

// Remix's route discovery (lazy route manifest): kept as last seen, so links work offline.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname === "/__manifest",
  new NetworkFirst({ cacheName: "ipsm-route-manifest-v1", networkTimeoutSeconds: 10 }),
);

registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly());

setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") return (await matchPrecache("/offline.html")) ?? Response.error();
  return Response.error();
});
