// Shared by db-migration.mjs and the drift test: what SQL would bring a database built by the
// committed migrations up to prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const prismaBin = path.resolve("node_modules", ".bin", "prisma");

function prisma(args, env = {}) {
  return execFileSync(prismaBin, args, {
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function hasMigrations() {
  const dir = path.join("prisma", "migrations");
  return existsSync(dir) && readdirSync(dir).some((d) => /^\d+_/.test(d));
}

/**
 * SQLite has no enums: `db pull` keeps the enum types of schema.prisma but writes their defaults
 * as strings (`MemberStatus @default("calon")`), which Prisma then refuses to parse. Unquote them.
 */
function enumDefaults(schema) {
  const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  return schema.replace(/^([ \t]+\w+[ \t]+(\w+)\??[ \t].*@default\()"(\w+)"\)/gm, (line, head, type, value) =>
    enums.has(type) ? `${head}${value})` : line,
  );
}

/**
 * Virtual tables (the FTS5 member search, docs/decisions/030) and their shadow tables are made
 * by hand in a migration's SQL and unknown to schema.prisma; `db pull` writes them as models, which
 * the diff would then drop. Leave them out of the pulled schema.
 */
function withoutVirtualTables(schema, databaseFile) {
  const sqlite = new Database(databaseFile, { readonly: true });
  let names;
  try {
    names = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
      .all()
      .map((row) => row.name);
  } finally {
    sqlite.close();
  }
  const handMade = (model) => names.some((name) => model === name || model.startsWith(`${name}_`));
  // A model block, with the comment lines that Prisma writes above it.
  return schema.replace(/^(?:\/\/\/.*\n)*model (\w+) \{\n[\s\S]*?^\}\n?/gm, (block, model) => (handMade(model) ? "" : block));
}

/** SQL from the migrations' state to schema.prisma ("" or Prisma's empty-migration comment if none). */
export function migrationDiff() {
  const schema = path.join("prisma", "schema.prisma");
  // The CLI opens the adapter's database even for a pure diff: point it at a scratch file.
  const tmp = mkdtempSync(path.join(tmpdir(), "ipsm-migrations-"));
  const env = { DATABASE_URL: `file:${path.join(tmp, "current.db")}` };
  try {
    if (!hasMigrations()) {
      return prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], env);
    }
    prisma(["migrate", "deploy"], env);
    // `db pull --print` prefixes a warning about the adapter to stdout: keep the schema only.
    const pulled = prisma(["db", "pull", "--print"], env);
    const current = withoutVirtualTables(
      enumDefaults(pulled.slice(Math.max(0, pulled.search(/^(generator|datasource) /m)))),
      path.join(tmp, "current.db"),
    );
    const currentFile = path.join(tmp, "current.prisma");
    writeFileSync(currentFile, current);
    return prisma(["migrate", "diff", "--from-schema-datamodel", currentFile, "--to-schema-datamodel", schema, "--script"], env);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
