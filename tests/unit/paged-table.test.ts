// The layout of the report PDFs' long tables (app/documents/pdf/paged-table.ts): lines measured with the
// real font files react-pdf uses, rows packed into pages that hold them.
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_LINE, layoutPagedTable, loadTextMeasure, wrapLines, type TextMeasure } from "~/documents/pdf/paged-table";
import "~/documents/pdf/render.server"; // registers the font

let measure: TextMeasure;
beforeAll(async () => {
  measure = await loadTextMeasure();
});

describe("measuring text in the report font", () => {
  it("gives wider glyphs more room, bold more than regular, and grows with the size", () => {
    expect(measure("WWWW", 9)).toBeGreaterThan(measure("iiii", 9));
    expect(measure("Pontianak", 9, true)).toBeGreaterThan(measure("Pontianak", 9));
    expect(measure("Pontianak", 18)).toBeCloseTo(2 * measure("Pontianak", 9), 6);
    expect(measure("", 9)).toBe(0);
  });
});

describe("wrapLines", () => {
  it("keeps a text that fits on one line", () => {
    expect(wrapLines("Budi Santoso", 200, 9, measure)).toEqual(["Budi Santoso"]);
  });

  it("wraps at spaces, every line fitting, no word lost", () => {
    const text = "Raden Ajeng Siti Nurhaliza Kartikasari Wulandari Putri Ayu Hasibuan";
    const lines = wrapLines(text, 90, 9, measure);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(measure(line, 9)).toBeLessThanOrEqual(90);
  });

  it("cuts a word wider than the cell, and an empty cell keeps a line", () => {
    const word = "Tjokroaminotowidjojokusumaningratsastrowardojo";
    const lines = wrapLines(word, 60, 9, measure);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join("")).toBe(word);
    for (const line of lines) expect(measure(line, 9)).toBeLessThanOrEqual(60);
    expect(wrapLines("", 60, 9, measure)).toEqual([EMPTY_LINE]);
  });
});

describe("layoutPagedTable", () => {
  const columns = [
    { header: "No", width: "10%" },
    { header: "Nama", width: "60%" },
    { header: "Jam", width: "30%", align: "right" as const },
  ];

  it("fills pages up to their room, the first one shorter, never splitting a row, the totals last", () => {
    const rows = Array.from({ length: 200 }, (_, i) => [
      String(i + 1),
      i % 10 === 0 ? "Nama yang sangat panjang sekali ".repeat(4).trim() : `Relawan ${i + 1}`,
      "2",
    ]);
    const layout = layoutPagedTable({
      columns,
      rows,
      totals: ["", "Jumlah", "400"],
      width: 300,
      fontSize: 9,
      lineHeight: 14,
      firstRoom: 400,
      room: 600,
      measure,
    });
    expect(layout.columns.map((c) => c.points)).toEqual([30, 180, 90]);
    const flat = layout.pages.flat();
    expect(flat).toHaveLength(201);
    expect(flat.map((row) => row.cells[0]!.join(""))).toEqual([...rows.map((r) => r[0]), EMPTY_LINE]);
    expect(flat.at(-1)).toMatchObject({ bold: true, cells: [[EMPTY_LINE], ["Jumlah"], ["400"]] });
    expect(flat[0]!.lines).toBeGreaterThan(1);
    const height = (page: typeof flat) => page.reduce((sum, row) => sum + row.lines * 14, 0);
    // the header (one line), the two blocks' padding and rules and the margin: 14 + 8 + 3 + 6
    layout.pages.forEach((page, i) => {
      const room = (i === 0 ? 400 : 600) - 31;
      expect(height(page)).toBeLessThanOrEqual(room);
      // and the next row would not have fitted
      const next = layout.pages[i + 1]?.[0];
      if (next) expect(height(page) + next.lines * 14).toBeGreaterThan(room);
    });
  });

  it("puts a table with no rows on one page with its header", () => {
    const layout = layoutPagedTable({ columns, rows: [], width: 300, fontSize: 9, lineHeight: 14, firstRoom: 400, room: 600, measure });
    expect(layout.pages).toEqual([[]]);
    expect(layout.header.cells.map((c) => c.join(""))).toEqual(["No", "Nama", "Jam"]);
  });
});
