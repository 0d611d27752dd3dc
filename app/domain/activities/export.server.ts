// The board's filtered activity list as a spreadsheet: a summary sheet (filters and totals) and one
// row per activity, written by ExcelJS's streaming writer and read from the database in batches, so
// that a year of a large chapter does not sit in memory twice. No resident data is in it.
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { t } from "~/i18n/index";
import { activityStatusLabel } from "~/i18n/labels";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { formatCalendarDateShort } from "~/utils/format";
import { calendarDateOf } from "~/validation/fields";
import type { ActivityFilters } from "~/validation/activities";
import { activityFilterWhere, activityTotals } from "./activities.server";

/** More rows than this are cut (the summary says so); narrow the period instead. */
export const ACTIVITY_EXPORT_MAX_ROWS = 100_000;
const BATCH = 2_000;

const COLUMNS = [
  { key: "activities.export.date", width: 12 },
  { key: "activities.export.type", width: 34 },
  { key: "activities.export.district", width: 20 },
  { key: "activities.export.village", width: 22 },
  { key: "activities.export.rtRw", width: 9 },
  { key: "activities.export.volunteer", width: 28 },
  { key: "activities.export.memberNumber", width: 18 },
  { key: "activities.export.coVolunteers", width: 11 },
  { key: "activities.export.minutes", width: 9 },
  { key: "activities.export.people", width: 9 },
  { key: "activities.export.households", width: 9 },
  { key: "activities.export.aidValue", width: 16 },
  { key: "activities.export.status", width: 20 },
] as const;

/** "Diajukan 2, Terverifikasi 5": the statuses the totals include, with their counts. */
export function statusesText(statuses: { status: string; count: number }[]) {
  return statuses.length ? statuses.map((s) => `${activityStatusLabel(s.status)} ${s.count}`).join(", ") : t("activities.totals.noStatus");
}

const dateText = (value: string | null) => (value ? formatCalendarDateShort(calendarDateOf(value)) : "…");

export async function activitiesXlsx(
  who: { chapterId: string; actorId: string },
  filters: ActivityFilters,
  scope?: { districtCodes: readonly string[] },
): Promise<Buffer> {
  const { chapterId, actorId } = who;
  const where = activityFilterWhere(chapterId, filters, scope?.districtCodes);
  const [totals, districts] = await Promise.all([
    activityTotals(where),
    // the kecamatan that occur (a kecamatan-level chapter's own, a city's under it)
    db.activity
      .groupBy({ by: ["districtCode"], where })
      .then((rows) => db.region.findMany({ where: { code: { in: rows.map((r) => r.districtCode) } }, select: { code: true, name: true } })),
  ]);
  const districtName = new Map(districts.map((d) => [d.code, d.name]));

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Portal IPSM";

  const summary = workbook.addWorksheet(t("activities.export.summarySheet"));
  summary.columns = [{ width: 34 }, { width: 40 }];
  const cut = totals.activities > ACTIVITY_EXPORT_MAX_ROWS;
  const lines: [string, string | number][] = [
    [t("activities.export.period"), `${dateText(filters.from)} – ${dateText(filters.to)}`],
    [t("activities.export.statuses"), statusesText(totals.statuses)],
    [t("activities.export.count"), totals.activities],
    [t("activities.export.hours"), totals.hours],
    [t("activities.export.people"), totals.people],
    [t("activities.export.households"), totals.households],
    ...(cut ? [[t("activities.export.cut", { max: ACTIVITY_EXPORT_MAX_ROWS }), ""] as [string, string]] : []),
  ];
  for (const line of lines) summary.addRow(line).commit();
  summary.commit();

  const sheet = workbook.addWorksheet(t("activities.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: t(c.key), width: c.width }));
  sheet.getColumn(1).numFmt = "dd/mm/yyyy";
  sheet.getColumn(12).numFmt = "#,##0";
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let written = 0;
  let cursor: string | undefined;
  while (written < ACTIVITY_EXPORT_MAX_ROWS) {
    const rows = await db.activity.findMany({
      where,
      select: {
        id: true,
        date: true,
        districtCode: true,
        rt: true,
        rw: true,
        durationMinutes: true,
        people: true,
        households: true,
        status: true,
        type: { select: { name: true } },
        village: { select: { name: true } },
        member: { select: { fullName: true, memberNumber: true } },
        _count: { select: { volunteers: true } },
      },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      take: Math.min(BATCH, ACTIVITY_EXPORT_MAX_ROWS - written),
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    const aid = await db.activityAid.groupBy({
      by: ["activityId"],
      where: { activityId: { in: rows.map((r) => r.id) } },
      _sum: { value: true },
    });
    const aidValue = new Map(aid.map((a) => [a.activityId, a._sum.value ?? 0]));
    for (const r of rows) {
      sheet
        .addRow([
          r.date,
          r.type.name,
          districtName.get(r.districtCode) ?? r.districtCode,
          r.village.name,
          r.rt || r.rw ? `${r.rt ?? "-"}/${r.rw ?? "-"}` : "",
          r.member.fullName,
          r.member.memberNumber ?? "",
          r._count.volunteers,
          r.durationMinutes,
          r.people,
          r.households,
          aidValue.get(r.id) ?? 0,
          activityStatusLabel(r.status),
        ])
        .commit();
    }
    written += rows.length;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) break;
  }
  sheet.commit();
  await workbook.commit();
  // Volunteers' names and member numbers leave the portal: who took them is recorded.
  await recordAudit({
    actorId,
    chapterId,
    action: "activity.export",
    entityType: "Chapter",
    entityId: chapterId,
    after: { count: written, filters: { ...filters, page: undefined } },
  });
  return Buffer.concat(chunks);
}
