import { Canvas, Font, View } from "@react-pdf/renderer";
import { PDF_FONT } from "./styles";
import { CELL_PADDING, EMPTY_LINE, TABLE_MARGIN_BOTTOM, type PagedRow, type PagedTableLayout } from "./paged-table";

const RULE = "#444";
const HEADER_BACKGROUND = "#e8eef3";
/** the page's text colour (styles.ts) */
const TEXT = "#111";

/** The table's part on one page: its header and the page's rows. */
export function PagedTablePage({ layout, page }: { layout: PagedTableLayout; page: number }) {
  return (
    <View style={{ marginBottom: TABLE_MARGIN_BOTTOM }}>
      <Block layout={layout} rows={[layout.header]} header />
      <Block layout={layout} rows={layout.pages[page]!} />
    </View>
  );
}

/** What the painter needs of a font loaded by react-pdf (fontkit): its advance widths, with kerning. */
type Fontkit = { unitsPerEm: number; layout(text: string): { advanceWidth: number } };

/** The part of react-pdf's Canvas painter (pdfkit's drawing calls) the table uses. */
type Painter = {
  font(font: Fontkit): Painter;
  fontSize(size: number): Painter;
  fillColor(colour: string): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: boolean }): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(width: number): Painter;
  strokeColor(colour: string): Painter;
  stroke(): Painter;
};

/**
 * One page of a table laid out by layoutPagedTable: the header, then the rows. Each column is a
 * box where yoga puts it (the text block it once was, with its padding and right rule), and its
 * lines are drawn in it by a Canvas with pdfkit's own text(): react-pdf's text layout of every
 * line (textkit, about 80 % of a page's time) is not needed, the lines being wrapped already.
 * The lines stand exactly where react-pdf put them: pdfkit sets the baseline at the line's top
 * plus the font's ascent, as react-pdf does; a right-aligned line ends at the column's width less
 * its padding (react-pdf counts the rule in). The rules between rows are drawn by one Canvas.
 */
function Block({ layout, rows, header }: { layout: PagedTableLayout; rows: PagedRow[]; header?: boolean }) {
  const { columns, fontSize, lineHeight } = layout;
  const height = rows.reduce((sum, row) => sum + row.lines, 0) * lineHeight + 2 * CELL_PADDING.vertical;
  const fonts = [400, 700].map((fontWeight) => Font.getFont({ fontFamily: PDF_FONT, fontWeight }).data as unknown as Fontkit);
  return (
    <View
      style={{
        flexDirection: "row",
        height,
        borderLeftWidth: CELL_PADDING.rule,
        borderBottomWidth: CELL_PADDING.rule,
        borderTopWidth: header ? CELL_PADDING.rule : 0,
        borderColor: RULE,
        backgroundColor: header ? HEADER_BACKGROUND : undefined,
      }}
      wrap={false}
    >
      {columns.map((column, i) => (
        // the column as the text block was (its box where yoga puts it), its lines drawn in it
        <View
          key={i}
          style={{
            width: column.points,
            paddingHorizontal: CELL_PADDING.horizontal,
            paddingTop: CELL_PADDING.vertical,
            borderRightWidth: CELL_PADDING.rule,
            borderColor: RULE,
          }}
        >
          <Canvas
            style={{ flexGrow: 1 }}
            paint={(painter: Painter, width: number) => {
              // react-pdf aligns a text block's lines in its width less its padding, its right rule included
              const room = width + CELL_PADDING.rule;
              const align = column.align ?? "left";
              painter.fillColor(TEXT);
              let top = 0;
              // (pdfkit opens the font anew at each call: only when it changes)
              let current: Fontkit | null = null;
              for (const row of rows) {
                const font = fonts[header || row.bold ? 1 : 0]!;
                if (font !== current) painter.font(font).fontSize(fontSize);
                current = font;
                row.cells[i]!.forEach((line, l) => {
                  if (line === EMPTY_LINE) return;
                  const w = align === "left" ? 0 : (font.layout(line).advanceWidth / font.unitsPerEm) * fontSize;
                  const x = align === "right" ? room - w : align === "center" ? (room - w) / 2 : 0;
                  painter.text(line, x, top + l * lineHeight, { lineBreak: false });
                });
                top += row.lines * lineHeight;
              }
              return null;
            }}
          />
        </View>
      ))}
      <Canvas
        style={{ position: "absolute", left: 0, top: 0, right: 0, bottom: 0 }}
        paint={(painter: Painter, width: number) => {
          let top = CELL_PADDING.vertical;
          rows.forEach((row, r) => {
            if (r > 0) painter.moveTo(0, top + 0.25).lineTo(width, top + 0.25);
            top += row.lines * lineHeight;
          });
          if (rows.length > 1) painter.lineWidth(0.5).strokeColor(RULE).stroke();
          return null;
        }}
      />
    </View>
  );
}
