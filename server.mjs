// The production web server: Express serving the built assets and the Remix app.
// `npm start` runs it after building and preparing the database (scripts/start.mjs).
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";

// Importing the build checks the environment (app/utils/env.server.ts): without SESSION_SECRET
// in production the server stops here with a clear message.
let build;
try {
  build = await import("./build/server/index.js");
} catch (error) {
  console.error(`\nPortal IPSM cannot start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY=true so that login throttling sees the real address.
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(compression());
// Security headers (docs/decisions/022), set by helmet. Scripts run only from the portal itself
// or with this response's nonce (Remix's inline scripts carry it); styles allow inline
// attributes (React's style props); nothing may frame the portal or post a form elsewhere.
app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only where the portal is served over https (below): on a plain-http LAN install it would lock browsers out.
    strictTransportSecurity: false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);
app.use((req, res, next) => {
  if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // The activity form asks for the location; nothing else may use a device sensor. (Photos come
  // from a file input with `capture`, which needs no camera permission.)
  res.set(
    "Permissions-Policy",
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
  );
  next();
});
// Cross-site writes (docs/decisions/022): a POST another site sent gets the app's own 403 before
// Remix runs (Remix's built-in check of document POSTs would answer 500).
const { crossSiteRefusal, withRequestMemo } = build.entry.module;
app.use(async (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const refusal = crossSiteRefusal(
    new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { method: req.method, headers }),
  );
  if (!refusal) return next();
  res
    .status(refusal.status)
    .type("text/plain; charset=utf-8")
    .send(await refusal.text());
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(
  express.static("build/client", {
    maxAge: "1h",
    // the service worker and the manifest are checked on every visit, so a new release reaches phones
    setHeaders: (res, file) => {
      if (file.endsWith("sw.js") || file.endsWith(".webmanifest")) res.setHeader("Cache-Control", "no-cache");
    },
  }),
);
const remix = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
});
// A page's loaders share one answer to "who is signed in" (app/http/request-memo.server.ts).
app.all("*", (req, res, next) => withRequestMemo(req.method, () => remix(req, res, next)));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Portal IPSM is running at http://localhost:${port}`);
});

// An orderly stop on SIGTERM (systemd, Docker, the test suites) or SIGINT (Ctrl+C): stop taking
// connections and let the requests under way finish, then end the document workers and close the
// database (build.entry.module.closeServerResources), then exit. The whole stop is bounded: after
// SHUTDOWN_TIMEOUT_MS (10 s) the process exits anyway; a second signal exits at once.
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
let stopping = false;
function shutdown(signal) {
  if (stopping) {
    console.log(`${signal} again: stopping now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: Portal IPSM is stopping (at most ${SHUTDOWN_TIMEOUT_MS / 1000} s)...`);
  setTimeout(() => {
    console.error(`Portal IPSM did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s: exiting anyway.`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  // idle keep-alive connections would hold close() open: end them now, and each one that turns idle
  const closing = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  server.prependListener("request", (_req, res) => res.setHeader("Connection", "close"));
  closing
    .then(() => build.entry.module.closeServerResources())
    .then(
      () => process.exit(0),
      (error) => {
        console.error("Portal IPSM stopped with an error:", error);
        process.exit(1);
      },
    );
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
