// `npm run restore -- FILE [--force]`: puts back an archive written by `npm run backup`. The
// archive is unpacked into a temporary folder and its database checked (checksum, PRAGMA
// integrity_check) before anything is touched; then the database (its stale -wal and -shm files
// removed) and the uploads folder are replaced. Refuses while a running portal has the database
// open, unless --force. Exit code 0 when restored, 1 when refused or failed, 2 for a wrong
// command line. See scripts/lib/backup.ts.
import { parseArgs } from "node:util";
import { BackupError, configuredPaths, restoreBackup, userPath } from "./lib/backup";

const USAGE = `Usage: npm run restore -- FILE [--force]
  FILE      an archive written by npm run backup, e.g. backups/portal-ipsm-2026-12-04T0530.tar.gz
  --force   replace the database even though a running portal has it open (restart the portal right after)
Replaces the database DATABASE_URL and the uploads folder UPLOADS_DIR (from .env or the environment).
Stop the portal first.`;

async function main(): Promise<number> {
  let parsed: { values: { force?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(`${file ? "Give one archive only." : "Which archive? Give its path."}\n\n${USAGE}`);
    return 2;
  }
  const archive = userPath(file);
  const paths = configuredPaths();

  try {
    console.log(`Restoring ${archive}`);
    console.log(`  into ${paths.databasePath} and ${paths.uploadsDir} ...`);
    const result = await restoreBackup({
      archive,
      databasePath: paths.databasePath,
      uploadsDir: paths.uploadsDir,
      force: parsed.values.force,
    });
    const { manifest } = result;
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    console.log(
      `Restored the backup of ${manifest.createdAt} (${manifest.app.name} ${manifest.app.version}, host ${manifest.host}): ` +
        `database checked (integrity_check ok), ${manifest.uploads.files} uploaded files.`,
    );
    console.log(
      result.replacedWhileInUse ? "Restart the portal NOW." : "Start the portal again (npm start): it applies any newer migrations.",
    );
    return 0;
  } catch (error) {
    console.error(`Restore ${error instanceof BackupError ? "refused" : "failed"}: ${error instanceof Error ? error.message : error}`);
    if (!(error instanceof BackupError) && error instanceof Error && error.stack) console.error(error.stack);
    return 1;
  }
}

process.exitCode = await main();
