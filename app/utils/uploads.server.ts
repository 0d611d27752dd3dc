// Uploaded files: multipart forms (a file with its fields, read in memory with a size limit per
// part), and the one way a record and its files are saved together (saveWithFiles).
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { refuseCrossSiteWrite } from "./cross-site.server";
import { readFormData, unreadableFormResponse } from "./request-form.server";

/**
 * The posted form, or "tooBig" when a part exceeds the limit (plus a margin for the headers). A
 * form posted without a file (url-encoded: a page's other forms share the action) is read as is.
 */
export async function readMultipart(request: Request, maxPartBytes: number): Promise<FormData | "tooBig"> {
  refuseCrossSiteWrite(request);
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type)) return readFormData(request);
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes + 64 * 1024 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooBig";
    // a multipart body cut short or not multipart at all: a 400, not a 500
    throw unreadableFormResponse();
  }
}

/** A file field's bytes and size, or null when no file was chosen. */
export async function fileField(form: FormData, name: string): Promise<{ bytes: Uint8Array; size: number } | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), size: file.size };
}

/** Every file chosen in a multiple file field (empty ones skipped). */
export async function fileFields(form: FormData, name: string): Promise<{ bytes: Uint8Array; size: number }[]> {
  const files = form.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), size: file.size })));
}

/** A file to write: its full path inside UPLOADS_DIR and its bytes. */
export type FileToStore = { path: string; bytes: Uint8Array };

/** The outcome when the uploads folder cannot take the files: nothing was saved. */
export const STORAGE_FAULT = { ok: false, storageFault: true } as const;
export type StorageFault = typeof STORAGE_FAULT;

/**
 * Saves a record with its files, both or neither: the files are written first (when the uploads
 * folder is missing, full or not writable, nothing reaches the database and STORAGE_FAULT comes
 * back, for a clear message with the user's input kept); then `save` runs (one transaction);
 * when it throws, or its result says it did not save (`saved`), the files just written are
 * removed again. Files the record replaces are the caller's to remove once this succeeded.
 */
export async function saveWithFiles<T>(
  files: FileToStore[],
  save: () => Promise<T>,
  saved: (result: T) => boolean = () => true,
): Promise<T | StorageFault> {
  const written: string[] = [];
  try {
    for (const file of files) {
      await mkdir(path.dirname(file.path), { recursive: true });
      // "wx": never overwrite a file that is already there (names are random).
      await writeFile(file.path, file.bytes, { flag: "wx" });
      written.push(file.path);
    }
  } catch (error) {
    console.error("uploads: cannot store a file", error);
    await removeFiles(written);
    return STORAGE_FAULT;
  }
  let result: T;
  try {
    result = await save();
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
  if (!saved(result)) await removeFiles(written);
  return result;
}

/** Whether an outcome is the storage fault of saveWithFiles. */
export function isStorageFault(result: unknown): result is StorageFault {
  return typeof result === "object" && result !== null && (result as { storageFault?: unknown }).storageFault === true;
}

/** Removes files; one that cannot be removed is left (and logged), never failing the caller. */
export async function removeFiles(paths: string[]): Promise<void> {
  for (const file of paths) {
    await rm(file, { force: true }).catch((error: unknown) => console.error("uploads: cannot remove", file, error));
  }
}
