import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type { Prisma } from "~/generated/prisma/client";

function createClient() {
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 5000 }),
  });
  // The adapter opens one better-sqlite3 connection and runs queries in order, so these
  // pragmas, queued first, apply before any query of the application.
  // WAL lets readers go on while a writer commits; SQLite enforces foreign keys only when asked.
  const ready = Promise.all([
    client.$queryRawUnsafe("PRAGMA journal_mode = WAL"),
    client.$executeRawUnsafe("PRAGMA foreign_keys = ON"),
    client.$executeRawUnsafe("PRAGMA synchronous = NORMAL"),
  ]).then(() => undefined);
  return { client, ready };
}

type Connection = ReturnType<typeof createClient>;

// One client per process, kept on globalThis so that dev-server reloads reuse it.
const globalForDb = globalThis as unknown as { __ipsmDb?: Connection };
const connection = (globalForDb.__ipsmDb ??= createClient());

export const db = connection.client;

/** Resolves once the connection pragmas are applied. */
export function dbReady(): Promise<void> {
  return connection.ready;
}
