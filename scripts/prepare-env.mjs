#!/usr/bin/env node
// `npm run dev`: make sure .env exists (with a session secret) before the dev server starts.
import { ensureEnvFile } from "./lib/env-file.mjs";
ensureEnvFile();
