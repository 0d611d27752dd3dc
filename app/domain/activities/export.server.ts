// The board's filtered activity list as a spreadsheet: the domain reads the totals and the
// activities (in batches, handed on as they are read) and records who took the file; the
// document (app/documents/xlsx/activities-export.ts) writes the summary sheet and one row per
// activity with the streaming writer, so that a year of a large chapter does not sit in memory
// twice. No resident data is in it.
import { activitiesExportXlsx, type ActivitiesExportRow } from "~/documents/xlsx/activities-export";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import type { ActivityFilters } from "~/validation/activities";
import { activityFilterWhere, activityTotals, withVolunteerCounts } from "./activities.server";

export { statusesText } from "~/documents/xlsx/activities-export";

/** More rows than this are cut (the summary says so); narrow the period instead. */
export const ACTIVITY_EXPORT_MAX_ROWS = 100_000;
const BATCH = 2_000;

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

  let written = 0;
  /** The activities in the export's order, read in batches of BATCH, at most ACTIVITY_EXPORT_MAX_ROWS. */
  async function* activityRows(): AsyncGenerator<ActivitiesExportRow> {
    let cursor: string | undefined;
    while (written < ACTIVITY_EXPORT_MAX_ROWS) {
      const rows = await withVolunteerCounts(
        await db.activity.findMany({
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
            latitude: true,
            longitude: true,
            locationAccuracy: true,
            locatedAt: true,
            type: { select: { name: true } },
            village: { select: { name: true } },
            member: { select: { fullName: true, memberNumber: true } },
          },
          orderBy: [{ date: "asc" }, { id: "asc" }],
          take: Math.min(BATCH, ACTIVITY_EXPORT_MAX_ROWS - written),
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        }),
      );
      if (rows.length === 0) break;
      const aid = await db.activityAid.groupBy({
        by: ["activityId"],
        where: { activityId: { in: rows.map((r) => r.id) } },
        _sum: { value: true },
      });
      const aidValue = new Map(aid.map((a) => [a.activityId, a._sum.value ?? 0]));
      for (const r of rows) {
        yield {
          date: r.date,
          type: r.type.name,
          district: districtName.get(r.districtCode) ?? r.districtCode,
          village: r.village.name,
          rt: r.rt,
          rw: r.rw,
          volunteer: r.member.fullName,
          memberNumber: r.member.memberNumber,
          coVolunteers: r._count.volunteers,
          minutes: r.durationMinutes,
          people: r.people,
          households: r.households,
          aidValue: aidValue.get(r.id) ?? 0,
          status: r.status,
          latitude: r.latitude,
          longitude: r.longitude,
          locationAccuracy: r.locationAccuracy,
          locatedAt: r.locatedAt,
        };
        written += 1;
      }
      cursor = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
  }
  const bytes = await activitiesExportXlsx({
    summary: {
      from: filters.from,
      to: filters.to,
      statuses: totals.statuses,
      activities: totals.activities,
      hours: totals.hours,
      people: totals.people,
      households: totals.households,
      cutAt: totals.activities > ACTIVITY_EXPORT_MAX_ROWS ? ACTIVITY_EXPORT_MAX_ROWS : null,
      timeZone: (await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { timeZone: true } })).timeZone,
    },
    rows: activityRows(),
  });
  // Volunteers' names and member numbers leave the portal: who took them is recorded.
  await recordAudit({
    actorId,
    chapterId,
    action: "activity.export",
    entityType: "Chapter",
    entityId: chapterId,
    after: { count: written, filters: { ...filters, page: undefined } },
  });
  return bytes;
}
