import path from "node:path";

/**
 * Scratch space of the test suites (gitignored). `TEST_TMP_DIR` gives a run its own folder, so
 * that two runs in one checkout (two engineers, or a run beside the benchmark) do not delete each
 * other's base database.
 */
export const TMP_DIR = path.resolve(process.env.TEST_TMP_DIR ?? path.join("tests", ".tmp"));
/** The migrated database with the regions loaded, copied for every integration test file. */
export const BASE_DB = path.join(TMP_DIR, "base.db");
/** What loading every region into the base database took (RegionLoad as JSON). */
export const REGION_LOAD_FILE = path.join(TMP_DIR, "region-load.json");
