// Integration suite, per test file: a fresh copy of the migrated base database, so every file
// starts from the same state and files can run in parallel.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TMP_DIR } from "./paths";

const file = path.join(TMP_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2, 10)}.db`);
copyFileSync(BASE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "integration-test-secret-integration-test-secret";
// A cached client from an earlier file in the same worker must not leak into this one.
delete (globalThis as { __ipsmDb?: unknown }).__ipsmDb;

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});
