// The member registry: listing, adding and editing members, status changes, member numbers,
// duplicates and merges. Every change to a member is audited; NIK views are audited too.
import { inRegion } from "~/utils/regions";
import { db, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { maskNik } from "~/utils/format";
import { t } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { mayHoldCard } from "~/validation/member-cards";
import { revokeActiveCardsInTx } from "./cards.server";
import {
  formatMemberNumber,
  MEMBER_STATUSES,
  MEMBERS_PAGE_SIZE,
  nikDistrictCode,
  parseCalendarDate,
  type MemberFilters,
  type MemberFormData,
  type MemberStatus,
} from "~/validation/members";

type Tx = Prisma.TransactionClient;

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
  memberNumber: true,
  membershipType: true,
  phone: true,
  birthDate: true,
  village: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } },
} satisfies Prisma.MemberSelect;

const DEFAULT_FILTERS: MemberFilters = { sort: "name", direction: "asc" };

function whereFor(chapterId: string, filters: MemberFilters): Prisma.MemberWhereInput {
  const search = filters.search?.trim();
  const digits = search?.replace(/[^\d]/g, "") ?? "";
  const searchOr: Prisma.MemberWhereInput[] = search
    ? [
        { fullName: { contains: search } },
        { memberNumber: { contains: search } },
        ...(digits.length >= 4 ? [{ nik: { contains: digits } }, { phone: { contains: digits.replace(/^0/, "") } }] : []),
      ]
    : [];
  return {
    chapterId,
    ...(searchOr.length ? { OR: searchOr } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.membershipType ? { membershipType: filters.membershipType } : {}),
    ...(filters.villageCode
      ? { villageCode: filters.villageCode }
      : filters.districtCode
        ? { villageCode: { startsWith: `${filters.districtCode}.` } }
        : {}),
  };
}

function orderFor(filters: MemberFilters): Prisma.MemberOrderByWithRelationInput[] {
  const dir = filters.direction;
  const byField: Record<MemberFilters["sort"], Prisma.MemberOrderByWithRelationInput> = {
    name: { fullName: dir },
    number: { memberNumber: dir },
    joinDate: { joinDate: dir },
    status: { status: dir },
  };
  return [byField[filters.sort], { fullName: "asc" }, { id: "asc" }];
}

/** One page (50) of the chapter's members, filtered and sorted on the server. */
export async function listMembers(input: { chapterId: string; page?: number; filters?: MemberFilters; search?: string }) {
  const page = Math.max(1, Math.floor(Number.isFinite(input.page) ? (input.page as number) : 1));
  const filters = input.filters ?? { ...DEFAULT_FILTERS, search: input.search };
  const where = whereFor(input.chapterId, filters);
  const [total, members] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({
      where,
      select: listSelect,
      orderBy: orderFor(filters),
      skip: (page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
    }),
  ]);
  return { members, total, page, pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) };
}

/** Every member matching the filters, for printing and exports. */
export async function listMembersForPrint(chapterId: string, filters: MemberFilters = DEFAULT_FILTERS) {
  return db.member.findMany({ where: whereFor(chapterId, filters), select: listSelect, orderBy: orderFor(filters) });
}
export type PrintableMember = Awaited<ReturnType<typeof listMembersForPrint>>[number];

/** The kecamatan and desa/kelurahan of the chapter's area, for filters and pickers. */
export async function listChapterVillages(chapterId: string) {
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { regionCode: true } });
  return db.region.findMany({
    where: { level: "village", OR: [{ code: { startsWith: `${chapter.regionCode}.` } }, { code: chapter.regionCode }] },
    select: { code: true, name: true, parent: { select: { code: true, name: true } } },
    orderBy: [{ parentCode: "asc" }, { name: "asc" }],
  });
}

/** What a volunteer sees of their own membership. */
export async function getOwnMembership(memberId: string) {
  return db.member.findUnique({
    where: { id: memberId },
    select: {
      id: true,
      fullName: true,
      status: true,
      joinDate: true,
      memberNumber: true,
      membershipType: true,
      phone: true,
      email: true,
      address: true,
      photoFile: true,
      village: { select: { name: true } },
    },
  });
}

/** One member of the chapter with everything the member page shows; null when not in the chapter. */
export async function getMember(chapterId: string, memberId: string) {
  return db.member.findFirst({
    where: { id: memberId, chapterId },
    select: {
      ...listSelect,
      email: true,
      address: true,
      statusDate: true,
      skPsmNumber: true,
      skPsmDate: true,
      basicBimtekDate: true,
      photoFile: true,
      createdAt: true,
      cards: {
        select: { id: true, code: true, issuedAt: true, validUntil: true, revokedAt: true, revokedReason: true, candidate: true },
        orderBy: { issuedAt: "desc" },
      },
    },
  });
}
export type MemberDetail = NonNullable<Awaited<ReturnType<typeof getMember>>>;

/** A member's status, or null when the member is not in the chapter. */
export async function memberStatus(chapterId: string, memberId: string): Promise<MemberStatus | null> {
  const member = await db.member.findFirst({ where: { id: memberId, chapterId }, select: { status: true } });
  return (member?.status as MemberStatus | undefined) ?? null;
}

/** The whole NIK, for those allowed to see it; the view is audited. */
export async function revealNik(input: { chapterId: string; memberId: string; actorId: string }) {
  const member = await db.member.findFirst({ where: { id: input.memberId, chapterId: input.chapterId }, select: { nik: true } });
  if (!member) return null;
  await recordAudit({
    actorId: input.actorId,
    chapterId: input.chapterId,
    action: "member.nik.view",
    entityType: "Member",
    entityId: input.memberId,
  });
  return member.nik;
}

// ---------------------------------------------------------------------------------------------
// Writing members

export type FieldErrors = Partial<Record<keyof MemberFormData, string>>;

export type MemberWriteResult =
  | { ok: true; memberId: string; memberNumber: string | null; possibleDuplicates: { id: string; fullName: string }[] }
  | { ok: false; fieldErrors: FieldErrors; existingMember?: { id: string; fullName: string; memberNumber: string | null } };

/** Rules that need the database: region of the NIK, kelurahan in the chapter's area, unique NIK and email. */
async function checkAgainstRegistry(
  chapterId: string,
  data: MemberFormData,
  selfId?: string,
): Promise<{ fieldErrors: FieldErrors; existingMember?: { id: string; fullName: string; memberNumber: string | null } }> {
  const [chapter, district, village, sameNik, sameEmail] = await Promise.all([
    db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { regionCode: true } }),
    db.region.findFirst({ where: { code: nikDistrictCode(data.nik), level: "district" }, select: { code: true } }),
    db.region.findFirst({ where: { code: data.villageCode, level: "village" }, select: { code: true } }),
    db.member.findFirst({
      where: { chapterId, nik: data.nik, ...(selfId ? { id: { not: selfId } } : {}) },
      select: { id: true, fullName: true, memberNumber: true },
    }),
    data.email
      ? db.member.findFirst({ where: { email: data.email, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } })
      : Promise.resolve(null),
  ]);
  const fieldErrors: FieldErrors = {};
  if (!district) fieldErrors.nik = t("validation.nik.region");
  if (sameNik) fieldErrors.nik = t("members.nikExists", { name: sameNik.fullName });
  if (!village) fieldErrors.villageCode = t("validation.village");
  else if (!inRegion(data.villageCode, chapter.regionCode)) {
    fieldErrors.villageCode = t("validation.villageOutside");
  }
  if (sameEmail) fieldErrors.email = t("validation.emailTaken");
  return { fieldErrors, existingMember: sameNik ?? undefined };
}

/** The form's data as the Member columns (dates as UTC midnight). */
export function memberData(data: MemberFormData) {
  return {
    fullName: data.fullName,
    nik: data.nik,
    sex: data.sex,
    birthDate: parseCalendarDate(data.birthDate)!,
    phone: data.phone,
    email: data.email,
    address: data.address,
    villageCode: data.villageCode,
    joinDate: parseCalendarDate(data.joinDate)!,
    membershipType: data.membershipType,
    skPsmNumber: data.skPsmNumber,
    skPsmDate: data.skPsmDate ? parseCalendarDate(data.skPsmDate) : null,
    basicBimtekDate: data.basicBimtekDate ? parseCalendarDate(data.basicBimtekDate) : null,
  };
}

/** What the audit log keeps of a member: the NIK masked (the log is read more widely than the registry). */
export function memberAuditView(member: Record<string, unknown>) {
  const { nik, ...rest } = member;
  return { ...rest, ...(typeof nik === "string" ? { nik: maskNik(nik) } : {}) };
}

/**
 * Takes the next member numbers of a chapter. The counter only grows, so a number is never
 * reused, even after a member is removed or merged.
 */
export async function reserveMemberNumbers(tx: Tx, chapterId: string, joinYears: number[]): Promise<string[]> {
  if (joinYears.length === 0) return [];
  const chapter = await tx.chapter.update({
    where: { id: chapterId },
    data: { memberNumberNext: { increment: joinYears.length } },
    select: { code: true, memberNumberPattern: true, memberNumberNext: true },
  });
  const first = chapter.memberNumberNext - joinYears.length;
  return joinYears.map((year, index) =>
    formatMemberNumber(chapter.memberNumberPattern, { code: chapter.code, year, serial: first + index }),
  );
}

/** Other members of the chapter with the same name (any case) and birth date. */
async function findNearDuplicates(client: Tx | typeof db, chapterId: string, fullName: string, birthDate: Date, selfId: string) {
  const sameBirth = await client.member.findMany({
    where: { chapterId, birthDate, id: { not: selfId } },
    select: { id: true, fullName: true },
  });
  const name = fullName.trim().toLocaleLowerCase("id-ID");
  return sameBirth.filter((m) => m.fullName.trim().toLocaleLowerCase("id-ID") === name);
}

async function flagDuplicates(tx: Tx, chapterId: string, memberId: string, others: { id: string }[]) {
  for (const other of others) {
    const [a, b] = [memberId, other.id].sort() as [string, string];
    await tx.memberDuplicateFlag.upsert({
      where: { memberId_otherMemberId: { memberId: a, otherMemberId: b } },
      create: { chapterId, memberId: a, otherMemberId: b },
      update: {},
    });
  }
}

/**
 * Adds a member: refused (with a link to the existing member) when the NIK is already in the
 * chapter; flagged for the board when another member has the same name and birth date.
 */
export async function createMember(input: {
  chapterId: string;
  actorId: string;
  data: MemberFormData;
  status?: MemberStatus;
}): Promise<MemberWriteResult> {
  const { fieldErrors, existingMember } = await checkAgainstRegistry(input.chapterId, input.data);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, existingMember };
  const values = memberData(input.data);
  const status = input.status ?? "calon";
  return db.$transaction(async (tx) => {
    const [memberNumber] = await reserveMemberNumbers(tx, input.chapterId, [values.joinDate.getUTCFullYear()]);
    const member = await tx.member.create({
      data: { ...values, chapterId: input.chapterId, status, statusDate: values.joinDate, memberNumber },
      select: { id: true, memberNumber: true },
    });
    const duplicates = await findNearDuplicates(tx, input.chapterId, values.fullName, values.birthDate, member.id);
    await flagDuplicates(tx, input.chapterId, member.id, duplicates);
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.create",
        entityType: "Member",
        entityId: member.id,
        after: memberAuditView({ ...values, status, memberNumber }),
      },
      tx,
    );
    return { ok: true as const, memberId: member.id, memberNumber: member.memberNumber, possibleDuplicates: duplicates };
  });
}

/** Edits a member's data (not the status: see changeMemberStatus); audits what changed. */
export async function updateMember(input: {
  chapterId: string;
  actorId: string;
  memberId: string;
  data: MemberFormData;
}): Promise<MemberWriteResult | null> {
  const current = await db.member.findFirst({
    where: { id: input.memberId, chapterId: input.chapterId },
    select: {
      fullName: true,
      nik: true,
      sex: true,
      birthDate: true,
      phone: true,
      email: true,
      address: true,
      villageCode: true,
      joinDate: true,
      membershipType: true,
      skPsmNumber: true,
      skPsmDate: true,
      basicBimtekDate: true,
      memberNumber: true,
    },
  });
  if (!current) return null;
  const { fieldErrors, existingMember } = await checkAgainstRegistry(input.chapterId, input.data, input.memberId);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, existingMember };
  const values = memberData(input.data);
  const { before, after } = changedFields(current, values);
  return db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: input.memberId }, data: values });
    const duplicates = await findNearDuplicates(tx, input.chapterId, values.fullName, values.birthDate, input.memberId);
    await flagDuplicates(tx, input.chapterId, input.memberId, duplicates);
    if (Object.keys(after).length) {
      await recordAudit(
        {
          actorId: input.actorId,
          chapterId: input.chapterId,
          action: "member.update",
          entityType: "Member",
          entityId: input.memberId,
          before: memberAuditView(before),
          after: memberAuditView(after),
        },
        tx,
      );
    }
    return { ok: true as const, memberId: input.memberId, memberNumber: current.memberNumber, possibleDuplicates: duplicates };
  });
}

function comparable(value: unknown) {
  return value instanceof Date ? value.toISOString() : value;
}

/** The fields that differ, before and after. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (comparable(current[key]) !== comparable(next[key])) {
      before[key] = current[key];
      after[key] = next[key];
    }
  }
  return { before, after };
}

/** A status change with its date and reason, kept in the member's history. */
export async function changeMemberStatus(input: {
  chapterId: string;
  actorId: string;
  memberId: string;
  status: MemberStatus;
  effectiveDate: string;
  reason: string;
}) {
  const member = await db.member.findFirst({
    where: { id: input.memberId, chapterId: input.chapterId },
    select: { fullName: true, status: true, statusDate: true },
  });
  if (!member) return null;
  const statusDate = parseCalendarDate(input.effectiveDate)!;
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: input.memberId }, data: { status: input.status, statusDate } });
    if (!mayHoldCard(input.status)) {
      const reason = t("cards.statusReason", { status: memberStatusLabel(input.status) });
      await revokeActiveCardsInTx(tx, { memberId: input.memberId, chapterId: input.chapterId, actorId: input.actorId, reason });
    }
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.status",
        entityType: "Member",
        entityId: input.memberId,
        before: { status: member.status, statusDate: member.statusDate },
        after: { status: input.status, statusDate, reason: input.reason },
      },
      tx,
    );
  });
  return { fullName: member.fullName, from: member.status, to: input.status };
}

/** The member's history from the audit log, newest first, with who did it. */
export async function getMemberHistory(chapterId: string, memberId: string) {
  const rows = await db.auditLog.findMany({
    where: { entityType: "Member", entityId: memberId, chapterId },
    select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
    orderBy: { at: "desc" },
    take: 100,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actorName: r.actor?.name ?? null,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
  }));
}

/** A volunteer corrects their own contact details. */
export async function updateOwnContact(input: {
  memberId: string;
  actorId: string;
  phone: string | null;
  email: string | null;
  address: string;
}): Promise<{ ok: true } | { ok: false; fieldErrors: { email?: string } }> {
  const current = await db.member.findUniqueOrThrow({
    where: { id: input.memberId },
    select: { chapterId: true, phone: true, email: true, address: true },
  });
  if (input.email) {
    const taken = await db.member.findFirst({ where: { email: input.email, id: { not: input.memberId } }, select: { id: true } });
    if (taken) return { ok: false, fieldErrors: { email: t("validation.emailTaken") } };
  }
  const next = { phone: input.phone, email: input.email, address: input.address };
  const { before, after } = changedFields(current, next);
  if (!Object.keys(after).length) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: input.memberId }, data: next });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: current.chapterId,
        action: "member.update",
        entityType: "Member",
        entityId: input.memberId,
        before,
        after,
      },
      tx,
    );
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Duplicates and merges

// Merging lives in member-merge.server.ts (one rule per relation to Member).

/** Pairs flagged as possible duplicates that the board has not decided on yet. */
export async function listOpenDuplicateFlags(chapterId: string) {
  const memberSelect = {
    select: { id: true, fullName: true, memberNumber: true, nik: true, birthDate: true, status: true, village: { select: { name: true } } },
  } as const;
  return db.memberDuplicateFlag.findMany({
    where: { chapterId, status: "open" },
    select: { id: true, createdAt: true, member: memberSelect, otherMember: memberSelect },
    orderBy: { createdAt: "asc" },
  });
}

export async function countOpenDuplicateFlags(chapterId: string) {
  return db.memberDuplicateFlag.count({ where: { chapterId, status: "open" } });
}

/** The board confirms two flagged members are different people. */
export async function markDistinct(input: { chapterId: string; actorId: string; flagId: string }) {
  const flag = await db.memberDuplicateFlag.findFirst({ where: { id: input.flagId, chapterId: input.chapterId, status: "open" } });
  if (!flag) return false;
  await db.$transaction(async (tx) => {
    await tx.memberDuplicateFlag.update({
      where: { id: flag.id },
      data: { status: "distinct", resolvedAt: new Date(), resolvedById: input.actorId },
    });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.duplicate.distinct",
        entityType: "Member",
        entityId: flag.memberId,
        after: { otherMemberId: flag.otherMemberId },
      },
      tx,
    );
  });
  return true;
}

/** Every export of members' personal data (PDF, xlsx, csv, cards) leaves an audit record. */
export async function recordMemberExport(input: {
  chapterId: string;
  actorId: string;
  format: string;
  count: number;
  filters?: MemberFilters;
}) {
  await recordAudit({
    actorId: input.actorId,
    chapterId: input.chapterId,
    action: "member.export",
    entityType: "Chapter",
    entityId: input.chapterId,
    after: { format: input.format, count: input.count, filters: input.filters ?? null },
  });
}
