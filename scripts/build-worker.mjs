#!/usr/bin/env node
// `npm run build`, second step: bundles the document worker (app/workers/render.worker.ts, see
// docs/decisions/032) to build/worker/render.js. The Remix server build is one file, and a worker
// thread needs a file of its own; the render pool (app/workers/render-pool.server.ts) finds it
// beside build/server/. Packages stay external (node_modules is there at run time, as for the
// server build); the `~` alias is resolved from tsconfig.json.
import { build } from "esbuild";

/** Bare imports (packages, node: built-ins) stay imports; `~/...`, relative and absolute paths are bundled. */
const packagesExternal = {
  name: "packages-external",
  setup(b) {
    b.onResolve({ filter: /^[^.~/]/ }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  entryPoints: ["app/workers/render.worker.ts"],
  outfile: "build/worker/render.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [packagesExternal],
  tsconfig: "tsconfig.json",
  jsx: "automatic",
  sourcemap: true,
  logLevel: "warning",
  // process.env.NODE_ENV is read at run time, as in the server build: the worker gets the server's environment
});
console.log("document worker built: build/worker/render.js");
