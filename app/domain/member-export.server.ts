// The filtered member list as a spreadsheet (.xlsx) or CSV, NIK masked unless whole is asked for
// by someone allowed to see it; every export of personal data leaves an audit record.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { t, type MessageKey } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { db } from "~/utils/db.server";
import { formatCalendarDateShort, maskNik } from "~/utils/format";
import { formatPhone, type MemberFilters } from "~/validation/members";
import { listMembersForPrint, recordMemberExport } from "./members.server";

export type MemberExportFormat = "xlsx" | "csv";

const COLUMNS = [
  { key: "export.col.no", width: 6 },
  { key: "export.col.number", width: 18 },
  { key: "export.col.name", width: 28 },
  { key: "export.col.nik", width: 20 },
  { key: "export.col.sex", width: 6 },
  { key: "export.col.birthDate", width: 14 },
  { key: "export.col.phone", width: 16 },
  { key: "export.col.district", width: 20 },
  { key: "export.col.village", width: 22 },
  { key: "export.col.status", width: 16 },
  { key: "export.col.type", width: 20 },
  { key: "export.col.joinDate", width: 16 },
] as const satisfies readonly { key: MessageKey; width: number }[];

const BIRTH_DATE_COLUMN = 6;
const JOIN_DATE_COLUMN = 12;
const NIK_COLUMN = 4;

type ExportRow = {
  no: number;
  memberNumber: string;
  fullName: string;
  nik: string;
  sex: string;
  birthDate: Date;
  phone: string;
  district: string;
  village: string;
  status: string;
  membershipType: string;
  joinDate: Date;
};

const CONTENT_TYPES: Record<MemberExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * The members matching the /members filters, in the list's order, as .xlsx or .csv (UTF-8 with
 * BOM, ";" as Excel in an Indonesian locale expects). The export is audited with its format,
 * count, filters and whether NIK was whole.
 */
export async function buildMemberExport(input: {
  chapterId: string;
  actorId: string;
  filters: MemberFilters;
  format: MemberExportFormat;
  showFullNik: boolean;
}): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const [members, chapter] = await Promise.all([
    listMembersForPrint(input.chapterId, input.filters),
    db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { code: true } }),
  ]);
  const rows: ExportRow[] = members.map((m, i) => ({
    no: i + 1,
    memberNumber: m.memberNumber ?? "",
    fullName: m.fullName,
    nik: input.showFullNik ? m.nik : maskNik(m.nik),
    sex: m.sex,
    birthDate: m.birthDate,
    phone: formatPhone(m.phone),
    district: m.village.parent?.name ?? "",
    village: m.village.name,
    status: memberStatusLabel(m.status),
    membershipType: t(`member.type.${m.membershipType}` as MessageKey),
    joinDate: m.joinDate,
  }));
  await recordMemberExport({
    chapterId: input.chapterId,
    actorId: input.actorId,
    format: input.showFullNik ? `${input.format}+nik` : input.format,
    count: rows.length,
    filters: input.filters,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const fileName = `anggota-${chapter.code.toLowerCase()}-${stamp}.${input.format}`;
  const body = input.format === "csv" ? csvBody(rows) : await xlsxBody(rows);
  return { body, fileName, contentType: CONTENT_TYPES[input.format] };
}

function cellsOf(row: ExportRow) {
  return [
    row.no, row.memberNumber, row.fullName, row.nik, row.sex, row.birthDate, row.phone, row.district,
    row.village, row.status, row.membershipType, row.joinDate,
  ] as const;
}

function csvBody(rows: ExportRow[]): Buffer {
  const table = [
    COLUMNS.map((c) => t(c.key)),
    ...rows.map((row) => cellsOf(row).map((cell) => (cell instanceof Date ? formatCalendarDateShort(cell) : String(cell)))),
  ];
  // Every cell quoted; cells starting with = + - @ are escaped so Excel never runs them.
  const csv = Papa.unparse(table, { delimiter: ";", quotes: true, escapeFormulae: true, newline: "\r\n" });
  return Buffer.from(`\uFEFF${csv}\r\n`, "utf8");
}

async function xlsxBody(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Portal IPSM";
  const sheet = workbook.addWorksheet(t("export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: t(c.key), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...cellsOf(row)]);
  // Dates stay real dates (sortable) shown DD/MM/YYYY; NIK stays text so Excel keeps 16 digits.
  for (const col of [BIRTH_DATE_COLUMN, JOIN_DATE_COLUMN]) sheet.getColumn(col).numFmt = "dd/mm/yyyy";
  sheet.getColumn(NIK_COLUMN).numFmt = "@";
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
