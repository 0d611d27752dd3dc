// The filtered member list as a spreadsheet (.xlsx) or CSV, NIK masked unless whole is asked for
// by someone allowed to see it; every export of personal data leaves an audit record. The file
// has every column the import reads, with the import's headers, so that an export (with whole
// NIK) imports back without loss: the CSV escapes formula-looking values with an apostrophe
// (escapeFormula), which the import undoes exactly.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { t, type MessageKey } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { db } from "~/utils/db.server";
import { isoCalendarDate } from "~/utils/dates";
import { formatCalendarDateShort, maskNik } from "~/utils/format";
import { escapeFormula } from "~/utils/import-values";
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
  { key: "export.col.email", width: 24 },
  { key: "export.col.address", width: 32 },
  { key: "export.col.district", width: 20 },
  { key: "export.col.village", width: 22 },
  { key: "export.col.status", width: 16 },
  { key: "export.col.type", width: 20 },
  { key: "export.col.joinDate", width: 16 },
  { key: "export.col.skPsmNumber", width: 24 },
  { key: "export.col.skPsmDate", width: 16 },
  { key: "export.col.basicBimtekDate", width: 18 },
] as const satisfies readonly { key: MessageKey; width: number }[];

const DATE_COLUMNS = [6, 14, 16, 17];
const TEXT_COLUMNS = [4, 7]; // NIK and phone: text, so Excel keeps 16 digits and the leading 0

type ExportRow = {
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
    db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { code: true, timeZone: true } }),
  ]);
  const details = await memberDetails(
    input.chapterId,
    members.map((m) => m.id),
  );
  const rows: ExportRow[] = members.map((m, i) => ({
    no: i + 1,
    memberNumber: m.memberNumber ?? "",
    fullName: m.fullName,
    nik: input.showFullNik ? m.nik : maskNik(m.nik),
    sex: m.sex,
    birthDate: m.birthDate,
    phone: formatPhone(m.phone),
    email: details.get(m.id)?.email ?? "",
    address: details.get(m.id)?.address ?? "",
    district: m.village.parent?.name ?? "",
    village: m.village.name,
    status: memberStatusLabel(m.status),
    membershipType: t(`member.type.${m.membershipType}` as MessageKey),
    joinDate: m.joinDate,
    skPsmNumber: details.get(m.id)?.skPsmNumber ?? "",
    skPsmDate: details.get(m.id)?.skPsmDate ?? null,
    basicBimtekDate: details.get(m.id)?.basicBimtekDate ?? null,
  }));
  await recordMemberExport({
    chapterId: input.chapterId,
    actorId: input.actorId,
    format: input.showFullNik ? `${input.format}+nik` : input.format,
    count: rows.length,
    filters: input.filters,
  });
  // the chapter's today: an export at 00:30 WIB is named after that day, not the UTC one before
  const stamp = isoCalendarDate(new Date(), chapter.timeZone);
  const fileName = `anggota-${chapter.code.toLowerCase()}-${stamp}.${input.format}`;
  const body = input.format === "csv" ? csvBody(rows) : await xlsxBody(rows);
  return { body, fileName, contentType: CONTENT_TYPES[input.format] };
}

/** The columns the member list does not select, for the members exported (in chunks). */
async function memberDetails(chapterId: string, ids: string[]) {
  const details = new Map<
    string,
    { email: string | null; address: string; skPsmNumber: string | null; skPsmDate: Date | null; basicBimtekDate: Date | null }
  >();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db.member.findMany({
      where: { chapterId, id: { in: ids.slice(i, i + 500) } },
      select: { id: true, email: true, address: true, skPsmNumber: true, skPsmDate: true, basicBimtekDate: true },
    });
    for (const { id, ...rest } of found) details.set(id, rest);
  }
  return details;
}

function cellsOf(row: ExportRow) {
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

function csvBody(rows: ExportRow[]): Buffer {
  const text = (cell: ReturnType<typeof cellsOf>[number]) =>
    cell instanceof Date ? formatCalendarDateShort(cell) : cell === null ? "" : String(cell);
  const table = [COLUMNS.map((c) => t(c.key)), ...rows.map((row) => cellsOf(row).map((cell) => escapeFormula(text(cell))))];
  // Every cell quoted; cells starting with = + - @ (or ') get an apostrophe so Excel never runs them.
  const csv = Papa.unparse(table, { delimiter: ";", quotes: true, newline: "\r\n" });
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
  for (const col of DATE_COLUMNS) sheet.getColumn(col).numFmt = "dd/mm/yyyy";
  for (const col of TEXT_COLUMNS) sheet.getColumn(col).numFmt = "@";
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
