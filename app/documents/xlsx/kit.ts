// The one way the portal writes spreadsheets (docs/decisions/017): every workbook is built from
// these pieces, so numbers stay numbers in one format, dates stay dates shown as dd/mm/yyyy,
// header rows are bold and frozen, and columns have set widths. Plain data in, bytes out: no
// module here reads the database or imports the domain.
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { calendarToday } from "~/utils/dates";

/** The number and date formats of every spreadsheet. */
export const XLSX_FORMATS = {
  /** whole rupiah, with thousands separators */
  rupiah: "#,##0",
  count: "#,##0",
  hours: "#,##0.0",
  /** hours to at most two decimals (a programme's volunteer hours: 1.25 stays 1.25) */
  hoursFine: "#,##0.0#",
  percent: "0.0%",
  /** a percentage to two decimals (a programme's realisation and reach against target) */
  percentFine: "0.00%",
  date: "dd/mm/yyyy",
  /** a latitude or longitude, to six decimals (about 10 cm) */
  coordinate: "0.000000",
  /** a moment (audit log) */
  dateTime: "dd/mm/yyyy hh:mm",
  /** text that looks like a number and must stay text (NIK, KK, phone, member numbers) */
  text: "@",
} as const;
export type XlsxFormat = keyof typeof XLSX_FORMATS;

export type XlsxColumn = { header: string; width: number; format?: XlsxFormat };
export type XlsxValue = string | number | Date | null;

const CREATOR = "Portal IPSM";

/** A workbook held in memory (small and medium sheets). */
export function newWorkbook(title?: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  if (title) workbook.title = title;
  return workbook;
}

/** The workbook's bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(sheet: ExcelJS.Worksheet, columns: readonly XlsxColumn[]) {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
}

function applyFormats(row: ExcelJS.Row, columns: readonly XlsxColumn[]) {
  columns.forEach((c, i) => {
    if (c.format) row.getCell(i + 1).numFmt = XLSX_FORMATS[c.format];
  });
}

/** A sheet with a bold, frozen header row and one row per item; each column's format applies to its data cells. */
export function addTable(workbook: ExcelJS.Workbook, name: string, columns: readonly XlsxColumn[], rows: Iterable<readonly XlsxValue[]>) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  styleHeader(sheet, columns);
  for (const values of rows) applyFormats(sheet.addRow([...values]), columns);
  return sheet;
}

export type XlsxFact = readonly [label: string, value: XlsxValue, format?: XlsxFormat];

/** Values without a format wrap, top-left aligned (long texts such as a goal or a list of names). */
const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top", horizontal: "left" };

/**
 * A two-column sheet of facts (label in bold, value with its own format), such as a report's
 * summary; with `headers`, a bold frozen header row above them; with `wrap`, values without a
 * format wrap.
 */
export function addFacts(
  workbook: ExcelJS.Workbook,
  name: string,
  facts: readonly XlsxFact[],
  widths: readonly [number, number] = [34, 60],
  headers?: readonly [string, string],
  options: { wrap?: boolean } = {},
) {
  const sheet = workbook.addWorksheet(name, headers ? { views: [{ state: "frozen", ySplit: 1 }] } : {});
  sheet.columns = [{ width: widths[0] }, { width: widths[1] }];
  if (headers) sheet.addRow([...headers]).font = { bold: true };
  for (const [label, value, format] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (format) row.getCell(2).numFmt = XLSX_FORMATS[format];
    else if (options.wrap) row.getCell(2).alignment = WRAPPED;
  }
  return sheet;
}

/**
 * A workbook written as it goes (large exports: rows are committed and leave memory), read back
 * as bytes at the end. Tables and facts have the same look as in `addTable` and `addFacts`.
 */
export function streamingWorkbook() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = CREATOR;
  return {
    /** A table whose rows are written (and forgotten) one by one; `done()` closes the sheet. */
    table(name: string, columns: readonly XlsxColumn[]) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
      styleHeader(sheet, columns);
      sheet.getRow(1).commit();
      return {
        add(values: readonly XlsxValue[]) {
          const row = sheet.addRow([...values]);
          applyFormats(row, columns);
          row.commit();
        },
        done() {
          sheet.commit();
        },
      };
    },
    /** A sheet of facts, written at once. */
    facts(name: string, facts: readonly XlsxFact[], widths: readonly [number, number] = [34, 60]) {
      const sheet = workbook.addWorksheet(name);
      sheet.columns = [{ width: widths[0] }, { width: widths[1] }];
      for (const [label, value, format] of facts) {
        const row = sheet.addRow([label, value]);
        row.getCell(1).font = { bold: true };
        if (format) row.getCell(2).numFmt = XLSX_FORMATS[format];
        row.commit();
      }
      sheet.commit();
    },
    /** Closes the workbook; its bytes. */
    async bytes(): Promise<Buffer> {
      await workbook.commit();
      await finished;
      return Buffer.concat(chunks);
    },
  };
}

/** "2026-03-01" (a calendar date) as the cell Excel shows as 01/03/2026. */
export function calendarCell(isoDay: string): Date {
  return new Date(`${isoDay.slice(0, 10)}T00:00:00.000Z`);
}

/** The calendar day a moment falls on in a time zone, as a date cell. */
export function dayCell(moment: Date, timeZone: string): Date {
  return calendarToday(timeZone, moment);
}

/**
 * A text cell that a spreadsheet must not run as a formula (a value starting with =, +, -, @,
 * a tab or a carriage return gets one leading apostrophe, which the member import removes).
 */
export function safeText(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
