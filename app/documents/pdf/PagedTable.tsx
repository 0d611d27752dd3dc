import { Text, View } from "@react-pdf/renderer";
import { CELL_PADDING, EMPTY_LINE, TABLE_MARGIN_BOTTOM, type PagedRow, type PagedTableLayout } from "./paged-table";

const RULE = "#444";
const HEADER_BACKGROUND = "#e8eef3";

/**
 * One page of a table laid out by layoutPagedTable: the header, then the rows, each column drawn
 * as one block of lines (a cell shorter than its row is filled with empty lines) and the rules
 * between rows drawn at the heights the layout computed.
 */
function Block({ layout, rows, header }: { layout: PagedTableLayout; rows: PagedRow[]; header?: boolean }) {
  const { columns, fontSize, lineHeight } = layout;
  const height = rows.reduce((sum, row) => sum + row.lines, 0) * lineHeight + 2 * CELL_PADDING.vertical;
  // a rule under every row but the last (the block's own border closes it)
  const rules: number[] = [];
  let y = CELL_PADDING.vertical;
  for (const row of rows.slice(0, -1)) {
    y += row.lines * lineHeight;
    rules.push(y);
  }
  const boldFrom = rows.findIndex((row) => row.bold);
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
      {columns.map((column, i) => {
        const lines = (from: number, to: number) =>
          rows
            .slice(from, to)
            .flatMap((row) => [...row.cells[i]!, ...Array<string>(row.lines - row.cells[i]!.length).fill(EMPTY_LINE)])
            .join("\n");
        const style = {
          width: column.points,
          paddingHorizontal: CELL_PADDING.horizontal,
          paddingTop: CELL_PADDING.vertical,
          borderRightWidth: CELL_PADDING.rule,
          borderColor: RULE,
          fontSize,
          lineHeight: `${lineHeight}pt`,
          textAlign: column.align ?? "left",
        } as const;
        // a bold tail (the totals row) is a second run in the same block
        return boldFrom < 0 || header ? (
          <Text key={i} style={[style, header ? { fontWeight: 700 } : {}]}>
            {lines(0, rows.length)}
          </Text>
        ) : (
          <Text key={i} style={style}>
            {boldFrom > 0 ? `${lines(0, boldFrom)}\n` : ""}
            <Text style={{ fontWeight: 700 }}>{lines(boldFrom, rows.length)}</Text>
          </Text>
        );
      })}
      {rules.map((top) => (
        <View key={top} style={{ position: "absolute", left: 0, right: 0, top, borderTopWidth: 0.5, borderColor: RULE }} />
      ))}
    </View>
  );
}

/** The table's part on one page: its header and the page's rows. */
export function PagedTablePage({ layout, page }: { layout: PagedTableLayout; page: number }) {
  return (
    <View style={{ marginBottom: TABLE_MARGIN_BOTTOM }}>
      <Block layout={layout} rows={[layout.header]} header />
      <Block layout={layout} rows={layout.pages[page]!} />
    </View>
  );
}
