// Multipart forms (a file with its fields), read in memory with a size limit per part.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/** The posted form, or "tooBig" when a part exceeds the limit (plus a margin for the headers). */
export async function readMultipart(request: Request, maxPartBytes: number): Promise<FormData | "tooBig"> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes + 64 * 1024 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooBig";
    throw error;
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
