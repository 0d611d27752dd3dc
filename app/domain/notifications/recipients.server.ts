// Who receives a notification: the accounts behind members, the board by the positions held today
// (the same rule as board rights, docs/decisions/007), and the Dinas Sosial logins of an area.
// Every query takes the transaction client of the change that notifies.
import type { PositionKind } from "~/generated/prisma/enums";
import { calendarToday } from "~/utils/dates";
import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** The active accounts of these members. */
export async function usersOfMembers(tx: Tx, memberIds: readonly string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx.user.findMany({ where: { memberId: { in: [...memberIds] }, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * The accounts of the members who hold one of these positions today in the chapter's active
 * period (for a Koordinator Kecamatan, optionally only of one kecamatan).
 */
export async function boardUsers(
  tx: Tx,
  chapterId: string,
  kinds: readonly PositionKind[],
  now = new Date(),
  options: { districtCode?: string } = {},
): Promise<string[]> {
  const chapter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { timeZone: true } });
  const today = calendarToday(chapter.timeZone, now);
  const rows = await tx.positionHolding.findMany({
    where: {
      member: { chapterId, status: "aktif", user: { active: true } },
      position: { chapterId, kind: { in: [...kinds] }, ...(options.districtCode ? { districtCode: options.districtCode } : {}) },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { chapterId, status: "active", startDate: { lte: today }, endDate: { gte: today } },
    },
    select: { member: { select: { user: { select: { id: true } } } } },
  });
  return [...new Set(rows.flatMap((r) => (r.member.user ? [r.member.user.id] : [])))];
}

/** The Dinas Sosial logins whose region holds the chapter's region (its kab/kota or province). */
export async function dinsosUsersFor(tx: Tx, chapterId: string): Promise<string[]> {
  const chapter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { regionCode: true } });
  const rows = await tx.user.findMany({
    where: { role: "dinsos", active: true, regionCode: { not: null } },
    select: { id: true, regionCode: true },
  });
  return rows.filter((u) => u.regionCode === chapter.regionCode || chapter.regionCode.startsWith(`${u.regionCode}.`)).map((u) => u.id);
}
