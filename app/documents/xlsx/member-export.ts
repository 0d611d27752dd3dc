// The filtered member list as a spreadsheet (.xlsx): every column the member import reads, with
// the import's headers, so that an export (with whole NIK) imports back without loss. Dates stay
// real dates (sortable) shown dd/mm/yyyy; NIK and phone stay text, so Excel keeps 16 digits and
// the leading 0. The CSV twin is app/documents/csv/member-export.ts.
import { t, type MessageKey } from "~/i18n/index";
import { addTable, newWorkbook, workbookBytes, XLSX_FORMATS, type XlsxColumn, type XlsxFormat } from "./kit";

/** One exported member, as shown (labels already in Indonesian, NIK masked or whole). */
export type MemberExportRow = {
  no: number;
  memberNumber: string;
  fullName: string;
  nik: string;
  sex: string;
  birthDate: Date;
  phone: string;
  email: string;
  address: string;
  district: string;
  village: string;
  status: string;
  membershipType: string;
  joinDate: Date;
  skPsmNumber: string;
  skPsmDate: Date | null;
  basicBimtekDate: Date | null;
};

/** The columns, in the import's order and with its headers. */
export const MEMBER_EXPORT_COLUMNS = [
  { key: "export.col.no", width: 6 },
  { key: "export.col.number", width: 18 },
  { key: "export.col.name", width: 28 },
  { key: "export.col.nik", width: 20, format: "text" },
  { key: "export.col.sex", width: 6 },
  { key: "export.col.birthDate", width: 14, format: "date" },
  { key: "export.col.phone", width: 16, format: "text" },
  { key: "export.col.email", width: 24 },
  { key: "export.col.address", width: 32 },
  { key: "export.col.district", width: 20 },
  { key: "export.col.village", width: 22 },
  { key: "export.col.status", width: 16 },
  { key: "export.col.type", width: 20 },
  { key: "export.col.joinDate", width: 16, format: "date" },
  { key: "export.col.skPsmNumber", width: 24 },
  { key: "export.col.skPsmDate", width: 16, format: "date" },
  { key: "export.col.basicBimtekDate", width: 18, format: "date" },
] as const satisfies readonly { key: MessageKey; width: number; format?: XlsxFormat }[];

/** A member's cells, in the columns' order. */
export function memberExportCells(row: MemberExportRow) {
  return [
    row.no,
    row.memberNumber,
    row.fullName,
    row.nik,
    row.sex,
    row.birthDate,
    row.phone,
    row.email,
    row.address,
    row.district,
    row.village,
    row.status,
    row.membershipType,
    row.joinDate,
    row.skPsmNumber,
    row.skPsmDate,
    row.basicBimtekDate,
  ] as const;
}

/** The members as a workbook of one sheet, its header row filterable. */
export async function memberExportXlsx(rows: readonly MemberExportRow[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const columns: XlsxColumn[] = MEMBER_EXPORT_COLUMNS.map((c) => ({
    header: t(c.key),
    width: c.width,
    format: "format" in c ? c.format : undefined,
  }));
  const sheet = addTable(workbook, t("export.sheet"), columns, rows.map(memberExportCells));
  // The whole column keeps its format, not only the rows written: a member typed into the file
  // below them (it is also an import file) keeps a 16-digit NIK as text and a date as a date.
  columns.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 1).numFmt = XLSX_FORMATS[c.format];
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return workbookBytes(workbook);
}
