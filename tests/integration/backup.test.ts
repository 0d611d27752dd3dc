// `npm run backup` / `npm run restore` (scripts/lib/backup.ts): a backup taken while another
// process keeps writing holds every write acknowledged before it began, in a database that
// passes integrity_check, with the uploads byte for byte; a restore refuses a database that a
// running process holds open (unless forced) and any archive that is not a whole backup.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBackup, databaseInUse, restoreBackup, type BackupResult } from "../../scripts/lib/backup";

// A writer in its own process, as the portal is: WAL mode, one insert per transaction, and the id
// printed only once the insert is committed (an acknowledged write).
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 10000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const insert = db.prepare("INSERT INTO BackupProbe (payload) VALUES (randomblob(512))");
let stopping = false;
process.on("SIGTERM", () => { stopping = true; });
(function write() {
  if (stopping) { db.close(); process.exit(0); }
  for (let i = 0; i < 10; i += 1) process.stdout.write(insert.run().lastInsertRowid + "\\n");
  setImmediate(write);
})();
`;

// A process that keeps the database open and idle, as a running portal does between requests.
const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 5000 });
db.pragma("journal_mode = WAL");
db.prepare("SELECT count(*) FROM sqlite_master").get();
process.stdout.write("ready\\n");
setInterval(() => {}, 1000);
`;

const children: ChildProcess[] = [];
const temps: string[] = [];

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portal-ipsm-${label}-`));
  temps.push(dir);
  return dir;
}

function startNode(script: string, arg: string): ChildProcess {
  const child = spawn(process.execPath, ["-e", script, arg], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return child;
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

function untilLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split("\n").includes(line)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`child ended (${code}) before printing ${line}`)));
  });
}

/** path (relative, with /) -> sha256 of every file under a folder */
function fingerprints(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(folder, file).split(path.sep).join("/")] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return out;
}

function integrity(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
  } finally {
    db.close();
  }
}

/** A small database and uploads folder standing for what a restore must not touch when it refuses. */
function oldInstallation(root: string) {
  const databasePath = path.join(root, "data", "portal.db");
  const uploadsDir = path.join(root, "data", "uploads");
  mkdirSync(uploadsDir, { recursive: true });
  const db = new Database(databasePath);
  db.exec("CREATE TABLE Marker (v TEXT); INSERT INTO Marker VALUES ('old')");
  db.close();
  writeFileSync(path.join(uploadsDir, "old.txt"), "old");
  return { databasePath, uploadsDir };
}

function untouched({ databasePath, uploadsDir }: { databasePath: string; uploadsDir: string }) {
  const db = new Database(databasePath, { readonly: true });
  try {
    expect(db.prepare("SELECT v FROM Marker").get()).toEqual({ v: "old" });
  } finally {
    db.close();
  }
  expect(readdirSync(uploadsDir)).toEqual(["old.txt"]);
}

const livePath = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
let uploadsDir: string;
let outDir: string;
/** The backup taken under writes, shared by the tests below. */
let backup: BackupResult;
let ackedBeforeBackup: number[];
let ackedDuringBackup: number;

beforeAll(() => {
  // This file's own copy of the migrated database (tests/setup/test-db.ts), plus a table to write to.
  const db = new Database(livePath);
  db.exec("CREATE TABLE BackupProbe (id INTEGER PRIMARY KEY AUTOINCREMENT, payload BLOB NOT NULL)");
  db.close();
  uploadsDir = path.join(tempDir("uploads"), "uploads");
  for (const [name, content] of Object.entries({
    "activity-photos/2026/ab12cd34.jpg": randomBytes(1024 * 1024),
    "reports/012-IPSM-PTK-III-2026.pdf": randomBytes(70_000),
    "chapter-images/logo kota.png": randomBytes(3000),
    "empty.txt": Buffer.alloc(0),
  })) {
    mkdirSync(path.dirname(path.join(uploadsDir, name)), { recursive: true });
    writeFileSync(path.join(uploadsDir, name), content);
  }
  outDir = tempDir("out");
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => stopped(child, "SIGKILL")));
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup while the portal writes", () => {
  it("archives a consistent copy holding every write acknowledged before it began", async () => {
    const acked: number[] = [];
    const writer = startNode(WRITER, livePath);
    let pending = "";
    writer.stdout?.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) acked.push(Number(line));
    });
    await expect.poll(() => acked.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(500);

    ackedBeforeBackup = [...acked];
    backup = await createBackup({ databasePath: livePath, uploadsDir, outDir, now: new Date(2026, 11, 4, 5, 30) });
    ackedDuringBackup = acked.length - ackedBeforeBackup.length;
    await expect
      .poll(() => acked.length, { timeout: 10_000, interval: 20 })
      .toBeGreaterThan(ackedBeforeBackup.length + ackedDuringBackup + 100);
    await stopped(writer, "SIGTERM");

    expect(ackedDuringBackup).toBeGreaterThan(0); // the writer was not held up by the backup
    expect(path.basename(backup.archivePath)).toBe("portal-ipsm-2026-12-04T0530.tar.gz");
    expect(backup.bytes).toBeGreaterThan(1024 * 1024);
    expect(backup.manifest).toMatchObject({
      format: "portal-ipsm-backup",
      createdAt: new Date(2026, 11, 4, 5, 30).toISOString(),
      app: { name: "portal-ipsm", version: JSON.parse(readFileSync("package.json", "utf8")).version },
      database: { file: path.basename(livePath), integrityCheck: "ok" },
      uploads: { files: 4, bytes: 1024 * 1024 + 70_000 + 3000 },
    });
    expect(Object.keys(backup.manifest.database.tables)).toEqual(expect.arrayContaining(["Member", "Activity", "User"]));
    expect(backup.manifest.database.lastMigration).toMatch(/^\d{14}_/);
  });

  it("restores into a fresh place: every acknowledged write, the same uploads, integrity ok", async () => {
    const fresh = tempDir("fresh");
    const target = { databasePath: path.join(fresh, "data", "portal.db"), uploadsDir: path.join(fresh, "data", "uploads") };
    const result = await restoreBackup({ archive: backup.archivePath, ...target });

    expect(result.replacedWhileInUse).toBe(false);
    expect(readdirSync(path.dirname(target.databasePath)).sort()).toEqual(["portal.db", "uploads"]); // no -wal, nothing staged left
    expect(integrity(target.databasePath)).toEqual(["ok"]);
    const db = new Database(target.databasePath, { readonly: true });
    const ids = (db.prepare("SELECT id FROM BackupProbe ORDER BY id").all() as { id: number }[]).map((row) => row.id);
    db.close();
    const restored = new Set(ids);
    expect(ackedBeforeBackup.filter((id) => !restored.has(id))).toEqual([]);
    // One instant of the database: the rows 1..n with no gap (the writer's order), not a mix.
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect(ids.length).toBeGreaterThanOrEqual(ackedBeforeBackup.length);
    expect(fingerprints(target.uploadsDir)).toEqual(fingerprints(uploadsDir));
  });

  it("names a second backup of the same minute apart, never overwriting the first", async () => {
    const second = await createBackup({ databasePath: livePath, uploadsDir, outDir, now: new Date(2026, 11, 4, 5, 30) });
    expect(path.basename(second.archivePath)).toBe("portal-ipsm-2026-12-04T0530-2.tar.gz");
    expect(existsSync(backup.archivePath)).toBe(true);
    rmSync(second.archivePath);
  });
});

describe("npm run restore", () => {
  it("refuses a database a running process holds open, unless forced", async () => {
    const target = oldInstallation(tempDir("target"));
    const holder = startNode(HOLDER, target.databasePath);
    await untilLine(holder, "ready");
    expect(await databaseInUse(target.databasePath)).toBe(true);

    await expect(restoreBackup({ archive: backup.archivePath, ...target })).rejects.toThrow(
      /in use.*Nothing was changed.*Stop the portal first/s,
    );
    expect(existsSync(`${target.databasePath}-wal`)).toBe(true); // the holder's WAL, left alone
    untouched(target);

    const forced = await restoreBackup({ archive: backup.archivePath, ...target, force: true });
    expect(forced.replacedWhileInUse).toBe(true);
    expect(forced.warnings.join()).toMatch(/Restart the portal/);
    await stopped(holder, "SIGKILL");

    expect(integrity(target.databasePath)).toEqual(["ok"]);
    expect(fingerprints(target.uploadsDir)).toEqual(fingerprints(uploadsDir));
    const db = new Database(target.databasePath, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'Marker'").get()).toBeUndefined();
    db.close();

    // Once nobody holds it, a restore needs no --force.
    expect(await databaseInUse(target.databasePath)).toBe(false);
    await expect(restoreBackup({ archive: backup.archivePath, ...target })).resolves.toMatchObject({ replacedWhileInUse: false });
  });

  it("refuses an archive that is damaged, not a backup, or missing, and changes nothing", async () => {
    const dir = tempDir("bad");
    const target = oldInstallation(dir);
    const restore = (archive: string) => restoreBackup({ archive, ...target, force: true });

    const garbage = path.join(dir, "portal-ipsm-2026-01-01T0000.tar.gz");
    writeFileSync(garbage, randomBytes(4096));
    await expect(restore(garbage)).rejects.toThrow(/is not a readable \.tar\.gz archive.*restore an older backup/);

    const truncated = path.join(dir, "truncated.tar.gz");
    writeFileSync(truncated, readFileSync(backup.archivePath).subarray(0, Math.floor(backup.bytes / 2)));
    await expect(restore(truncated)).rejects.toThrow(/damaged or incomplete/);

    const other = path.join(dir, "other");
    mkdirSync(path.join(other, "photos"), { recursive: true });
    writeFileSync(path.join(other, "photos", "hello.txt"), "hello");
    const unknown = path.join(dir, "photos.tar.gz");
    execFileSync("tar", ["-czf", unknown, "-C", other, "photos"]);
    await expect(restore(unknown)).rejects.toThrow(/is not a Portal IPSM backup: it has no manifest\.json/);

    // A real backup whose database was damaged after it was written.
    const unpacked = path.join(dir, "unpacked");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", backup.archivePath, "-C", unpacked]);
    const [top] = readdirSync(unpacked);
    const copy = path.join(unpacked, top!, backup.manifest.database.file);
    const bytes = readFileSync(copy);
    randomBytes(8192).copy(bytes, 8 * 4096);
    writeFileSync(copy, bytes);
    const damaged = path.join(dir, "damaged.tar.gz");
    execFileSync("tar", ["-czf", damaged, "-C", unpacked, top!]);
    await expect(restore(damaged)).rejects.toThrow(/does not match its checksum.*Restore an older backup/);

    // ... and with its checksum forged, integrity_check still catches it.
    const manifestFile = path.join(unpacked, top!, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.database.sha256 = createHash("sha256").update(bytes).digest("hex");
    writeFileSync(manifestFile, JSON.stringify(manifest));
    execFileSync("tar", ["-czf", damaged, "-C", unpacked, top!]);
    await expect(restore(damaged)).rejects.toThrow(/fails PRAGMA integrity_check/);

    await expect(restore(path.join(dir, "nowhere.tar.gz"))).rejects.toThrow(/No archive at .*nowhere\.tar\.gz/);
    untouched(target);
  });
});
