// The member registry. This first version reads; the membership issue adds the writes,
// numbers, cards and import.
import { db, type Prisma } from "~/utils/db.server";
import { MEMBER_STATUSES, MEMBERS_PAGE_SIZE, type MemberStatus } from "~/validation/members";

export type MemberStatusCounts = Record<MemberStatus, number> & { total: number };

/** How many members of the chapter are in each status (one grouped query). */
export async function countMembersByStatus(chapterId: string): Promise<MemberStatusCounts> {
  const groups = await db.member.groupBy({ by: ["status"], where: { chapterId }, _count: { _all: true } });
  const counts = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>;
  let total = 0;
  for (const g of groups) {
    total += g._count._all;
    if (g.status in counts) counts[g.status as MemberStatus] = g._count._all;
  }
  return { ...counts, total };
}

const listSelect = {
  id: true,
  fullName: true,
  nik: true,
  sex: true,
  status: true,
  joinDate: true,
  village: { select: { name: true, parent: { select: { name: true } } } },
} satisfies Prisma.MemberSelect;

/** One page of the chapter's members, by name, optionally filtered by a name search. */
export async function listMembers(input: { chapterId: string; page?: number; search?: string }) {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const search = input.search?.trim();
  const where: Prisma.MemberWhereInput = {
    chapterId: input.chapterId,
    ...(search ? { fullName: { contains: search } } : {}),
  };
  const [total, members] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({
      where,
      select: listSelect,
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      skip: (page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
    }),
  ]);
  return { members, total, page, pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) };
}

/** Every member of the chapter for the printed list (PDF), by name. */
export async function listMembersForPrint(chapterId: string) {
  return db.member.findMany({
    where: { chapterId },
    select: listSelect,
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
}
export type PrintableMember = Awaited<ReturnType<typeof listMembersForPrint>>[number];

/** What a volunteer sees of their own membership on the dashboard. */
export async function getOwnMembership(memberId: string) {
  return db.member.findUnique({
    where: { id: memberId },
    select: { fullName: true, status: true, joinDate: true, village: { select: { name: true } } },
  });
}
