// The filtered member list as a spreadsheet (.xlsx) or CSV, NIK masked unless asked for whole
// by someone allowed; every export is audited.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { t, type MessageKey } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, maskNik } from "~/utils/format";
import { formatPhone, type MemberFilters } from "~/validation/members";
import { listMembersForPrint, recordMemberExport } from "./members.server";

const COLUMNS = [
  "export.col.no",
  "export.col.number",
  "export.col.name",
  "export.col.nik",
  "export.col.sex",
  "export.col.birthDate",
  "export.col.phone",
  "export.col.district",
  "export.col.village",
  "export.col.status",
  "export.col.type",
  "export.col.joinDate",
] as const satisfies readonly MessageKey[];

export async function buildMemberExport(input: {
  chapterId: string;
  chapterCode: string;
  actorId: string;
  filters: MemberFilters;
  format: "xlsx" | "csv";
  showFullNik: boolean;
}): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const members = await listMembersForPrint(input.chapterId, input.filters);
  const rows = members.map((m, i) => [
    String(i + 1),
    m.memberNumber ?? "",
    m.fullName,
    input.showFullNik ? m.nik : maskNik(m.nik),
    m.sex,
    formatCalendarDateShort(m.birthDate),
    formatPhone(m.phone),
    m.village.parent?.name ?? "",
    m.village.name,
    memberStatusLabel(m.status),
    t(`member.type.${m.membershipType}` as MessageKey),
    formatCalendarDateShort(m.joinDate),
  ]);
  const header = COLUMNS.map((key) => t(key));
  await recordMemberExport({
    chapterId: input.chapterId,
    actorId: input.actorId,
    format: input.showFullNik ? `${input.format}+nik` : input.format,
    count: members.length,
    filters: input.filters,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `anggota-${input.chapterCode.toLowerCase()}-${stamp}`;
  if (input.format === "csv") {
    // Excel in an Indonesian locale opens ";"-separated UTF-8 with a BOM correctly.
    const csv = Papa.unparse([header, ...rows], { delimiter: ";", quotes: true });
    return { body: Buffer.from(`\uFEFF${csv}`, "utf8"), fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8" };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("export.sheet"));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(6, header[i]!.length + 2, ...rows.slice(0, 200).map((r) => (r[i] ?? "").length + 2)));
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}
