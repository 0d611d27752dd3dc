import { Text, View } from "@react-pdf/renderer";
import { pdfStyles as s } from "./styles";

export type Align = "left" | "right" | "center";
export type Column = { header: string; width: string; align?: Align };

/**
 * Break points inside very long words (reference numbers, web addresses, long names) so that they
 * wrap inside their cell instead of running over the next one. react-pdf breaks a word only there,
 * only when it does not fit on the line, and then adds a hyphen; ordinary words are kept whole.
 */
export function longWordBreaks(word: string): string[] {
  if (word.length <= 14) return [word];
  return word.split(/(?<=[/.])/u).flatMap((part) => (part.length <= 12 ? [part] : (part.match(/.{1,10}/gu) ?? [part])));
}

/**
 * A bordered table of the report PDFs: the header row repeats at the top of every page the table
 * runs onto (it is `fixed` inside the table), rows never split, and an optional bold totals row
 * closes it.
 */
export function Table({
  columns,
  rows,
  totals,
  fontSize,
  headerBreaks = longWordBreaks,
}: {
  columns: Column[];
  rows: string[][];
  totals?: string[];
  fontSize?: number;
  headerBreaks?: (word: string) => string[];
}) {
  const size = fontSize ? { fontSize } : {};
  const cell = (text: string, i: number, bold = false) => (
    <Text
      key={i}
      style={[s.cell, { width: columns[i]!.width, textAlign: columns[i]!.align ?? "left" }, bold ? s.headerCell : {}]}
      hyphenationCallback={longWordBreaks}
    >
      {text}
    </Text>
  );
  return (
    <View style={[{ marginBottom: 6 }, size]}>
      <View style={[s.row, s.headerRow]} wrap={false} fixed>
        {columns.map((c, i) => (
          <Text key={i} style={[s.cell, s.headerCell, { width: c.width, textAlign: c.align ?? "left" }]} hyphenationCallback={headerBreaks}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={s.row} wrap={false}>
          {row.map((text, i) => cell(text, i))}
        </View>
      ))}
      {totals ? (
        <View style={s.row} wrap={false}>
          {totals.map((text, i) => cell(text, i, true))}
        </View>
      ) : null}
    </View>
  );
}
