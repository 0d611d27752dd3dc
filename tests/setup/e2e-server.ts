// Browser suite, once per run: the built production server (server.mjs) on a free port, on a
// fresh database prepared exactly as `npm start` prepares it (migrations, then demo data), plus
// the browser suite's own chapter (e2e-fixtures.ts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first (`npm run test:e2e` does).");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "ipsm-e2e-"));
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    SESSION_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    SEED_DEMO_DATA: "true",
  };
  execFileSync("node", ["scripts/db-setup.mjs"], { env, stdio: "pipe" });
  execFileSync(path.resolve("node_modules", ".bin", "tsx"), ["tests/setup/e2e-fixtures.ts"], { env, stdio: "pipe" });

  const server = await startServer(env);
  project.provide("baseURL", server.baseURL);

  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
