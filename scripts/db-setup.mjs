#!/usr/bin/env node
// Brings the database up to date: applies the migrations, loads every region of Indonesia (all of
// them the first time, a few seconds; later only the official names that changed) and, when the
// database is empty and SEED_DEMO_DATA is not "false", loads the demo data. With --reset it
// deletes the database first.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { loadEnvFile, sqlitePath } from "./lib/env-file.mjs";

loadEnvFile();
process.env.DATABASE_URL ??= "file:./data/portal.db";
const file = sqlitePath(process.env.DATABASE_URL);
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

if (process.argv.includes("--reset")) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  console.log(`Deleted ${file}.`);
}

const bin = (name) => path.resolve("node_modules", ".bin", name);
execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: "inherit" });
execFileSync(bin("tsx"), ["prisma/seed.ts"], { stdio: "inherit" });
