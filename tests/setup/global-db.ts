// Integration suite, once per run: build a base database by applying the committed migrations
// with Prisma's own CLI (as production does) and loading every region of Indonesia (a few
// seconds, once: each test file copies this file).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BASE_DB, REGION_LOAD_FILE, TMP_DIR } from "./paths";

export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${BASE_DB}${suffix}`, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${BASE_DB}` };
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env, stdio: "pipe" });
  const load = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    [
      "-e",
      'import("./app/domain/chapters/region-load.server.ts").then(async (m) => { console.log(JSON.stringify(await m.loadRegions())); process.exit(0); })',
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
  );
  // How long the first load took, for tests/integration/regions.test.ts to print.
  writeFileSync(REGION_LOAD_FILE, load.trim().split("\n").at(-1) ?? "{}");
  // Fold the WAL back into the file so that a plain copy is complete.
  const Database = (await import("better-sqlite3")).default;
  const base = new Database(BASE_DB);
  base.pragma("wal_checkpoint(TRUNCATE)");
  base.pragma("journal_mode = DELETE");
  base.close();

  return () => {
    rmSync(TMP_DIR, { recursive: true, force: true });
  };
}
