// The filtered member list as a spreadsheet (.xlsx) or CSV, NIK masked unless whole is asked for
// by someone allowed to see it; every export of personal data leaves an audit record. The file
// has every column the import reads, with the import's headers, so that an export (with whole
// NIK) imports back without loss: the CSV escapes formula-looking values with an apostrophe
// (escapeFormula), which the import undoes exactly.
import { memberExportCsv } from "~/documents/csv/member-export";
import { memberExportXlsx, type MemberExportRow } from "~/documents/xlsx/member-export";
import { t, type MessageKey } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { db } from "~/utils/db.server";
import { isoCalendarDate } from "~/utils/dates";
import { maskNik } from "~/utils/format";
import { formatPhone, type MemberFilters } from "~/validation/members";
import { listMembersForPrint, recordMemberExport } from "./members.server";

export type MemberExportFormat = "xlsx" | "csv";

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
    listMembersForPrint({ chapterId: input.chapterId }, input.filters),
    db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { code: true, timeZone: true } }),
  ]);
  const details = await memberDetails(
    input.chapterId,
    members.map((m) => m.id),
  );
  const rows: MemberExportRow[] = members.map((m, i) => ({
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
  await recordMemberExport(
    { chapterId: input.chapterId, userId: input.actorId },
    {
      format: input.showFullNik ? `${input.format}+nik` : input.format,
      count: rows.length,
      filters: input.filters,
    },
  );
  // the chapter's today: an export at 00:30 WIB is named after that day, not the UTC one before
  const stamp = isoCalendarDate(new Date(), chapter.timeZone);
  const fileName = `anggota-${chapter.code.toLowerCase()}-${stamp}.${input.format}`;
  const body = input.format === "csv" ? memberExportCsv(rows) : await memberExportXlsx(rows);
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
