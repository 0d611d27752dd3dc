import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { existsSync } from "node:fs";
import path from "node:path";
import { id as catalogue } from "./app/i18n/id";
import { catalogueSplit } from "./scripts/lib/catalogue-split";
import tsconfigPaths from "vite-tsconfig-paths";

// `npm run dev` reads the same .env as `npm start` (variables already set win).
if (process.env.NODE_ENV !== "test" && existsSync(".env")) process.loadEnvFile(".env");

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
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
    // the browser gets the texts of the modules a page loads, not the whole catalogue (docs/decisions/028)
    catalogueSplit({ catalogue, appDir: path.resolve("app") }),
  ],
  optimizeDeps: {
    // A cold cache re-optimised these mid-load and broke hooks ("Invalid hook call").
    include: ["react-hook-form", "@hookform/resolvers/zod", "zod"],
    exclude: ["@prisma/client", "@prisma/adapter-better-sqlite3", "better-sqlite3", "remix-auth", "remix-auth-form", "@react-pdf/renderer"],
  },
});
