// The filtered member list as CSV: UTF-8 with BOM, ";" as Excel in an Indonesian locale expects,
// every cell quoted, the same columns and headers as the xlsx (and the import). Cells starting
// with = + - @ (or ') get an apostrophe so Excel never runs them (escapeFormula), which the
// member import undoes exactly.
import Papa from "papaparse";
import { t } from "~/i18n/index";
import { formatCalendarDateShort } from "~/utils/format";
import { escapeFormula } from "~/utils/import-values";
import { MEMBER_EXPORT_COLUMNS, memberExportCells, type MemberExportRow } from "~/documents/xlsx/member-export";

export function memberExportCsv(rows: readonly MemberExportRow[]): Buffer {
  const text = (cell: ReturnType<typeof memberExportCells>[number]) =>
    cell instanceof Date ? formatCalendarDateShort(cell) : cell === null ? "" : String(cell);
  const table = [
    MEMBER_EXPORT_COLUMNS.map((c) => t(c.key)),
    ...rows.map((row) => memberExportCells(row).map((cell) => escapeFormula(text(cell)))),
  ];
  const csv = Papa.unparse(table, { delimiter: ";", quotes: true, newline: "\r\n" });
  return Buffer.from(`\uFEFF${csv}\r\n`, "utf8");
}
