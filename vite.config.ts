import { vitePlugin as remix, type Preset } from "@remix-run/dev";
import { RemixVitePWA } from "@vite-pwa/remix";
import { defineConfig } from "vite";
import { existsSync } from "node:fs";
import path from "node:path";
import { id as catalogue } from "./app/i18n/id";
import { catalogueSplit } from "./scripts/lib/catalogue-split";
import tsconfigPaths from "vite-tsconfig-paths";

// `npm run dev` reads the same .env as `npm start` (variables already set win).
if (process.env.NODE_ENV !== "test" && existsSync(".env")) process.loadEnvFile(".env");

// The installable, offline-capable portal (docs/decisions/027): a Workbox service worker built
// from app/offline/sw.ts that precaches the client assets; the pages are cached as they are seen.
const { RemixVitePWAPlugin, RemixPWAPreset } = RemixVitePWA();

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
      // typed against Vite 5's config types; the preset itself only reads Remix's resolved config
      presets: [RemixPWAPreset() as unknown as Preset],
      ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
    RemixVitePWAPlugin({
      strategies: "injectManifest",
      srcDir: "app/offline",
      filename: "sw.ts",
      // registered by app/offline/offline.client.ts, after the first paint
      injectRegister: false,
      registerType: "autoUpdate",
      injectManifest: { globPatterns: ["assets/**/*.{js,css}", "offline.html", "icons/*.png"] },
      manifest: {
        id: "/",
        name: "Portal IPSM",
        short_name: "IPSM",
        description: "Keanggotaan, kegiatan, pelatihan, dan laporan Ikatan Pekerja Sosial Masyarakat",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#0b5d7a",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
        shortcuts: [
          { name: "Catat kegiatan", url: "/activities/new" },
          { name: "Kegiatan saya", url: "/activities" },
        ],
      },
    }),
    // the browser gets the texts of the modules a page loads, not the whole catalogue (docs/decisions/028)
    catalogueSplit({ catalogue, appDir: path.resolve("app") }),
  ],
  optimizeDeps: {
    // A cold cache re-optimised these mid-load and broke hooks ("Invalid hook call").
    include: ["react-hook-form", "@hookform/resolvers/zod", "zod"],
    exclude: ["@prisma/client", "@prisma/adapter-better-sqlite3", "better-sqlite3", "remix-auth", "remix-auth-form", "@react-pdf/renderer"],
  },
});
