// Reading and preparing .env for the start scripts (the app itself reads process.env only).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Makes sure a session secret exists: on a fresh machine, `npm start` writes .env from
 * .env.example with a newly generated SESSION_SECRET, so the production server (which refuses
 * to start without one) can run. An existing .env or environment variable is never touched.
 */
export function ensureEnvFile() {
  if (process.env.SESSION_SECRET || existsSync(".env")) return false;
  const template = readFileSync(".env.example", "utf8");
  const secret = randomBytes(32).toString("hex");
  writeFileSync(".env", template.replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET="${secret}"`), { mode: 0o600 });
  console.log("Created .env with a new SESSION_SECRET (see .env.example for every setting).");
  return true;
}

/** Loads .env into process.env without overriding variables already set. */
export function loadEnvFile() {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

/** The file path behind a "file:..." SQLite URL. */
export function sqlitePath(url) {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
