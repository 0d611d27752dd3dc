// The production web server: Express serving the built assets and the Remix app.
// `npm start` runs it after building and preparing the database (scripts/start.mjs).
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

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
app.use((_req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
  });
  next();
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
app.listen(port, host, () => {
  console.log(`Portal IPSM is running at http://localhost:${port}`);
});
