// The member import's template (docs/decisions/017): a sheet to fill in, with the import's
// Indonesian headers, one example row and text columns where Excel would lose digits (NIK,
// phone, dates), and a sheet "Petunjuk" explaining each column. Plain input: the caller gives
// the words.
import type ExcelJS from "exceljs";
import { newWorkbook, workbookBytes, XLSX_FORMATS } from "./kit";

export type MemberImportTemplateInput = {
  sheetName: string;
  columns: readonly {
    header: string;
    width: number;
    /** a text column: what is typed stays as written (16-digit NIK, leading 0 of a phone) */
    text: boolean;
    example: string | number;
    /** what the column holds, for the help sheet */
    help: string;
  }[];
  help: { sheetName: string; intro: string; update: string; columnHeader: string; noteHeader: string };
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0F4" } };

/** The template's bytes (.xlsx). */
export async function memberImportTemplateXlsx(input: MemberImportTemplateInput): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = input.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.text ? { style: { numFmt: XLSX_FORMATS.text } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.addRow(input.columns.map((c) => c.example));

  const help = workbook.addWorksheet(input.help.sheetName);
  help.columns = [
    { key: "column", width: 38 },
    { key: "note", width: 100, style: { alignment: { wrapText: true, vertical: "top" } } },
  ];
  // Two introductory paragraphs across both columns, then one line per column of the template.
  for (const [row, text, height] of [
    [1, input.help.intro, 45],
    [2, input.help.update, 30],
  ] as const) {
    help.addRow({ column: text }).font = { italic: true };
    help.mergeCells(`A${row}:B${row}`);
    help.getRow(row).height = height;
    help.getCell(`A${row}`).alignment = { wrapText: true, vertical: "top" };
  }
  help.addRow([]);
  help.addRow({ column: input.help.columnHeader, note: input.help.noteHeader }).font = { bold: true };
  for (const c of input.columns) help.addRow({ column: c.header, note: c.help });
  return workbookBytes(workbook);
}
