// Activities kept on the phone until they reach the server (docs/decisions/027): IndexedDB
// through `idb`, one record per activity with the form as it was typed and its photos (as
// Blobs), always read and written for one signed-in person.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { CoVolunteer } from "~/validation/co-volunteers";

export type FieldEntry = [name: string, value: string | File];

export type UnsentActivity = {
  localId: string;
  userId: string;
  /** the form's key: every send of this activity carries it, so the server saves it once */
  idempotencyKey: string;
  savedAt: number;
  fields: FieldEntry[];
  /** what the list shows: the activity date, type and kelurahan as the form named them */
  summary: { date: string; type: string; village: string; photos: number; coVolunteers?: CoVolunteer[] };
  /** waiting to be sent; refused: the server said why (the volunteer opens it and fixes it) */
  state: "waiting" | "refused";
  refusal?: { formError?: string; fieldErrors: Record<string, string> };
  /** why the last try did not get through: no signal, a server fault, or the person is signed out */
  lastProblem?: "network" | "server" | "signedOut";
  tries: number;
};

interface OfflineDb extends DBSchema {
  unsent: { key: string; value: UnsentActivity; indexes: { byUser: string } };
  /** keys of forms that reached the server, so a form the phone kept as last seen is not sent twice under one key */
  sentKeys: { key: string; value: { key: string; userId: string; at: number } };
}

const DB_NAME = "ipsm-offline";
let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;

function database() {
  opening ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("unsent", { keyPath: "localId" }).createIndex("byUser", "userId");
      db.createObjectStore("sentKeys", { keyPath: "key" });
    },
  });
  return opening;
}

/** A kept activity changed (saved, sent, deleted): this tab and the others update their lists and counts. */
export const QUEUE_EVENT = "ipsm:unsent-changed";
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(QUEUE_EVENT) : null;

function announce() {
  window.dispatchEvent(new Event(QUEUE_EVENT));
  channel?.postMessage("changed");
}
channel?.addEventListener("message", () => window.dispatchEvent(new Event(QUEUE_EVENT)));

export async function listUnsent(userId: string): Promise<UnsentActivity[]> {
  const all = await (await database()).getAllFromIndex("unsent", "byUser", userId);
  return all.sort((a, b) => a.savedAt - b.savedAt);
}

export async function countUnsent(userId: string): Promise<number> {
  return (await database()).countFromIndex("unsent", "byUser", userId);
}

/** One kept activity of this person, or null (another person's is never returned). */
export async function getUnsent(userId: string, localId: string): Promise<UnsentActivity | null> {
  const item = await (await database()).get("unsent", localId);
  return item && item.userId === userId ? item : null;
}

export async function putUnsent(item: UnsentActivity): Promise<void> {
  await (await database()).put("unsent", item);
  announce();
}

export async function deleteUnsent(userId: string, localId: string): Promise<void> {
  const db = await database();
  const tx = db.transaction("unsent", "readwrite");
  const item = await tx.store.get(localId);
  if (item && item.userId === userId) await tx.store.delete(localId);
  await tx.done;
  announce();
}

/** The kept activity carrying this form key, if any. */
export async function findByKey(userId: string, key: string): Promise<UnsentActivity | null> {
  return (await listUnsent(userId)).find((item) => item.idempotencyKey === key) ?? null;
}

/** Long enough for any page the phone kept to have been seen again online (which gives it a new key). */
const SENT_KEYS_KEPT_MS = 90 * 86_400_000;

export async function rememberSentKey(userId: string, key: string): Promise<void> {
  const db = await database();
  const tx = db.transaction("sentKeys", "readwrite");
  await tx.store.put({ key, userId, at: Date.now() });
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.at < Date.now() - SENT_KEYS_KEPT_MS) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

export async function wasSent(key: string): Promise<boolean> {
  return (await (await database()).get("sentKeys", key)) !== undefined;
}

/** Everything this person kept on the phone (sign-out): their unsent activities and sent keys. */
export async function forgetUser(userId: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["unsent", "sentKeys"], "readwrite");
  for (const key of await tx.objectStore("unsent").index("byUser").getAllKeys(userId)) await tx.objectStore("unsent").delete(key);
  let cursor = await tx.objectStore("sentKeys").openCursor();
  while (cursor) {
    if (cursor.value.userId === userId) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  announce();
}
