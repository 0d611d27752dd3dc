// The figures of a contribution report (Laporan Kontribusi Relawan PSM) for a chapter (and its
// sub-chapters) over a period. Everything is computed in SQL over VERIFIED activities only, never
// by loading activity rows into JavaScript, so that a year of a large chapter stays fast and small
// in memory (npm run bench). No resident data: people are counted by category, sex and place.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { NATIONAL_PPKS } from "~/validation/activities";
import type { PositionKind } from "~/validation/leadership";
import { trainingHours } from "~/domain/trainings/record.server";

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
export async function servingHolder(chapterId: string, kind: PositionKind, today: Date) {
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

type StatusChange = { effective: string; at: Date; before: string | null; after: string | null };

/** The status a member had on a calendar day, from its audited status changes (decision 012). */
export function statusOn(current: string, changes: StatusChange[], day: string): string {
  if (!changes.length) return current;
  const sorted = [...changes].sort((a, b) =>
    a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.at.getTime() - b.at.getTime(),
  );
  const upTo = sorted.filter((c) => c.effective <= day);
  const last = upTo[upTo.length - 1];
  if (last) return last.after ?? current;
  return sorted[0]!.before ?? current;
}

/**
 * Members whose status was "aktif" on a calendar day (the report period's last day), not today: a
 * member who joined after that day is not counted, one who left after it still is. Members without
 * a recorded status change are counted by SQL; the few with changes are replayed from the audit
 * log ("member.status" rows carry the status before and after and the day it took effect).
 */
export async function activeMembersOn(chapterIds: string[], day: Date) {
  const dayIso = day.toISOString().slice(0, 10);
  const audited = await db.auditLog.findMany({
    where: { action: "member.status", entityType: "Member", chapterId: { in: chapterIds } },
    select: { entityId: true, at: true, before: true, after: true },
  });
  const changes = new Map<string, StatusChange[]>();
  const field = (json: string | null, key: string) => {
    if (!json) return null;
    try {
      const value = (JSON.parse(json) as Record<string, unknown>)[key];
      return typeof value === "string" ? value : null;
    } catch {
      return null;
    }
  };
  for (const row of audited) {
    const list = changes.get(row.entityId) ?? changes.set(row.entityId, []).get(row.entityId)!;
    list.push({
      effective: (field(row.after, "statusDate") ?? row.at.toISOString()).slice(0, 10),
      at: row.at,
      before: field(row.before, "status"),
      after: field(row.after, "status"),
    });
  }
  const withHistory = [...changes.keys()];
  const [plain, replayed] = await Promise.all([
    db.member.count({ where: { chapterId: { in: chapterIds }, joinDate: { lte: day }, status: "aktif", id: { notIn: withHistory } } }),
    withHistory.length
      ? db.member.findMany({
          where: { chapterId: { in: chapterIds }, joinDate: { lte: day }, id: { in: withHistory } },
          select: { id: true, status: true },
        })
      : Promise.resolve([]),
  ]);
  return plain + replayed.filter((m) => statusOn(m.status, changes.get(m.id)!, dayIso) === "aktif").length;
}

/**
 * The report's heavy statements: the passes over the activities, co-volunteers, reach and aid of
 * the period (the rest are small). Exported so that the benchmark runs the very same statements
 * through Prisma and raw (tests/bench/support/report-statements.ts).
 */
export function heavyStatements(chapterIds: string[], start: Date, end: Date) {
  const ids = Prisma.join(chapterIds);
  const from = sqlDate(start);
  const to = sqlDate(end);
  const verified = Prisma.sql`a."chapterId" IN (${ids}) AND a.status = 'verified' AND a.date >= ${from} AND a.date <= ${to}`;
  // reach and co-volunteer rows carry copies of their activity's chapter, status, date, place,
  // type and duration (database triggers), so they are summed by range scans without a join
  const verifiedReach = Prisma.sql`r."chapterId" IN (${ids}) AND r.status = 'verified' AND r.date >= ${from} AND r.date <= ${to}`;
  const verifiedCo = Prisma.sql`v."chapterId" IN (${ids}) AND v.status = 'verified' AND v.date >= ${from} AND v.date <= ${to}`;
  return {
    // from the per-type day totals the triggers keep (decision 031): a few rows per day instead of
    // every activity; groups whose activities all moved away (kept rows fall to zero) left out
    byTypeMonth: Prisma.sql`
        SELECT t."typeId" AS "typeId", substr(t.date, 1, 7) AS month, SUM(t.activities) AS activities, SUM(t.minutes) AS minutes,
               SUM(t.households) AS households
        FROM "ActivityTypeDayTotal" t
        WHERE t."chapterId" IN (${ids}) AND t.status = 'verified' AND t.date >= ${from} AND t.date <= ${to}
        GROUP BY t."typeId", month HAVING SUM(t.activities) > 0`,
    byMember: Prisma.sql`
        SELECT a."memberId" AS "memberId", COUNT(*) AS activities, SUM(a."durationMinutes") AS minutes
        FROM "Activity" a INDEXED BY "Activity_report_idx" WHERE ${verified} GROUP BY a."memberId"`,
    coByTypeMonth: Prisma.sql`
        SELECT v."typeId" AS "typeId", substr(v.date, 1, 7) AS month, SUM(v."durationMinutes") AS minutes
        FROM "ActivityVolunteer" v WHERE ${verifiedCo} GROUP BY v."typeId", month`,
    coByMember: Prisma.sql`
        SELECT v."memberId" AS "memberId", COUNT(*) AS activities, SUM(v."durationMinutes") AS minutes
        FROM "ActivityVolunteer" v WHERE ${verifiedCo} GROUP BY v."memberId"`,
    reach: Prisma.sql`
        SELECT r."villageCode" AS "villageCode", r."districtCode" AS "districtCode", r."categoryId" AS "categoryId", r.sex AS sex, SUM(r.count) AS people
        FROM "ActivityReach" r WHERE ${verifiedReach}
        GROUP BY r."villageCode", r."categoryId", r.sex`,
    aid: Prisma.sql`
        SELECT d.source AS source, COUNT(*) AS items, SUM(d.quantity) AS quantity, SUM(d.value) AS value
        FROM "ActivityAid" d JOIN "Activity" a ON a.id = d."activityId" WHERE ${verified}
        GROUP BY d.source ORDER BY value DESC`,
  };
}

/** Every figure of the report, as plain JSON (frozen as it is at submission). */
export async function reportFigures(scope: ReportScope) {
  const chapterIds = await reportChapterIds(scope.chapterId, scope.includeSubChapters);
  const heavy = heavyStatements(chapterIds, scope.start, scope.end);

  // One pass over the activities for the totals, the types and the months; one for the volunteers;
  // the same two over the co-volunteers (who get the activity's hours on their own record); one
  // over the reach for categories, kecamatan and kelurahan. The rest are small.
  const [
    chapters,
    byTypeMonth,
    byMember,
    coByTypeMonth,
    coByMember,
    reach,
    aid,
    waiting,
    activeMembers,
    training,
    events,
    programmes,
    followUps,
  ] = await Promise.all([
    db.chapter.findMany({ where: { id: { in: chapterIds } }, select: { id: true, name: true, code: true } }),
    db.$queryRaw<{ typeId: string; month: string; activities: bigint; minutes: bigint; households: bigint }[]>(heavy.byTypeMonth),
    db.$queryRaw<{ memberId: string; activities: bigint; minutes: bigint }[]>(heavy.byMember),
    db.$queryRaw<{ typeId: string; month: string; minutes: bigint }[]>(heavy.coByTypeMonth),
    db.$queryRaw<{ memberId: string; activities: bigint; minutes: bigint }[]>(heavy.coByMember),
    db.$queryRaw<{ villageCode: string; districtCode: string; categoryId: string; sex: string; people: bigint }[]>(heavy.reach),
    db.$queryRaw<{ source: string; items: bigint; quantity: bigint; value: bigint }[]>(heavy.aid),
    db.activity.count({ where: { chapterId: { in: chapterIds }, status: "submitted", date: { gte: scope.start, lte: scope.end } } }),
    activeMembersOn(chapterIds, scope.end),
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
      select: {
        id: true,
        name: true,
        budget: true,
        startDate: true,
        endDate: true,
        partners: { select: { partner: { select: { name: true } } }, orderBy: { partner: { name: "asc" } } },
      },
      orderBy: { name: "asc" },
    }),
    Promise.all([
      db.followUp.count({
        where: { chapterId: { in: chapterIds }, openedBy: { status: "verified", date: { gte: scope.start, lte: scope.end } } },
      }),
      db.followUp.count({
        where: {
          chapterId: { in: chapterIds },
          status: "selesai",
          closedBy: { status: "verified", date: { gte: scope.start, lte: scope.end } },
        },
      }),
      // still open at the end of the period: opened by then, and not closed by a verified activity by then
      db.followUp.count({
        where: {
          chapterId: { in: chapterIds },
          openedBy: { status: "verified", date: { lte: scope.end } },
          NOT: { closedBy: { status: "verified", date: { lte: scope.end } } },
        },
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
  const moneyOf = (programmeId: string, kind: string) =>
    money.find((m) => m.programmeId === programmeId && m.kind === kind)?._sum.amount ?? 0;

  // Names of what the aggregates name by id: types, volunteers, categories, kecamatan and kelurahan.
  const typeIds = [...new Set([...byTypeMonth, ...coByTypeMonth].map((x) => x.typeId))];
  const memberIds = [...new Set([...byMember, ...coByMember].map((x) => x.memberId))];
  const categoryIds = [...new Set(reach.map((r) => r.categoryId))];
  const regionCodes = [...new Set(reach.flatMap((r) => [r.districtCode, r.villageCode]))];
  const [types, members, categories, regions] = await Promise.all([
    db.activityType.findMany({ where: { id: { in: typeIds } }, select: { id: true, name: true } }),
    db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, fullName: true, memberNumber: true } }),
    db.ppksCategory.findMany({
      where: { id: { in: categoryIds } },
      select: { id: true, number: true, name: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    db.region.findMany({ where: { code: { in: regionCodes } }, select: { code: true, name: true } }),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const categoryOrder = categories.map((c) => c.id);

  // Activities, hours, households and people; types are merged by name (sub-chapters keep their own).
  let activityCount = 0;
  let households = 0;
  let fieldMinutes = 0;
  const byType = new Map<string, { name: string; activities: number; minutes: number }>();
  const byMonth = new Map<string, { month: string; activities: number; minutes: number }>();
  const add = (typeId: string, month: string, activities: number, minutes: number) => {
    const name = typeName.get(typeId) ?? "";
    const type = byType.get(name) ?? byType.set(name, { name, activities: 0, minutes: 0 }).get(name)!;
    type.activities += activities;
    type.minutes += minutes;
    const row = byMonth.get(month) ?? byMonth.set(month, { month, activities: 0, minutes: 0 }).get(month)!;
    row.activities += activities;
    row.minutes += minutes;
    activityCount += activities;
    fieldMinutes += minutes;
  };
  for (const x of byTypeMonth) {
    add(x.typeId, x.month, num(x.activities), num(x.minutes));
    households += num(x.households);
  }
  for (const x of coByTypeMonth) add(x.typeId, x.month, 0, num(x.minutes));

  // Each volunteer's own activities and those they joined.
  const perMember = new Map<string, { activities: number; minutes: number }>();
  for (const x of [...byMember, ...coByMember]) {
    const row = perMember.get(x.memberId) ?? perMember.set(x.memberId, { activities: 0, minutes: 0 }).get(x.memberId)!;
    row.activities += num(x.activities);
    row.minutes += num(x.minutes);
  }
  const volunteers = members
    .map((m) => ({ name: m.fullName, memberNumber: m.memberNumber, ...perMember.get(m.id)! }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.memberNumber ?? "") < (b.memberNumber ?? "") ? -1 : 1));

  // People by category and sex, by category and kecamatan, by category and kelurahan.
  const sexes = new Map(categoryOrder.map((id) => [id, { male: 0, female: 0 }]));
  const grid = new Map<string, number>();
  const villageRows = new Map<string, { villageCode: string; districtCode: string; categoryId: string; people: number }>();
  for (const r of reach) {
    const people = num(r.people);
    const bySex = sexes.get(r.categoryId)!;
    if (r.sex === "L") bySex.male += people;
    else if (r.sex === "P") bySex.female += people;
    const cell = `${r.categoryId}|${r.districtCode}`;
    grid.set(cell, (grid.get(cell) ?? 0) + people);
    const key = `${r.villageCode}|${r.categoryId}`;
    const row =
      villageRows.get(key) ??
      villageRows.set(key, { villageCode: r.villageCode, districtCode: r.districtCode, categoryId: r.categoryId, people: 0 }).get(key)!;
    row.people += people;
  }
  const byCategory = categories.map((c) => ({
    number: c.number,
    name: c.name,
    male: sexes.get(c.id)!.male,
    female: sexes.get(c.id)!.female,
  }));
  const male = byCategory.reduce((sum, c) => sum + c.male, 0);
  const female = byCategory.reduce((sum, c) => sum + c.female, 0);
  const districtCodes = [...new Set(reach.map((r) => r.districtCode))].sort();

  return {
    chapters: chapterIds.map((id) => chapters.find((c) => c.id === id)!).map((c) => ({ name: c.name, code: c.code })),
    period: { start: scope.start.toISOString().slice(0, 10), end: scope.end.toISOString().slice(0, 10) },
    members: { active: activeMembers, asOf: scope.end.toISOString().slice(0, 10) },
    volunteersActive: volunteers.length,
    hours: { field: fieldMinutes / 60, training: training.total, total: fieldMinutes / 60 + training.total },
    activities: {
      count: activityCount,
      byType: [...byType.values()]
        .sort((a, b) => b.activities - a.activities || (a.name < b.name ? -1 : 1))
        .map((x) => ({ name: x.name, activities: x.activities, hours: x.minutes / 60 })),
    },
    people: {
      total: male + female,
      male,
      female,
      byCategory: byCategory.map((c) => ({ ...c, total: c.male + c.female })),
    },
    households,
    aid: {
      bySource: aid.map((x) => ({ source: x.source, items: num(x.items), quantity: num(x.quantity), value: num(x.value) })),
      totalValue: aid.reduce((sum, x) => sum + num(x.value), 0),
    },
    categoryByDistrict: {
      districts: districtCodes.map((code) => ({ code, name: regionName.get(code) ?? code })),
      rows: categoryOrder.map((categoryId) => {
        const counts = districtCodes.map((code) => grid.get(`${categoryId}|${code}`) ?? 0);
        return { category: categoryName.get(categoryId) ?? "", counts, total: counts.reduce((a, b) => a + b, 0) };
      }),
    },
    categoryByVillage: [...villageRows.values()]
      .map((v) => ({
        district: regionName.get(v.districtCode) ?? v.districtCode,
        village: regionName.get(v.villageCode) ?? v.villageCode,
        order: categoryOrder.indexOf(v.categoryId),
        category: categoryName.get(v.categoryId) ?? "",
        people: v.people,
      }))
      .sort((a, b) => a.district.localeCompare(b.district) || a.village.localeCompare(b.village) || a.order - b.order)
      .map(({ order: _order, ...v }) => v),
    volunteers: volunteers.map((v) => ({ name: v.name, memberNumber: v.memberNumber, activities: v.activities, hours: v.minutes / 60 })),
    trainings: {
      hours: training.total,
      events: events.map((e) => ({
        name: e.course.name,
        place: e.place,
        start: e.startDate.toISOString().slice(0, 10),
        end: e.endDate.toISOString().slice(0, 10),
        hours: e.hours,
        participants: e._count.participants,
      })),
    },
    programmes: programmes.map((p) => ({
      name: p.name,
      partners: p.partners.map((x) => x.partner.name),
      budget: p.budget,
      received: moneyOf(p.id, "disbursement"),
      spent: moneyOf(p.id, "spending"),
    })),
    followUps: { opened: followUps[0], closed: followUps[1], open: followUps[2] },
    hoursByMonth: [...byMonth.values()]
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .map((m) => ({ month: m.month, hours: m.minutes / 60, activities: m.activities })),
    waiting,
  };
}
export type ReportFigures = Awaited<ReturnType<typeof reportFigures>>;

// Kept for reports that must say which national list the categories come from.
export const PPKS_SOURCE = `Permensos 08/2012 (${NATIONAL_PPKS.length} kategori)`;
