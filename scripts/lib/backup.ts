// Backup and restore of a portal: the SQLite database and the uploads folder, in one dated
// .tar.gz. Used by `npm run backup` / `npm run restore` (scripts/backup.ts, scripts/restore.ts)
// and called directly by tests/integration/backup.test.ts.
//
// The database is copied with SQLite's online backup API in ONE step: that step reads inside one
// read transaction, so the copy is the database as it stood at one instant, while the running
// portal goes on writing (WAL mode: a reader never blocks the writer). Copying the file itself
// would miss what is still in the -wal file, or catch a page half written.
//
// Archive layout (one top-level folder, so that unpacking it by hand makes no mess):
//   portal-ipsm-2026-12-04T0530/manifest.json   what, when, from which version, checksums
//   portal-ipsm-2026-12-04T0530/portal.db       the database (rollback journal: a single file)
//   portal-ipsm-2026-12-04T0530/uploads/...     the uploads folder
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { loadEnvFile, sqlitePath } from "./env-file.mjs";

/** A refusal or failure with a message that says what to do; the scripts print it and exit 1. */
export class BackupError extends Error {
  override name = "BackupError";
}

export const ARCHIVE_PREFIX = "portal-ipsm-";
const ARCHIVE_NAME = /^portal-ipsm-\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?\.tar\.gz$/;
const MANIFEST_FORMAT = "portal-ipsm-backup";
const MANIFEST_VERSION = 1;
/** Tables counted in the manifest (those present in the database). */
const COUNTED_TABLES = ["Chapter", "User", "Member", "Activity", "Report", "AuditLog"];

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * For the scripts: the portal's database and uploads folder as the portal itself finds them
 * (.env, then the environment; relative paths from the project folder), and BACKUP_DIR.
 */
export function configuredPaths(): { databasePath: string; uploadsDir: string; backupDir: string } {
  process.chdir(PROJECT_ROOT);
  loadEnvFile();
  return {
    databasePath: path.resolve(sqlitePath(process.env.DATABASE_URL || "file:./data/portal.db")),
    uploadsDir: path.resolve(process.env.UPLOADS_DIR || "./data/uploads"),
    backupDir: path.resolve(process.env.BACKUP_DIR || "./backups"),
  };
}

/** A path typed on the command line, from the folder the command was typed in (npm moves to the project). */
export function userPath(typed: string): string {
  return path.resolve(STARTED_IN, typed);
}
const STARTED_IN = process.env.INIT_CWD ?? process.cwd();

export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  host: string;
  database: {
    file: string;
    bytes: number;
    sha256: string;
    integrityCheck: "ok";
    /** the last applied Prisma migration, when the database has any */
    lastMigration: string | null;
    tables: Record<string, number>;
  };
  uploads: { folder: "uploads"; files: number; bytes: number };
};

export type CreateBackupOptions = {
  /** the live database file */
  databasePath: string;
  /** the live uploads folder (a missing folder is archived as an empty one) */
  uploadsDir: string;
  /** where the archive is written (created if missing) */
  outDir: string;
  /** the time stamped on the archive's name and manifest (default: now; the name uses local time) */
  now?: Date;
};

export type BackupResult = { archivePath: string; bytes: number; manifest: BackupManifest; warnings: string[] };

export type RestoreBackupOptions = {
  archive: string;
  /** the database file to replace (need not exist) */
  databasePath: string;
  /** the uploads folder to replace (need not exist) */
  uploadsDir: string;
  /** replace the database even though a running process holds it open */
  force?: boolean;
};

export type RestoreResult = {
  manifest: BackupManifest;
  databasePath: string;
  uploadsDir: string;
  /** a process had the database open and --force replaced it anyway: restart that portal now */
  replacedWhileInUse: boolean;
  warnings: string[];
};

// ---------------------------------------------------------------------------------------------
// Backup

/** Writes one archive of the database and the uploads folder; the database copy is checked first. */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const databasePath = path.resolve(options.databasePath);
  const uploadsDir = path.resolve(options.uploadsDir);
  const outDir = path.resolve(options.outDir);
  const now = options.now ?? new Date();
  const warnings: string[] = [];

  if (!(await isFile(databasePath))) {
    throw new BackupError(`No database at ${databasePath}. Set DATABASE_URL (in .env or the environment) to the portal's database file.`);
  }
  await mkdir(outDir, { recursive: true, mode: 0o700 });

  const baseName = await freeArchiveName(outDir, `${ARCHIVE_PREFIX}${stamp(now)}`);
  const staging = await mkdtemp(path.join(os.tmpdir(), "portal-ipsm-backup-"));
  const top = path.join(staging, baseName);
  const databaseFile = path.basename(databasePath);
  const partial = path.join(outDir, `${baseName}.tar.gz.partial`);
  try {
    await mkdir(top);
    const copy = path.join(top, databaseFile);
    await onlineBackup(databasePath, copy);
    const checked = checkAndDescribe(copy);
    if (checked.problems) {
      throw new BackupError(
        `The copy of ${databasePath} failed PRAGMA integrity_check:\n  ${checked.problems.join("\n  ")}\n` +
          "The live database itself is probably damaged: keep the portal's last good backup, and do not delete older archives.",
      );
    }

    // The uploads after the database: a record in the copy then has its file (files are saved
    // before their record, decision 014). Archived through a link, so nothing is copied twice.
    let uploads = { files: 0, bytes: 0 };
    if (await isDirectory(uploadsDir)) {
      uploads = await folderSize(uploadsDir);
      await symlink(uploadsDir, path.join(top, "uploads"), "dir");
    } else {
      warnings.push(`No uploads folder at ${uploadsDir}: the archive holds an empty one.`);
      await mkdir(path.join(top, "uploads"));
    }

    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      createdAt: now.toISOString(),
      app: await appVersion(),
      host: os.hostname(),
      database: {
        file: databaseFile,
        bytes: (await stat(copy)).size,
        sha256: await sha256(copy),
        integrityCheck: "ok",
        lastMigration: checked.lastMigration,
        tables: checked.tables,
      },
      uploads: { folder: "uploads", ...uploads },
    };
    await writeFile(path.join(top, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    // -h follows the uploads link. GNU tar ends with status 1 when a file changed or vanished
    // while it read it (an upload during the backup): the archive is still whole, so that is a
    // warning; the listing below proves the archive reads back.
    const packed = await run("tar", ["-czhf", partial, "-C", staging, baseName], { okStatuses: [0, 1] });
    if (packed.status === 1) warnings.push(`tar: ${packed.stderr.trim() || "some files changed while they were read"}`);
    const names = await listArchive(partial);
    for (const needed of [`${baseName}/manifest.json`, `${baseName}/${databaseFile}`]) {
      if (!names.includes(needed))
        throw new BackupError(`The archive ${partial} misses ${needed}: tar did not finish. Check the free space in ${outDir}.`);
    }
    await chmod(partial, 0o600); // personal data (NIK) inside
    const archivePath = path.join(outDir, `${baseName}.tar.gz`);
    await rename(partial, archivePath);
    return { archivePath, bytes: (await stat(archivePath)).size, manifest, warnings };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/** The database as it stands at one instant, with the online backup API, as one single-file database. */
async function onlineBackup(source: string, destination: string) {
  const live = new Database(source, { fileMustExist: true, timeout: 10_000 });
  try {
    // better-sqlite3 copies 100 pages per step by default and yields between steps; a write
    // by the portal between two steps restarts the copy, endlessly under steady writes. All
    // remaining pages in one step: one read transaction, one consistent snapshot.
    await live.backup(destination, { progress: () => 0x7fffffff });
  } catch (error) {
    throw new BackupError(
      `Could not copy the database ${source}: ${message(error)}. Check that it is the portal's SQLite file and that it is readable.`,
    );
  } finally {
    live.close();
  }
  const copy = new Database(destination, { fileMustExist: true });
  try {
    // The copy keeps the live file's WAL flag; fold it into one self-contained file.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** Runs integrity_check on a database file and reads what the manifest records. */
function checkAndDescribe(file: string): { problems: string[] | null; lastMigration: string | null; tables: Record<string, number> } {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const problems = integrityProblems(db);
    if (problems) return { problems, lastMigration: null, tables: {} };
    const present = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
    );
    const tables: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      if (present.has(table)) tables[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }
    const last = present.has("_prisma_migrations")
      ? (db
          .prepare(
            "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1",
          )
          .get() as { name: string } | undefined)
      : undefined;
    return { problems: null, lastMigration: last?.name ?? null, tables };
  } finally {
    db.close();
  }
}

/** null when `PRAGMA integrity_check` answers ok, otherwise its first complaints. */
function integrityProblems(db: Database.Database): string[] | null {
  try {
    const rows = db.pragma("integrity_check(20)") as { integrity_check: string }[];
    const lines = rows.map((row) => row.integrity_check);
    return lines.length === 1 && lines[0] === "ok" ? null : lines;
  } catch (error) {
    // A file damaged badly enough makes the check itself fail ("database disk image is malformed").
    return [message(error)];
  }
}

/** Keeps the newest `keep` archives in `outDir` (by time written); returns the paths deleted. */
export async function pruneBackups(outDir: string, keep: number): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`--keep must be a whole number of at least 1 (got ${keep}).`);
  const dir = path.resolve(outDir);
  const archives = await Promise.all(
    (await readdir(dir))
      .filter((name) => ARCHIVE_NAME.test(name))
      .map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtimeMs })),
  );
  archives.sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  const old = archives.slice(keep).map((a) => path.join(dir, a.name));
  for (const file of old) await rm(file, { force: true });
  return old;
}

// ---------------------------------------------------------------------------------------------
// Restore

/** Puts an archive back: checks it whole, then replaces the database and the uploads folder. */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const archive = path.resolve(options.archive);
  const databasePath = path.resolve(options.databasePath);
  const uploadsDir = path.resolve(options.uploadsDir);
  const warnings: string[] = [];

  if (!(await isFile(archive))) {
    throw new BackupError(`No archive at ${archive}. Give the path of a ${ARCHIVE_PREFIX}*.tar.gz written by npm run backup.`);
  }
  const work = await mkdtemp(path.join(os.tmpdir(), "portal-ipsm-restore-"));
  const staged: string[] = [];
  try {
    // 1. The archive: readable, ours, and whole.
    const names = await listArchive(archive).catch((error: unknown) => {
      throw new BackupError(
        `${archive} is not a readable .tar.gz archive (${message(error)}). It may be damaged or incomplete: restore an older backup.`,
      );
    });
    const top = topFolder(names, archive);
    await run("tar", ["-xzf", archive, "-C", work, "--no-same-owner"]).catch((error: unknown) => {
      throw new BackupError(`Could not unpack ${archive} (${message(error)}). It may be damaged or incomplete: restore an older backup.`);
    });
    const root = path.join(work, top);
    await refuseLinks(root, archive);
    const manifest = await readManifest(root, archive);
    const copy = path.join(root, manifest.database.file);
    if (!(await isFile(copy))) throw notOurs(archive, `it has no ${manifest.database.file}`);
    if ((await sha256(copy)) !== manifest.database.sha256) {
      throw new BackupError(`The database in ${archive} does not match its checksum: the archive is damaged. Restore an older backup.`);
    }
    const checkDb = new Database(copy, { fileMustExist: true, readonly: true });
    let problems: string[] | null;
    try {
      problems = integrityProblems(checkDb);
    } finally {
      checkDb.close();
    }
    if (problems) {
      throw new BackupError(
        `The database in ${archive} fails PRAGMA integrity_check:\n  ${problems.join("\n  ")}\nRestore an older backup.`,
      );
    }
    const restoredUploads = path.join(root, "uploads");
    if (!(await isDirectory(restoredUploads))) throw notOurs(archive, "it has no uploads folder");
    const knownMigration = await migrationKnown(manifest.database.lastMigration);
    if (!knownMigration) {
      warnings.push(
        `The backup was made by a newer version of the portal (migration ${manifest.database.lastMigration} is not in prisma/migrations): ` +
          "update this installation before starting the portal.",
      );
    }

    // 2. The target: nobody may be using it, unless --force.
    const inUse = await databaseInUse(databasePath);
    if (inUse && !options.force) {
      throw new BackupError(
        `The database ${databasePath} is in use: a running process (the portal?) has it open. Nothing was changed.\n` +
          "Stop the portal first (Ctrl+C on npm start, or stop its service), then run the restore again. " +
          "Add --force only if you are sure, and restart the portal right after: it would otherwise keep the old database open.",
      );
    }
    if (inUse) warnings.push(`--force: ${databasePath} was open in another process. Restart the portal now.`);

    // 3. Replace: stage both next to their targets (same disk), then swap by renaming.
    const suffix = `.restoring-${process.pid}`;
    const newUploads = `${uploadsDir}${suffix}`;
    const newDatabase = `${databasePath}${suffix}`;
    staged.push(newUploads, newDatabase);
    await mkdir(path.dirname(uploadsDir), { recursive: true });
    await mkdir(path.dirname(databasePath), { recursive: true });
    await cp(restoredUploads, newUploads, { recursive: true });
    await cp(copy, newDatabase);
    const previousMode = await stat(databasePath).then(
      (s) => s.mode & 0o777,
      () => null,
    );
    if (previousMode !== null) await chmod(newDatabase, previousMode);
    // WAL, as the portal runs it: then any process that opens the file holds a lock that
    // databaseInUse() sees, even before its first query.
    const staging = new Database(newDatabase, { fileMustExist: true });
    try {
      staging.pragma("journal_mode = WAL");
    } finally {
      staging.close();
    }
    staged.push(`${newDatabase}-wal`, `${newDatabase}-shm`);

    // A stale -wal would be replayed onto the restored file: remove it before the file arrives.
    for (const extra of ["-wal", "-shm", "-journal"]) await rm(`${databasePath}${extra}`, { force: true });
    await rename(newDatabase, databasePath);
    const oldUploads = `${uploadsDir}.replaced-${process.pid}`;
    staged.push(oldUploads);
    if (await exists(uploadsDir)) await rename(uploadsDir, oldUploads);
    await rename(newUploads, uploadsDir);
    await rm(oldUploads, { recursive: true, force: true });

    return { manifest, databasePath, uploadsDir, replacedWhileInUse: inUse, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
    for (const leftover of staged) await rm(leftover, { recursive: true, force: true });
  }
}

/**
 * Whether another connection has the database open. The portal keeps its connection open in WAL
 * mode, and a connection that has read a WAL database holds a shared lock on the file for as
 * long as it is open; a connection in exclusive locking mode must take an exclusive lock to open
 * the WAL, which fails at once (busy timeout 0) while that shared lock is held. A write in
 * progress fails it too. (An idle connection to a database in rollback-journal mode holds no
 * lock and cannot be seen: the portal never runs one, and restore leaves the file in WAL mode.)
 * When it succeeds, closing folds any stale -wal left by a crash into the file and removes it.
 */
export async function databaseInUse(file: string): Promise<boolean> {
  if (!(await isFile(file))) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return true;
    // Not a database at all (or unreadable): no portal can be using it as one.
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") return false;
    throw error;
  } finally {
    db.close();
  }
}

/** The one top-level folder every entry lives in; refuses absolute paths and `..`. */
function topFolder(names: string[], archive: string): string {
  const tops = new Set<string>();
  for (const name of names) {
    const parts = name.split("/").filter((part) => part !== "" && part !== ".");
    if (name.startsWith("/") || parts.includes("..")) throw notOurs(archive, `it has an unsafe entry "${name}"`);
    if (parts[0]) tops.add(parts[0]);
  }
  const [top] = tops;
  if (tops.size !== 1 || !top) throw notOurs(archive, "its entries do not sit in one folder");
  if (!names.some((name) => name.replace(/^\.\//, "") === `${top}/manifest.json`)) throw notOurs(archive, "it has no manifest.json");
  return top;
}

async function refuseLinks(folder: string, archive: string) {
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isDirectory()) throw notOurs(archive, `it holds a link or special file (${entry.name})`);
  }
}

async function readManifest(root: string, archive: string): Promise<BackupManifest> {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8")) as Partial<BackupManifest>;
  } catch {
    throw notOurs(archive, "its manifest.json cannot be read");
  }
  if (manifest.format !== MANIFEST_FORMAT) throw notOurs(archive, "its manifest.json is not a Portal IPSM manifest");
  if (manifest.formatVersion !== MANIFEST_VERSION) {
    throw new BackupError(
      `${archive} has backup format ${manifest.formatVersion}; this version reads format ${MANIFEST_VERSION}. Update the portal first.`,
    );
  }
  const file = manifest.database?.file;
  if (!file || file !== path.basename(file) || typeof manifest.database?.sha256 !== "string") {
    throw notOurs(archive, "its manifest.json names no database");
  }
  return manifest as BackupManifest;
}

function notOurs(archive: string, why: string) {
  return new BackupError(
    `${archive} is not a Portal IPSM backup: ${why}. Give an archive written by npm run backup (${ARCHIVE_PREFIX}*.tar.gz).`,
  );
}

async function migrationKnown(name: string | null): Promise<boolean> {
  if (!name) return true;
  const folder = path.join(PROJECT_ROOT, "prisma", "migrations");
  if (!(await isDirectory(folder))) return true;
  return (await readdir(folder)).includes(name);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** `2026-12-04T0530` in the server's local time (what someone reading `ls backups` expects). */
function stamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}${two(date.getMinutes())}`;
}

/** The name itself, or with -2, -3... when a backup of the same minute exists: never overwrite. */
async function freeArchiveName(outDir: string, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(path.join(outDir, `${name}.tar.gz`))) && !(await exists(path.join(outDir, `${name}.tar.gz.partial`)))) return name;
  }
}

async function appVersion(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { name?: string; version?: string };
  return { name: pkg.name ?? "portal-ipsm", version: pkg.version ?? "unknown" };
}

async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function listArchive(archive: string): Promise<string[]> {
  const { stdout } = await run("tar", ["-tzf", archive]);
  return stdout.split("\n").filter(Boolean);
}

/** Runs a command; rejects with its stderr unless it ends with one of `okStatuses`. */
function run(command: string, args: string[], { okStatuses = [0] }: { okStatuses?: number[] } = {}) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(command, args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (error && (error as { code?: unknown }).code === "ENOENT") {
        reject(new BackupError(`The "${command}" command is not installed; install it (e.g. apt-get install ${command}).`));
      } else if (okStatuses.includes(status)) {
        resolve({ status, stdout, stderr });
      } else {
        reject(new Error(`${command} ${status}: ${stderr.trim().split("\n").slice(0, 3).join(" / ") || error?.message}`));
      }
    });
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
