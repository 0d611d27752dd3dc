// Scanned documents (decrees, certificates, receipts): PDF, JPEG or PNG up to 5 MB, recognised by
// their first bytes (not by the name or the type the browser claims), stored in a folder of
// UPLOADS_DIR under an unguessable name; the database keeps only the name and type.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import type { FileToStore } from "~/utils/uploads.server";

export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

export type DocumentError = "missing" | "type" | "size";
export type DocumentUpload = { bytes: Uint8Array; size: number };
export type DocumentFolder = "leadership-sk" | "certificates" | "agreements" | "receipts" | "reports";

const SIGNATURES: { type: string; extension: string; bytes: number[] }[] = [
  { type: "application/pdf", extension: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "image/jpeg", extension: "jpg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", extension: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The kind of file the bytes are, judged by their signature; null for anything else. */
function sniffDocument(bytes: Uint8Array) {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b)) ?? null;
}

/** What is wrong with an upload, or its kind when it is fine. */
export function checkDocument(file: DocumentUpload | null): { error: DocumentError } | { type: string; extension: string } {
  if (!file || file.size === 0 || file.bytes.length === 0) return { error: "missing" };
  if (file.size > DOCUMENT_MAX_BYTES || file.bytes.length > DOCUMENT_MAX_BYTES) return { error: "size" };
  return sniffDocument(file.bytes) ?? { error: "type" };
}

function folderPath(folder: DocumentFolder) {
  return path.resolve(getEnv().UPLOADS_DIR, folder);
}

/** basename() keeps a tampered file name inside the folder. */
function filePath(folder: DocumentFolder, fileName: string) {
  return path.join(folderPath(folder), path.basename(fileName));
}

/**
 * A checked upload's stored name and path, to write with saveWithFiles (uploads.server.ts) so
 * that the record and its file are saved together.
 */
export function planDocument(
  folder: DocumentFolder,
  prefix: string,
  bytes: Uint8Array,
  extension: string,
): FileToStore & { fileName: string } {
  const fileName = `${prefix}-${randomBytes(8).toString("hex")}.${extension}`;
  return { fileName, path: filePath(folder, fileName), bytes };
}

/** Thrown by storeDocument when the uploads folder cannot take the file (missing, full, not writable). */
export class DocumentStorageFault extends Error {
  constructor(readonly cause: unknown) {
    super("documents: cannot store a file");
  }
}

/** Writes a generated document (a report's PDF); returns its stored name. */
export async function storeDocument(folder: DocumentFolder, prefix: string, bytes: Uint8Array, extension: string) {
  const fileName = `${prefix}-${randomBytes(8).toString("hex")}.${extension}`;
  try {
    await mkdir(folderPath(folder), { recursive: true });
    await writeFile(filePath(folder, fileName), bytes);
  } catch (error) {
    console.error("documents: cannot store", fileName, error);
    throw new DocumentStorageFault(error);
  }
  return fileName;
}

/** Removes a stored document; one that cannot be removed is logged and left, never failing a save that succeeded. */
export async function removeDocument(folder: DocumentFolder, fileName: string) {
  await rm(filePath(folder, fileName), { force: true }).catch((error: unknown) =>
    console.error("documents: cannot remove", fileName, error),
  );
}

/** A stored document's bytes, or null when it is gone. */
export async function readDocument(folder: DocumentFolder, fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(filePath(folder, fileName));
  } catch {
    return null;
  }
}
