// Prisma CLI configuration. Prisma 6.19 runs its schema engine as WebAssembly through the
// better-sqlite3 driver adapter, so no native engine is downloaded (see docs/decisions/001).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

// Prisma does not read .env when a config file exists: default the URL here.
process.env.DATABASE_URL ??= "file:./data/portal.db";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL as string });
  },
} satisfies PrismaConfig;
