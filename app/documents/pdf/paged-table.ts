// Long tables of the report PDFs (a thousand volunteers, a kelurahan annex), laid out by us rather
// than by react-pdf. react-pdf lays out every cell as its own text block and, on a long flowing
// page, lays the rest of the document out again at every page break: a 1,000-row table took
// about 12 s, growing with the square of its length. Here the rows are wrapped into lines with
// the font's own glyph widths, packed into pages ahead of time, and each page's columns are
// drawn as one text block per column (see PagedTable.tsx): linear, and about five times faster.
// See docs/decisions/011-paged-report-tables.md.
import { Font } from "@react-pdf/renderer";
import { PDF_FONT } from "./styles";

/** The width in points of a text in the report font at a size, regular or bold. */
export type TextMeasure = (text: string, fontSize: number, bold?: boolean) => number;

/** What react-pdf keeps of a loaded TrueType font (fontkit) that measuring needs. */
type GlyphWidths = { unitsPerEm: number; glyphForCodePoint(codePoint: number): { advanceWidth: number } };

/**
 * Measures with the very font files react-pdf lays out with (registered in render.server.ts),
 * glyph by glyph and without kerning, which only ever narrows Latin text.
 */
export async function loadTextMeasure(): Promise<TextMeasure> {
  const fonts = await Promise.all(
    [400, 700].map(async (fontWeight) => {
      await Font.load({ fontFamily: PDF_FONT, fontWeight });
      const font = Font.getFont({ fontFamily: PDF_FONT, fontWeight }).data as unknown as GlyphWidths | null;
      if (!font) throw new Error(`The PDF font ${PDF_FONT} ${fontWeight} is not registered`);
      return { font, widths: new Map<number, number>() };
    }),
  );
  return (text, fontSize, bold = false) => {
    const { font, widths } = fonts[bold ? 1 : 0]!;
    let units = 0;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      let width = widths.get(codePoint);
      if (width === undefined) {
        width = font.glyphForCodePoint(codePoint).advanceWidth;
        widths.set(codePoint, width);
      }
      units += width;
    }
    return (units / font.unitsPerEm) * fontSize;
  };
}

/** A line that is left empty keeps its height with a no-break space (react-pdf drops empty lines). */
export const EMPTY_LINE = "\u00a0";

/**
 * The lines a cell's text takes in `width` points: words are kept whole where they fit, a word
 * wider than the cell is cut where it must be. Each line is measured a little wide (3% and half a
 * point), so react-pdf never finds a line too long and breaks it again.
 */
export function wrapLines(text: string, width: number, fontSize: number, measure: TextMeasure, bold = false): string[] {
  const fits = (line: string) => measure(line, fontSize, bold) * 1.03 + 0.5 <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        const chars = [...rest];
        let cut = chars.length - 1;
        while (cut > 1 && !fits(chars.slice(0, cut).join(""))) cut--;
        lines.push(chars.slice(0, cut).join(""));
        rest = chars.slice(cut).join("");
      }
      line = rest;
    }
    lines.push(line || EMPTY_LINE);
  }
  return lines;
}

export type PagedColumn = { header: string; /** a share of the table's width, "43%" */ width: string; align?: "left" | "right" | "center" };

/** A row as laid out: each cell's lines, and the row's height in lines (its tallest cell). */
export type PagedRow = { cells: string[][]; lines: number; bold: boolean };

export type PagedTableLayout = {
  columns: (PagedColumn & { points: number })[];
  fontSize: number;
  /** the height of one line in points */
  lineHeight: number;
  header: PagedRow;
  /** the rows of each page; the totals row, if any, is the last row of the last page */
  pages: PagedRow[][];
};

/** The room of a cell around its text: 4 points each side and the 1-point rule on its right. */
export const CELL_PADDING = { horizontal: 4, vertical: 2, rule: 1 };
/** The space under a table. */
export const TABLE_MARGIN_BOTTOM = 6;

/**
 * Lays a table out into pages: every row is wrapped into lines, then rows are put on a page
 * while they fit in `room` points under the header (`firstRoom` on the first page, which carries
 * the section heading). A row never splits; the totals row closes the last page.
 */
export function layoutPagedTable(input: {
  columns: PagedColumn[];
  rows: string[][];
  totals?: string[];
  /** the table's width in points */
  width: number;
  fontSize: number;
  lineHeight: number;
  firstRoom: number;
  room: number;
  measure: TextMeasure;
}): PagedTableLayout {
  const { fontSize, lineHeight, measure } = input;
  const columns = input.columns.map((c) => ({ ...c, points: (input.width * Number.parseFloat(c.width)) / 100 }));
  const textWidth = (i: number) => columns[i]!.points - 2 * CELL_PADDING.horizontal - CELL_PADDING.rule;
  const layRow = (texts: string[], bold: boolean): PagedRow => {
    const cells = texts.map((text, i) => wrapLines(text, textWidth(i), fontSize, measure, bold));
    return { cells, lines: Math.max(1, ...cells.map((c) => c.length)), bold };
  };
  const header = layRow(
    columns.map((c) => c.header),
    true,
  );
  const rowHeight = (row: PagedRow) => row.lines * lineHeight;
  // under the header block, the rows' block: each padded top and bottom, three rules, the margin below
  const chrome = rowHeight(header) + 4 * CELL_PADDING.vertical + 3 * CELL_PADDING.rule + TABLE_MARGIN_BOTTOM;
  const rowsRoom = (first: boolean) => (first ? input.firstRoom : input.room) - chrome;

  const rows = input.rows.map((r) => layRow(r, false));
  if (input.totals) rows.push(layRow(input.totals, true));
  const pages: PagedRow[][] = [[]];
  let used = 0;
  for (const row of rows) {
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && used + rowHeight(row) > rowsRoom(pages.length === 1)) {
      pages.push([row]);
      used = rowHeight(row);
    } else {
      page.push(row);
      used += rowHeight(row);
    }
  }
  return { columns, fontSize, lineHeight, header, pages };
}
