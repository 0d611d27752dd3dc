// The xlsx kit (app/documents/xlsx/kit.ts), read back with exceljs: the formats every spreadsheet
// uses, bold frozen header rows, column widths, facts sheets, the streaming writer, safeText and
// the calendar-date cells.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  addFacts,
  addTable,
  calendarCell,
  dayCell,
  newWorkbook,
  safeText,
  streamingWorkbook,
  workbookBytes,
  XLSX_FORMATS,
  type XlsxColumn,
} from "~/documents/xlsx/kit";

async function readBack(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

const COLUMNS: XlsxColumn[] = [
  { header: "Tanggal", width: 12, format: "date" },
  { header: "Nama", width: 30 },
  { header: "Nilai (Rp)", width: 16, format: "rupiah" },
  { header: "Jam", width: 8, format: "hours" },
  { header: "Realisasi", width: 10, format: "percent" },
  { header: "NIK", width: 20, format: "text" },
];
const ROWS = [
  [calendarCell("2026-03-01"), "Siti Aminah", 1_500_000, 2.5, 0.625, "6171020304050006"],
  [calendarCell("2026-03-02"), "Ma'ruf", 0, 0, null, "0812"],
] as const;

describe("the formats", () => {
  it("are whole rupiah, dd/mm/yyyy dates, hours to a tenth, percent and text", () => {
    expect(XLSX_FORMATS.rupiah).toBe("#,##0");
    expect(XLSX_FORMATS.count).toBe("#,##0");
    expect(XLSX_FORMATS.date).toBe("dd/mm/yyyy");
    expect(XLSX_FORMATS.hours).toBe("#,##0.0");
    expect(XLSX_FORMATS.percent).toBe("0.0%");
    expect(XLSX_FORMATS.text).toBe("@");
  });
});

describe("a table", () => {
  it("has a bold frozen header row, set widths, and each column's format on its data cells", async () => {
    const workbook = newWorkbook("Laporan");
    addTable(workbook, "Kegiatan", COLUMNS, ROWS);
    const book = await readBack(await workbookBytes(workbook));
    expect(book.creator).toBe("Portal IPSM");
    expect(book.title).toBe("Laporan");
    const sheet = book.getWorksheet("Kegiatan")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    COLUMNS.forEach((c, i) => {
      expect(sheet.getRow(1).getCell(i + 1).font?.bold).toBe(true);
      expect(sheet.getColumn(i + 1).width).toBe(c.width);
    });
    expect(sheet.rowCount).toBe(3);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date("2026-03-01T00:00:00.000Z"));
    expect(row.getCell(1).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(2).value).toBe("Siti Aminah");
    expect(row.getCell(2).numFmt).toBeUndefined();
    expect(row.getCell(3).value).toBe(1_500_000);
    expect(row.getCell(3).numFmt).toBe("#,##0");
    expect(row.getCell(4).numFmt).toBe("#,##0.0");
    expect(row.getCell(5).numFmt).toBe("0.0%");
    // text stays text: all 16 digits of a NIK
    expect(row.getCell(6).value).toBe("6171020304050006");
    expect(row.getCell(6).numFmt).toBe("@");
    // numbers stay numbers, an empty value stays empty
    expect(sheet.getRow(3).getCell(3).value).toBe(0);
    expect(sheet.getRow(3).getCell(5).value).toBeNull();
    // data cells are not bold
    expect(row.getCell(2).font?.bold).toBeFalsy();
  });
});

describe("a facts sheet", () => {
  it("has bold labels, formatted values and the given widths; with headers, a bold frozen header row", async () => {
    const workbook = newWorkbook();
    addFacts(
      workbook,
      "Ringkasan",
      [
        ["Jumlah kegiatan", 412, "count"],
        ["Tanggal surat", calendarCell("2026-04-01"), "date"],
        ["Catatan", "Teks panjang"],
      ],
      [44, 60],
      ["Uraian", "Nilai"],
      { wrap: true },
    );
    addFacts(workbook, "Tanpa judul", [["Periode", "Maret 2026"]]);
    const book = await readBack(await workbookBytes(workbook));
    const sheet = book.getWorksheet("Ringkasan")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(44);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getRow(1).values).toEqual([undefined, "Uraian", "Nilai"]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").value).toBe("Jumlah kegiatan");
    expect(sheet.getCell("A2").font?.bold).toBe(true);
    expect(sheet.getCell("B2").value).toBe(412);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0");
    expect(sheet.getCell("B3").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("B4").alignment).toMatchObject({ wrapText: true, vertical: "top", horizontal: "left" });
    const plain = book.getWorksheet("Tanpa judul")!;
    expect(plain.getColumn(1).width).toBe(34);
    expect(plain.getColumn(2).width).toBe(60);
    expect(plain.getCell("A1").value).toBe("Periode");
    expect(plain.getCell("B1").alignment?.wrapText).toBeFalsy();
    expect(plain.views?.[0]?.state).not.toBe("frozen");
  });
});

describe("the streaming writer", () => {
  it("writes facts and tables that read back like the in-memory ones", async () => {
    const workbook = streamingWorkbook();
    workbook.facts("Ringkasan", [["Jumlah", 2, "count"]], [30, 40]);
    const table = workbook.table("Kegiatan", COLUMNS);
    for (const row of ROWS) table.add(row);
    table.done();
    const book = await readBack(await workbook.bytes());
    expect(book.creator).toBe("Portal IPSM");
    expect(book.worksheets.map((s) => s.name)).toEqual(["Ringkasan", "Kegiatan"]);
    const summary = book.getWorksheet("Ringkasan")!;
    expect(summary.getCell("A1").font?.bold).toBe(true);
    expect(summary.getCell("B1").numFmt).toBe("#,##0");
    expect(summary.getColumn(1).width).toBe(30);
    const sheet = book.getWorksheet("Kegiatan")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell("A2").value).toEqual(new Date("2026-03-01T00:00:00.000Z"));
    expect(sheet.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("C2").numFmt).toBe("#,##0");
    expect(sheet.getCell("F2").value).toBe("6171020304050006");
  });

  it("takes many rows (they are committed as they go)", async () => {
    const workbook = streamingWorkbook();
    const table = workbook.table("Banyak", [{ header: "No", width: 6, format: "count" }]);
    for (let i = 1; i <= 5_000; i++) table.add([i]);
    table.done();
    const sheet = (await readBack(await workbook.bytes())).getWorksheet("Banyak")!;
    expect(sheet.rowCount).toBe(5_001);
    expect(sheet.getCell("A5001").value).toBe(5_000);
  });
});

describe("safeText", () => {
  it("puts an apostrophe before what a spreadsheet would run as a formula, and nothing else", () => {
    expect(safeText("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(safeText("+62812")).toBe("'+62812");
    expect(safeText("-1")).toBe("'-1");
    expect(safeText("@cmd")).toBe("'@cmd");
    expect(safeText("\tx")).toBe("'\tx");
    expect(safeText("\rx")).toBe("'\rx");
    expect(safeText("Ma'ruf")).toBe("Ma'ruf");
    expect(safeText("Jl. Gajah Mada = 2")).toBe("Jl. Gajah Mada = 2");
    expect(safeText(null)).toBe("");
    expect(safeText(undefined)).toBe("");
  });

  it("keeps the text a text cell when read back", async () => {
    const workbook = newWorkbook();
    addTable(workbook, "Teks", [{ header: "Isi", width: 20 }], [[safeText("=1+1")]]);
    const cell = (await readBack(await workbookBytes(workbook))).getWorksheet("Teks")!.getCell("A2");
    expect(cell.value).toBe("'=1+1");
    expect(cell.formula).toBeUndefined();
  });
});

describe("calendar-date cells", () => {
  it("calendarCell is the day at UTC midnight, whatever follows the date", () => {
    expect(calendarCell("2026-03-01")).toEqual(new Date("2026-03-01T00:00:00.000Z"));
    expect(calendarCell("2026-03-01T23:59:59.000Z")).toEqual(new Date("2026-03-01T00:00:00.000Z"));
  });

  it("dayCell is the day a moment falls on in the chapter's time zone", () => {
    // 17:30 UTC on 31 March is 00:30 on 1 April in Pontianak (WIB) and 01:30 in Makassar (WITA)
    const moment = new Date("2026-03-31T17:30:00.000Z");
    expect(dayCell(moment, "Asia/Pontianak")).toEqual(new Date("2026-04-01T00:00:00.000Z"));
    expect(dayCell(moment, "Asia/Makassar")).toEqual(new Date("2026-04-01T00:00:00.000Z"));
    expect(dayCell(moment, "UTC")).toEqual(new Date("2026-03-31T00:00:00.000Z"));
  });

  it("reads back as the same day, shown dd/mm/yyyy", async () => {
    const workbook = newWorkbook();
    addTable(
      workbook,
      "Tanggal",
      [{ header: "Hari", width: 12, format: "date" }],
      [[calendarCell("2026-12-31")], [dayCell(new Date("2026-01-01T16:59:00.000Z"), "Asia/Jayapura")]],
    );
    const sheet = (await readBack(await workbookBytes(workbook))).getWorksheet("Tanggal")!;
    expect(sheet.getCell("A2").value).toEqual(new Date("2026-12-31T00:00:00.000Z"));
    expect(sheet.getCell("A3").value).toEqual(new Date("2026-01-02T00:00:00.000Z"));
    expect(sheet.getCell("A3").numFmt).toBe("dd/mm/yyyy");
  });
});
