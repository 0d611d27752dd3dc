import path from "node:path";

/** Scratch space of the test suites (gitignored). */
export const TMP_DIR = path.resolve("tests", ".tmp");
/** The migrated database with the regions loaded, copied for every integration test file. */
export const BASE_DB = path.join(TMP_DIR, "base.db");
