import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { t } from "~/i18n";
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

// The adapter has ONE connection. It serialises interactive transactions, but any other query
// issued while a transaction is open runs on that same connection, inside the transaction: a
// write would vanish with a rollback. So every write takes its turn in one queue, first come,
// first served: a transaction holds its turn from BEGIN to COMMIT, a write outside a transaction
// for its one statement. Reads go on (they may see the open transaction's rows, which keeps pages
// and progress answering during a long import). Code inside a transaction callback is recognised
// through AsyncLocalStorage and never waits on itself. See docs/decisions/006 and 033 (a write
// waits only for the turns ahead of it, not until the queue is empty: under a stream of
// transactions it used to wait for all of them).
const insideTransaction = new AsyncLocalStorage<true>();
let writerQueue: Promise<void> = Promise.resolve();

/** A place at the end of the writers' queue: `ready` when the turns ahead have ended; call `done` to end this one. */
function takeTurn(): { ready: Promise<void>; done: () => void } {
  const ready = writerQueue;
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  writerQueue = ready.then(() => mine);
  return { ready, done };
}

async function outsideTransactions<T>(run: () => Promise<T>): Promise<T> {
  if (insideTransaction.getStore()) return run();
  const turn = takeTurn();
  await turn.ready;
  try {
    return await run();
  } finally {
    turn.done();
  }
}

const base = connection.client;

// When the disk is full, fails or turns read-only, SQLite refuses the write and rolls the
// transaction back: nothing is half-saved. The person gets a clear Indonesian answer (503, their
// form is not lost: the browser keeps it on the previous page), the log says what failed.
const STORAGE_FAILURE =
  /SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)|database or disk is full|disk I\/O error|readonly database|unable to open database file|database disk image is malformed/i;

function storageFailure(error: unknown): Response | null {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  if (!STORAGE_FAILURE.test(text)) return null;
  console.error(`database: a write failed because of the storage (${getEnv().DATABASE_URL}):`, error);
  return new Response(t("error.storage"), {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Runs a write; a storage failure becomes the 503 answer, anything else is passed on. */
async function guardStorage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}

type TransactionClient = Parameters<Parameters<typeof base.$transaction>[0]>[0];

/** `db.$transaction(async (tx) => ...)`: one at a time; writes outside it wait for it. */
async function transaction<R>(fn: (tx: TransactionClient) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R> {
  if (insideTransaction.getStore()) throw new Error("Nested db.$transaction: pass the transaction client instead.");
  const turn = takeTurn();
  await turn.ready;
  try {
    return await guardStorage(() => insideTransaction.run(true, () => base.$transaction((tx) => fn(tx), options)));
  } finally {
    turn.done();
  }
}

const WRITE_METHODS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

function gateDelegate(delegate: object) {
  return new Proxy(delegate, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (!WRITE_METHODS.has(String(prop))) return value.bind(target);
      return (...args: unknown[]) => guardStorage(() => outsideTransactions(() => value.apply(target, args)));
    },
  });
}

const RAW_METHODS = new Set(["$executeRaw", "$executeRawUnsafe"]);
const delegates = new Map<PropertyKey, object>();

/** The application's database client (see the note on transactions above). */
export const db: typeof base = new Proxy(base, {
  get(target, prop, receiver) {
    if (prop === "$transaction") return transaction;
    const value = Reflect.get(target, prop, receiver);
    if (typeof prop === "string" && RAW_METHODS.has(prop)) {
      const raw = value as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => guardStorage(() => outsideTransactions(() => raw.apply(target, args)));
    }
    if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object") {
      if (!delegates.has(prop)) delegates.set(prop, gateDelegate(value));
      return delegates.get(prop);
    }
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** Resolves once the connection pragmas are applied. */
export function dbReady(): Promise<void> {
  return connection.ready;
}
