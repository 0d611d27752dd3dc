#!/usr/bin/env node
// `npm start`: prepare .env and the database, then run the production server.
import { ensureEnvFile, loadEnvFile } from "./lib/env-file.mjs";

ensureEnvFile();
loadEnvFile();
process.env.NODE_ENV ??= "production";

await import("./db-setup.mjs");
await import("../server.mjs");
