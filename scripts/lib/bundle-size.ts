// First-load JavaScript of a page, measured from the production build (docs/decisions/028): the
// browser entry, the root route and the page's route module with every module they import
// statically, as the Remix manifest (build/client/assets/manifest-*.js) lists them, each file
// gzipped on its own. Modules loaded later with import() are not counted: they do not delay
// the first paint.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The goal of issue 18 for the activity form, in bytes of gzip. */
export const FIRST_LOAD_BUDGET = 110 * 1024;

/**
 * The pages held to FIRST_LOAD_BUDGET (Remix route id, page), checked by tests/e2e/bundle-size.test.ts
 * and printed by the bench: the activity form (issue 18) and the pages volunteers and the public
 * open on their phones (issue 20): signing in, applying, passwords, the profile, the activity list.
 */
export const BUDGETED_PAGES = [
  ["routes/activities.new", "/activities/new"],
  ["routes/login", "/login"],
  ["routes/login_.code", "/login/code"],
  ["routes/forgot-password", "/forgot-password"],
  ["routes/reset-password.$token", "/reset-password/$token"],
  ["routes/invite.$token", "/invite/$token"],
  ["routes/apply.$code", "/apply/$code"],
  ["routes/profile", "/profile"],
  ["routes/activities._index", "/activities"],
  ["routes/_index", "/ (dashboard)"],
] as const;

type ManifestRoute = { module: string; imports?: string[] };
export type RemixManifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

export type FirstLoad = { route: string; files: { file: string; bytes: number; gzip: number }[]; bytes: number; gzip: number };

/** Reads the browser manifest Remix writes (`window.__remixManifest={...};`). */
export function readManifest(clientDir = "build/client"): RemixManifest {
  const assets = path.join(clientDir, "assets");
  const file = readdirSync(assets).find((name) => name.startsWith("manifest-") && name.endsWith(".js"));
  if (!file) throw new Error(`No Remix manifest in ${assets}: run \`npm run build\` first.`);
  const text = readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest\s*=\s*/, "").replace(/;\s*$/, "")) as RemixManifest;
}

/** The files a first visit to `route` (a Remix route id such as "routes/activities.new") loads, in manifest order. */
export function firstLoadFiles(manifest: RemixManifest, route: string): string[] {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of ["root", route]) {
    const entry = manifest.routes[id];
    if (!entry) throw new Error(`No route "${id}" in the Remix manifest.`);
    files.add(entry.module);
    for (const file of entry.imports ?? []) files.add(file);
  }
  return [...files];
}

/** Sizes (raw and gzip, per file and in all) of a route's first load. */
export function firstLoadSize(route: string, clientDir = "build/client", manifest = readManifest(clientDir)): FirstLoad {
  const files = firstLoadFiles(manifest, route).map((file) => {
    const content = readFileSync(path.join(clientDir, file));
    return { file, bytes: content.length, gzip: gzipSync(content).length };
  });
  return {
    route,
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
