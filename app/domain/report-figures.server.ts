// The figures of a contribution report (Laporan Kontribusi Relawan PSM) for a chapter (and its
// sub-chapters) over a period. Everything is computed in SQL over VERIFIED activities only, never
// by loading activity rows into JavaScript, so that a year of a large chapter stays fast and small
// in memory (npm run bench). No resident data: people are counted by category, sex and place.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { hasPermission } from "~/utils/permissions";
import { NATIONAL_PPKS } from "~/validation/activities";
import { trainingHours } from "./trainings.server";

/** SQLite keeps Prisma's DateTime as ISO text; calendar dates are UTC midnight. */
const sqlDate = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00.000+00:00`;
const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** The chapter and, when asked, every chapter under it. */
export async function reportChapterIds(chapterId: string, includeSubChapters: boolean) {
  const ids = [chapterId];
  if (!includeSubChapters) return ids;
  for (let i = 0; i < ids.length; i++) {
    const children = await db.chapter.findMany({ where: { parentId: ids[i] }, select: { id: true } });
    ids.push(...children.map((c) => c.id));
  }
  return ids;
}

export type ReportScope = { chapterId: string; includeSubChapters: boolean; start: Date; end: Date };

/** The serving holder of a position kind today in the chapter's active period (signature blocks). */
export async function servingHolder(chapterId: string, kind: string, today: Date) {
  const holding = await db.positionHolding.findFirst({
    where: {
      position: { chapterId, kind },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { chapterId, status: "active" },
    },
    select: { member: { select: { fullName: true } }, position: { select: { title: true } } },
  });
  return holding ? { name: holding.member.fullName, title: holding.position.title } : null;
}

/** Every figure of the report, as plain JSON (frozen as it is at submission). */
export async function reportFigures(scope: ReportScope) {
  const chapterIds = await reportChapterIds(scope.chapterId, scope.includeSubChapters);
  const ids = Prisma.join(chapterIds);
  const from = sqlDate(scope.start);
  const to = sqlDate(scope.end);
  const verified = Prisma.sql`a."chapterId" IN (${ids}) AND a.status = 'verified' AND a.date >= ${from} AND a.date <= ${to}`;
  // reach rows carry copies of their activity's chapter, status, date and place (database triggers)
  const verifiedReach = Prisma.sql`r."chapterId" IN (${ids}) AND r.status = 'verified' AND r.date >= ${from} AND r.date <= ${to}`;

  const [chapters, summary, coHours, byType, byCategory, byDistrict, byVillage, aid, volunteers, byMonth, waiting, activeMembers, training, events, programmes, followUps] =
    await Promise.all([
      db.chapter.findMany({ where: { id: { in: chapterIds } }, select: { id: true, name: true, code: true } }),
      db.$queryRaw<{ activities: bigint; minutes: bigint | null; households: bigint | null; people: bigint | null }[]>`
        SELECT COUNT(*) AS activities, SUM(a."durationMinutes") AS minutes, SUM(a.households) AS households, SUM(a.people) AS people
        FROM "Activity" a WHERE ${verified}`,
      // co-volunteers get the activity's hours on their own record
      db.$queryRaw<{ minutes: bigint | null; volunteers: bigint }[]>`
        SELECT SUM(a."durationMinutes") AS minutes, COUNT(*) AS volunteers
        FROM "ActivityVolunteer" v JOIN "Activity" a ON a.id = v."activityId" WHERE ${verified}`,
      // volunteer hours by type: the author's, plus each co-volunteer's (no per-row subquery)
      db.$queryRaw<{ name: string; activities: bigint; minutes: bigint }[]>`
        SELECT t.name AS name, SUM(x.activities) AS activities, SUM(x.minutes) AS minutes
        FROM (
          SELECT a."typeId" AS "typeId", COUNT(*) AS activities, SUM(a."durationMinutes") AS minutes FROM "Activity" a WHERE ${verified} GROUP BY a."typeId"
          UNION ALL
          SELECT a."typeId" AS "typeId", 0 AS activities, SUM(a."durationMinutes") AS minutes
          FROM "ActivityVolunteer" v JOIN "Activity" a ON a.id = v."activityId" WHERE ${verified} GROUP BY a."typeId"
        ) x JOIN "ActivityType" t ON t.id = x."typeId"
        GROUP BY t.name ORDER BY activities DESC, t.name`,
      db.$queryRaw<{ categoryId: string; number: number | null; name: string; male: bigint; female: bigint }[]>`
        SELECT c.id AS "categoryId", c.number AS number, c.name AS name,
               SUM(CASE WHEN r.sex = 'L' THEN r.count ELSE 0 END) AS male,
               SUM(CASE WHEN r.sex = 'P' THEN r.count ELSE 0 END) AS female
        FROM "ActivityReach" r JOIN "PpksCategory" c ON c.id = r."categoryId"
        WHERE ${verifiedReach} GROUP BY c.id ORDER BY c."sortOrder", c.name`,
      db.$queryRaw<{ categoryId: string; districtCode: string; people: bigint }[]>`
        SELECT r."categoryId" AS "categoryId", r."districtCode" AS "districtCode", SUM(r.count) AS people
        FROM "ActivityReach" r WHERE ${verifiedReach}
        GROUP BY r."categoryId", r."districtCode"`,
      db.$queryRaw<{ villageCode: string; districtCode: string; categoryId: string; people: bigint }[]>`
        SELECT r."villageCode" AS "villageCode", r."districtCode" AS "districtCode", r."categoryId" AS "categoryId", SUM(r.count) AS people
        FROM "ActivityReach" r WHERE ${verifiedReach}
        GROUP BY r."villageCode", r."categoryId"`,
      db.$queryRaw<{ source: string; items: bigint; quantity: bigint; value: bigint }[]>`
        SELECT d.source AS source, COUNT(*) AS items, SUM(d.quantity) AS quantity, SUM(d.value) AS value
        FROM "ActivityAid" d JOIN "Activity" a ON a.id = d."activityId" WHERE ${verified}
        GROUP BY d.source ORDER BY value DESC`,
      db.$queryRaw<{ memberId: string; fullName: string; memberNumber: string | null; activities: bigint; minutes: bigint }[]>`
        SELECT m.id AS "memberId", m."fullName" AS "fullName", m."memberNumber" AS "memberNumber", SUM(x.activities) AS activities, SUM(x.minutes) AS minutes
        FROM (
          SELECT a."memberId" AS "memberId", COUNT(*) AS activities, SUM(a."durationMinutes") AS minutes FROM "Activity" a WHERE ${verified} GROUP BY a."memberId"
          UNION ALL
          SELECT v."memberId" AS "memberId", COUNT(*) AS activities, SUM(a."durationMinutes") AS minutes
          FROM "ActivityVolunteer" v JOIN "Activity" a ON a.id = v."activityId" WHERE ${verified} GROUP BY v."memberId"
        ) x JOIN "Member" m ON m.id = x."memberId"
        GROUP BY m.id ORDER BY m."fullName"`,
      db.$queryRaw<{ month: string; minutes: bigint; activities: bigint }[]>`
        SELECT x.month AS month, SUM(x.minutes) AS minutes, SUM(x.activities) AS activities
        FROM (
          SELECT substr(a.date, 1, 7) AS month, SUM(a."durationMinutes") AS minutes, COUNT(*) AS activities FROM "Activity" a WHERE ${verified} GROUP BY month
          UNION ALL
          SELECT substr(a.date, 1, 7) AS month, SUM(a."durationMinutes") AS minutes, 0 AS activities
          FROM "ActivityVolunteer" v JOIN "Activity" a ON a.id = v."activityId" WHERE ${verified} GROUP BY month
        ) x GROUP BY x.month ORDER BY x.month`,
      db.activity.count({ where: { chapterId: { in: chapterIds }, status: "submitted", date: { gte: scope.start, lte: scope.end } } }),
      db.member.count({ where: { chapterId: { in: chapterIds }, status: "aktif" } }),
      trainingHours(chapterIds, scope.start, scope.end),
      db.trainingEvent.findMany({
        where: { chapterId: { in: chapterIds }, startDate: { gte: scope.start, lte: scope.end } },
        select: {
          startDate: true,
          endDate: true,
          hours: true,
          place: true,
          course: { select: { name: true } },
          _count: { select: { participants: { where: { attendance: { in: ["hadir", "sebagian"] } } } } },
        },
        orderBy: { startDate: "asc" },
      }),
      db.programme.findMany({
        where: { chapterId: { in: chapterIds }, startDate: { lte: scope.end }, endDate: { gte: scope.start } },
        select: { id: true, name: true, budget: true, startDate: true, endDate: true, partners: { select: { partner: { select: { name: true } } }, orderBy: { partner: { name: "asc" } } } },
        orderBy: { name: "asc" },
      }),
      Promise.all([
        db.followUp.count({ where: { chapterId: { in: chapterIds }, openedBy: { status: "verified", date: { gte: scope.start, lte: scope.end } } } }),
        db.followUp.count({ where: { chapterId: { in: chapterIds }, status: "selesai", closedBy: { status: "verified", date: { gte: scope.start, lte: scope.end } } } }),
        // still open at the end of the period: opened by then, and not closed by a verified activity by then
        db.followUp.count({
          where: { chapterId: { in: chapterIds }, openedBy: { status: "verified", date: { lte: scope.end } }, NOT: { closedBy: { status: "verified", date: { lte: scope.end } } } },
        }),
      ]),
    ]);

  // Money of the programmes up to the end of the period (approved entries only).
  const money = programmes.length
    ? await db.moneyEntry.groupBy({
        by: ["programmeId", "kind"],
        where: { programmeId: { in: programmes.map((p) => p.id) }, status: "approved", date: { lte: scope.end } },
        _sum: { amount: true },
      })
    : [];
  const moneyOf = (programmeId: string, kind: string) => money.find((m) => m.programmeId === programmeId && m.kind === kind)?._sum.amount ?? 0;

  const districtCodes = [...new Set([...byDistrict.map((d) => d.districtCode), ...byVillage.map((v) => v.districtCode)])].sort();
  const regions = await db.region.findMany({
    where: { code: { in: [...districtCodes, ...byVillage.map((v) => v.villageCode)] } },
    select: { code: true, name: true },
  });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const categoryOrder = byCategory.map((c) => c.categoryId);
  const categoryName = new Map(byCategory.map((c) => [c.categoryId, c.name]));

  const s = summary[0];
  const co = coHours[0];
  const fieldMinutes = num(s?.minutes) + num(co?.minutes);
  const male = byCategory.reduce((sum, c) => sum + num(c.male), 0);
  const female = byCategory.reduce((sum, c) => sum + num(c.female), 0);
  const grid = new Map(byDistrict.map((d) => [`${d.categoryId}|${d.districtCode}`, num(d.people)]));

  return {
    chapters: chapterIds.map((id) => chapters.find((c) => c.id === id)!).map((c) => ({ name: c.name, code: c.code })),
    period: { start: scope.start.toISOString().slice(0, 10), end: scope.end.toISOString().slice(0, 10) },
    members: { active: activeMembers },
    volunteersActive: volunteers.length,
    hours: { field: fieldMinutes / 60, training: training.total, total: fieldMinutes / 60 + training.total },
    activities: {
      count: num(s?.activities),
      byType: byType.map((x) => ({ name: x.name, activities: num(x.activities), hours: num(x.minutes) / 60 })),
    },
    people: {
      total: male + female,
      male,
      female,
      byCategory: byCategory.map((c) => ({ number: c.number, name: c.name, male: num(c.male), female: num(c.female), total: num(c.male) + num(c.female) })),
    },
    households: num(s?.households),
    aid: {
      bySource: aid.map((x) => ({ source: x.source, items: num(x.items), quantity: num(x.quantity), value: num(x.value) })),
      totalValue: aid.reduce((sum, x) => sum + num(x.value), 0),
    },
    categoryByDistrict: {
      districts: districtCodes.filter((code) => byDistrict.some((d) => d.districtCode === code)).map((code) => ({ code, name: regionName.get(code) ?? code })),
      rows: categoryOrder.map((categoryId) => {
        const counts = districtCodes.filter((code) => byDistrict.some((d) => d.districtCode === code)).map((code) => grid.get(`${categoryId}|${code}`) ?? 0);
        return { category: categoryName.get(categoryId) ?? "", counts, total: counts.reduce((a, b) => a + b, 0) };
      }),
    },
    categoryByVillage: byVillage
      .map((v) => ({ district: regionName.get(v.districtCode) ?? v.districtCode, village: regionName.get(v.villageCode) ?? v.villageCode, category: categoryName.get(v.categoryId) ?? "", people: num(v.people) }))
      .sort((a, b) => a.district.localeCompare(b.district) || a.village.localeCompare(b.village) || categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category)),
    volunteers: volunteers.map((v) => ({ name: v.fullName, memberNumber: v.memberNumber, activities: num(v.activities), hours: num(v.minutes) / 60 })),
    trainings: {
      hours: training.total,
      events: events.map((e) => ({ name: e.course.name, place: e.place, start: e.startDate.toISOString().slice(0, 10), end: e.endDate.toISOString().slice(0, 10), hours: e.hours, participants: e._count.participants })),
    },
    programmes: programmes.map((p) => ({
      name: p.name,
      partners: p.partners.map((x) => x.partner.name),
      budget: p.budget,
      received: moneyOf(p.id, "disbursement"),
      spent: moneyOf(p.id, "spending"),
    })),
    followUps: { opened: followUps[0], closed: followUps[1], open: followUps[2] },
    hoursByMonth: byMonth.map((m) => ({ month: m.month, hours: num(m.minutes) / 60, activities: num(m.activities) })),
    waiting,
  };
}
export type ReportFigures = Awaited<ReturnType<typeof reportFigures>>;

// Kept for reports that must say which national list the categories come from.
export const PPKS_SOURCE = `Permensos 08/2012 (${NATIONAL_PPKS.length} kategori)`;

/** Whether a user may read the chapter's reports (board) or receive them (Dinas Sosial). */
export function readsReports(permissions: Parameters<typeof hasPermission>[0]) {
  return hasPermission(permissions, "read:report:chapter") || hasPermission(permissions, "receive:report:chapter");
}
