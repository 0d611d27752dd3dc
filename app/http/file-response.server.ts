// Every download the portal sends (PDF, xlsx, csv, photos, scans) goes through fileResponse: one
// content type per kind, a Content-Disposition with the Indonesian file name that every browser
// reads (RFC 6266 with an ASCII fallback, by the content-disposition library), no sniffing, and
// no shared caching of personal data. docs/decisions/017.
import { create as contentDisposition } from "content-disposition";

export const FILE_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  jpeg: "image/jpeg",
  png: "image/png",
} as const;
export type FileKind = keyof typeof FILE_TYPES;

export type FileResponseOptions = {
  /** a kind the portal sends, or the MIME type of a stored scan */
  type: FileKind | (string & {});
  /** the name the browser saves it under (Indonesian, may have spaces and accents); none for images shown in a page */
  fileName?: string;
  /** "inline" opens it in the browser (PDFs, images), "attachment" saves it (spreadsheets); by the kind when not given */
  disposition?: "inline" | "attachment";
  /**
   * "no-store" (the default): generated documents and personal data are never kept;
   * "revalidate": kept by the browser only, checked on each use (photos that may change);
   * "private-hour": kept by the browser only for an hour (a chapter's logo).
   */
  cache?: "no-store" | "revalidate" | "private-hour";
};

const CACHE = { "no-store": "private, no-store", revalidate: "private, no-cache", "private-hour": "private, max-age=3600" } as const;

/** The answer that sends a file. */
export function fileResponse(body: Uint8Array | ArrayBuffer | string, options: FileResponseOptions): Response {
  const type = (FILE_TYPES as Record<string, string>)[options.type] ?? options.type;
  const headers: Record<string, string> = {
    "Content-Type": type,
    "Cache-Control": CACHE[options.cache ?? "no-store"],
    "X-Content-Type-Options": "nosniff",
  };
  if (options.fileName) {
    const disposition = options.disposition ?? (options.type === "xlsx" || options.type === "csv" ? "attachment" : "inline");
    headers["Content-Disposition"] = contentDisposition(options.fileName, { type: disposition });
  }
  const bytes = typeof body === "string" ? body : body instanceof Uint8Array ? new Uint8Array(body) : new Uint8Array(body);
  return new Response(bytes, { headers });
}
