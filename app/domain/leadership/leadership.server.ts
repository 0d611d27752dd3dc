// What other areas read of the board, with plain parameters because no actor exists yet or the
// reader is another area: the positions a member holds today (the account builds its actor's
// rights from them), a member's position history, and the members on the board today.
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { PositionKind } from "~/validation/leadership";

export type HeldPosition = { title: string; kind: PositionKind; districtCode: string | null };

/**
 * The positions a member holds today in their chapter's active period. This is what board
 * rights follow: nothing is stored on the account, so a right ends the day the holding or the
 * period ends, or the moment the period stops being active, or the member stops being active.
 */
export async function activePositionsOf(memberId: string, timeZone: string, now = new Date()): Promise<HeldPosition[]> {
  const today = calendarToday(timeZone, now);
  // read on every page (the account's rights): one statement, written out (docs/decisions/035)
  return db.$queryRaw<HeldPosition[]>`
    SELECT p."title", p."kind", p."districtCode"
    FROM "PositionHolding" h
    JOIN "Member" m ON m."id" = h."memberId"
    JOIN "BoardPosition" p ON p."id" = h."positionId"
    JOIN "LeadershipPeriod" lp ON lp."id" = h."periodId"
    WHERE h."memberId" = ${memberId} AND m."status" = 'aktif'
      AND h."startDate" <= ${today} AND (h."endDate" IS NULL OR h."endDate" >= ${today})
      AND lp."status" = 'active' AND lp."startDate" <= ${today} AND lp."endDate" >= ${today}
      AND p."chapterId" = m."chapterId"
    ORDER BY h."startDate", h."id"`;
}

/** Every position a member has held in the chapter, newest first, with the decree behind it. */
export async function memberPositionHistory(chapterId: string, memberId: string) {
  const rows = await db.positionHolding.findMany({
    where: { memberId, period: { chapterId } },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      skNumber: true,
      skDate: true,
      endReason: true,
      position: { select: { title: true } },
      period: { select: { id: true, name: true, endDate: true, skNumber: true, skDate: true } },
    },
    orderBy: { startDate: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    position: r.position.title,
    periodId: r.period.id,
    periodName: r.period.name,
    startDate: r.startDate,
    endDate: r.endDate ?? r.period.endDate,
    endReason: r.endReason,
    skNumber: r.skNumber ?? r.period.skNumber,
    skDate: r.skNumber ? r.skDate : r.period.skDate,
  }));
}

/** The members holding a position today in the chapter's active period (for choosing a coordinator). */
export async function currentBoardMembers(chapterId: string, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  const rows = await db.positionHolding.findMany({
    where: {
      member: { chapterId, status: "aktif" },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { chapterId, status: "active", startDate: { lte: today }, endDate: { gte: today } },
    },
    select: { member: { select: { id: true, fullName: true } }, position: { select: { title: true, sortOrder: true } } },
    orderBy: { position: { sortOrder: "asc" } },
  });
  const byMember = new Map<string, { id: string; fullName: string; titles: string[] }>();
  for (const r of rows) {
    const entry = byMember.get(r.member.id) ?? { ...r.member, titles: [] };
    entry.titles.push(r.position.title);
    byMember.set(r.member.id, entry);
  }
  return [...byMember.values()];
}
