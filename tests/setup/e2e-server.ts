// Browser suite, once per run: the built production server (server.mjs) on a free port, on a
// fresh database prepared exactly as `npm start` prepares it (migrations, then demo data), plus
// the browser suite's own chapter (e2e-fixtures.ts).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync("build/server/index.js")) {
    throw new Error("No production build: run `npm run build` first (`npm run test:e2e` does).");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "ipsm-e2e-"));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    SESSION_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO_DATA: "true",
  };
  execFileSync("node", ["scripts/db-setup.mjs"], { env, stdio: "pipe" });
  execFileSync(path.resolve("node_modules", ".bin", "tsx"), ["tests/setup/e2e-fixtures.ts"], { env, stdio: "pipe" });

  let log = "";
  const server = spawn("node", ["server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const baseURL = `http://localhost:${port}`;
  await waitFor(`${baseURL}/login`, server, () => log);
  project.provide("baseURL", baseURL);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r).once("error", r));
    rmSync(dir, { recursive: true, force: true });
  };
}
