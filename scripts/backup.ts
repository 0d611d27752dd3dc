// `npm run backup [-- --out DIR] [--keep N]`: one dated archive of the database (SQLite's online
// backup API, safe while the portal runs) and the uploads folder, e.g.
// backups/portal-ipsm-2026-12-04T0530.tar.gz. The database copy passes PRAGMA integrity_check
// before it is archived. BACKUP_DIR sets the folder (default ./backups), BACKUP_KEEP how many
// archives to keep (default: all). Exit code 0 when written, 1 when it failed, 2 for a wrong
// command line. See scripts/lib/backup.ts.
import { parseArgs } from "node:util";
import { BackupError, configuredPaths, createBackup, pruneBackups, userPath } from "./lib/backup";

const USAGE = `Usage: npm run backup [-- --out DIR] [--keep N]
  --out DIR   where to write the archive (default: BACKUP_DIR, or ./backups)
  --keep N    afterwards, delete all but the newest N archives in that folder (default: BACKUP_KEEP, or keep all)
The database is DATABASE_URL and the uploads UPLOADS_DIR, read from .env or the environment.`;

async function main(): Promise<number> {
  let values: { out?: string; keep?: string; help?: boolean };
  try {
    values = parseArgs({ options: { out: { type: "string" }, keep: { type: "string" }, help: { type: "boolean" } }, strict: true }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outArg = values.out;
  const keepText = values.keep ?? process.env.BACKUP_KEEP;
  const paths = configuredPaths();
  const outDir = outArg ? userPath(outArg) : paths.backupDir;
  const keep = keepText ? Number(keepText) : null;
  if (keep !== null && (!Number.isInteger(keep) || keep < 1)) {
    console.error(`--keep / BACKUP_KEEP must be a whole number of at least 1 (got "${keepText}").\n\n${USAGE}`);
    return 2;
  }

  try {
    console.log(`Backing up ${paths.databasePath} and ${paths.uploadsDir} ...`);
    const result = await createBackup({ databasePath: paths.databasePath, uploadsDir: paths.uploadsDir, outDir });
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    const { database, uploads } = result.manifest;
    const counts = Object.entries(database.tables)
      .map(([table, n]) => `${table} ${n}`)
      .join(", ");
    console.log(`Database copy: integrity_check ok, ${megabytes(database.bytes)}${counts ? ` (${counts})` : ""}`);
    console.log(`Uploads: ${uploads.files} files, ${megabytes(uploads.bytes)}`);
    console.log(`Backup written: ${result.archivePath} (${megabytes(result.bytes)})`);
    if (keep !== null) {
      const deleted = await pruneBackups(outDir, keep);
      for (const file of deleted) console.log(`Deleted old backup ${file}`);
    }
    return 0;
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    if (!(error instanceof BackupError) && error instanceof Error && error.stack) console.error(error.stack);
    return 1;
  }
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

process.exitCode = await main();
