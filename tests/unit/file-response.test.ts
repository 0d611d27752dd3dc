// fileResponse (app/http/file-response.server.ts), the one way a download leaves the portal: its
// content type by kind, a Content-Disposition that the `content-disposition` parser reads back to
// the very Indonesian file name (spaces, apostrophes, accents, quotes), the cache policy and no
// sniffing.
import { parse } from "content-disposition";
import { describe, expect, it } from "vitest";
import { FILE_TYPES, fileResponse } from "~/http/file-response.server";

const savedName = (response: Response) => parse(response.headers.get("Content-Disposition")!).parameters.filename;
const dispositionType = (response: Response) => parse(response.headers.get("Content-Disposition")!).type;

describe("the content type", () => {
  it.each([
    ["pdf", "application/pdf"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["csv", "text/csv; charset=utf-8"],
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
  ] as const)("of a %s is %s", (type, mime) => {
    expect(FILE_TYPES[type]).toBe(mime);
    expect(fileResponse(new Uint8Array([1]), { type }).headers.get("Content-Type")).toBe(mime);
  });

  it("of a stored scan is its own MIME type", () => {
    expect(fileResponse(new Uint8Array([1]), { type: "image/webp" }).headers.get("Content-Type")).toBe("image/webp");
  });
});

describe("the file name", () => {
  it.each([
    "laporan-kontribusi-ptk-2026-03.pdf",
    "Laporan Program Pendampingan Lansia.pdf",
    "Surat Keterangan Ma'ruf Amin.pdf",
    "Kartu Anggota Nurhayati Sébastien Çelik.pdf",
    'Daftar "Relawan" Kecamatan.xlsx',
    "Rekap 100% – Triwulan I; 2026, final.xlsx",
  ])("%s arrives whole", (fileName) => {
    expect(savedName(fileResponse(new Uint8Array([1]), { type: "pdf", fileName }))).toBe(fileName);
  });

  it("has an ASCII fallback beside the UTF-8 name when the name is not plain ASCII", () => {
    const header = fileResponse(new Uint8Array([1]), { type: "pdf", fileName: "Surat Sébastien.pdf" }).headers.get("Content-Disposition")!;
    expect(header).toContain('filename="Surat S?bastien.pdf"');
    expect(header).toContain("filename*=UTF-8''Surat%20S%C3%A9bastien.pdf");
  });

  it("opens PDFs and images in the browser and saves spreadsheets, unless the route says otherwise", () => {
    const body = new Uint8Array([1]);
    expect(dispositionType(fileResponse(body, { type: "pdf", fileName: "a.pdf" }))).toBe("inline");
    expect(dispositionType(fileResponse(body, { type: "jpeg", fileName: "a.jpg" }))).toBe("inline");
    expect(dispositionType(fileResponse(body, { type: "xlsx", fileName: "a.xlsx" }))).toBe("attachment");
    expect(dispositionType(fileResponse(body, { type: "csv", fileName: "a.csv" }))).toBe("attachment");
    expect(dispositionType(fileResponse(body, { type: "pdf", fileName: "a.pdf", disposition: "attachment" }))).toBe("attachment");
  });

  it("is left out for an image shown in a page", () => {
    expect(fileResponse(new Uint8Array([1]), { type: "jpeg" }).headers.has("Content-Disposition")).toBe(false);
  });
});

describe("caching and sniffing", () => {
  it("keeps nothing by default: generated documents and personal data", () => {
    expect(fileResponse(new Uint8Array([1]), { type: "pdf", fileName: "a.pdf" }).headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("lets the browser keep a photo, checked on each use, and a logo for an hour", () => {
    expect(fileResponse(new Uint8Array([1]), { type: "jpeg", cache: "revalidate" }).headers.get("Cache-Control")).toBe("private, no-cache");
    expect(fileResponse(new Uint8Array([1]), { type: "png", cache: "private-hour" }).headers.get("Cache-Control")).toBe(
      "private, max-age=3600",
    );
  });

  it("forbids sniffing on every file", () => {
    for (const type of ["pdf", "xlsx", "csv", "jpeg", "png", "application/octet-stream"]) {
      expect(fileResponse(new Uint8Array([1]), { type }).headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
  });
});

describe("the body", () => {
  it("is the bytes given (a Buffer, an ArrayBuffer or text)", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46]);
    expect(new Uint8Array(await fileResponse(bytes, { type: "pdf" }).arrayBuffer())).toEqual(new Uint8Array(bytes));
    expect(new Uint8Array(await fileResponse(new Uint8Array([7, 8]).buffer, { type: "png" }).arrayBuffer())).toEqual(
      new Uint8Array([7, 8]),
    );
    // text goes out as UTF-8, its byte order mark kept (Response.text() would drop it)
    const csv = Buffer.from(await fileResponse("\uFEFFNo;Nama\r\n", { type: "csv" }).arrayBuffer());
    expect(csv.toString("utf8")).toBe("\uFEFFNo;Nama\r\n");
  });
});
