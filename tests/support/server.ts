// Starting the built production server (server.mjs) on a free port, for the browser suite and
// the HTTP benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
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

/** Runs server.mjs with the environment given; resolves with its address and a stop function. */
export async function startServer(env: Record<string, string>) {
  // A caller that needs the address before the start (PUBLIC_URL in the links it mails) picks the port.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let log = "";
  const server = spawn("node", ["server.mjs"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const baseURL = `http://localhost:${port}`;
  await waitFor(`${baseURL}/login`, server, () => log);
  return {
    baseURL,
    log: () => log,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r).once("error", r));
    },
  };
}
