// The member registry: listing, adding and editing members, status changes, member numbers,
// duplicates and merges. Every change to a member is audited; NIK views are audited too. Every
// function takes the acting `Actor` first and checks the rights itself (docs/decisions/016).
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type FieldErrors, type Outcome, type Refusal } from "~/domain/shared/outcome.server";
import { inRegion } from "~/utils/regions";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";
import { maskNik } from "~/utils/format";
import { keptRegionRead } from "~/domain/chapters/region-cache.server";
import { t } from "~/i18n/index";
import { memberStatusLabel } from "~/i18n/labels";
import { mayHoldCard } from "~/validation/member-cards";
import { revokeActiveCardsInTx } from "./card-revocation.server";
import { deactivateLoginOfMemberInTx } from "~/domain/accounts/deactivation.server";
import { refuseIfClosed } from "~/domain/chapters/closed.server";
import { inIdOrder, memberSearchCondition } from "./search.server";
import {
  formatMemberNumber,
  MEMBERS_PAGE_SIZE,
  MemberStatus,
  nikDistrictCode,
  mayHoldLogin,
  parseCalendarDate,
  type MemberFilters,
  type MemberFormData,
} from "~/validation/members";

type Tx = Prisma.TransactionClient;

export type MemberStatusCounts = Record<MemberStatus, number> & { total: number };

/** How many members of the actor's chapter are in each status (from the tally the triggers keep). */
export async function countMembersByStatus(actor: Actor): Promise<MemberStatusCounts> {
  const groups = await db.memberTally.groupBy({ by: ["status"], where: { chapterId: actor.chapterId }, _sum: { count: true } });
  const counts: MemberStatusCounts = { ...ZERO_COUNTS, total: 0 };
  for (const g of groups) {
    counts.total += g._sum.count ?? 0;
    counts[g.status] = g._sum.count ?? 0;
  }
  return counts;
}

const ZERO_COUNTS: Record<MemberStatus, number> = {
  calon: 0,
  aktif: 0,
  nonaktif: 0,
  mengundurkan_diri: 0,
  meninggal: 0,
  diberhentikan: 0,
};

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

/**
 * The filters as one SQL condition on "Member" m: the chapter, the search (name, member number,
 * NIK, phone: see search.server.ts), status, membership type, kecamatan or kelurahan.
 */
function conditionFor(chapterId: string, filters: MemberFilters): Prisma.Sql {
  const search = memberSearchCondition(filters.search, "withNikAndPhone");
  return Prisma.join(
    [
      Prisma.sql`m."chapterId" = ${chapterId}`,
      ...(search ? [search] : []),
      ...(filters.status ? [Prisma.sql`m."status" = ${filters.status}`] : []),
      ...(filters.membershipType ? [Prisma.sql`m."membershipType" = ${filters.membershipType}`] : []),
      // A kecamatan's kelurahan codes start with its code and a dot: a range the index serves
      // ("/" follows "." in every collation).
      ...(filters.villageCode
        ? [Prisma.sql`m."villageCode" = ${filters.villageCode}`]
        : filters.districtCode
          ? [Prisma.sql`m."villageCode" >= ${`${filters.districtCode}.`} AND m."villageCode" < ${`${filters.districtCode}/`}`]
          : []),
    ],
    " AND ",
  );
}

/**
 * The list's order: the sorted column, then name and id so that every position is fixed. Each
 * order has an index that serves it (schema.prisma), so a page walks the index and stops.
 * `reversed` gives the same order backwards: the last pages are read from the end.
 */
function orderFor(filters: MemberFilters, reversed = false): Prisma.Sql {
  const flip = (dir: "asc" | "desc") => (reversed ? (dir === "asc" ? "DESC" : "ASC") : dir === "asc" ? "ASC" : "DESC");
  const dir = flip(filters.direction);
  const asc = flip("asc");
  const terms: Record<MemberFilters["sort"], string> = {
    // By name the id follows the name's direction: (chapterId, fullName, id) read either way.
    name: `m."fullName" ${dir}, m."id" ${dir}`,
    number: `m."memberNumber" ${dir}, m."fullName" ${asc}, m."id" ${asc}`,
    joinDate: `m."joinDate" ${dir}, m."fullName" ${asc}, m."id" ${asc}`,
    status: `m."status" ${dir}, m."fullName" ${asc}, m."id" ${asc}`,
  };
  return Prisma.raw(terms[filters.sort]);
}

/** Whether the tally the triggers keep per chapter, status and membership type counts the filters' members. */
const tallied = (filters: MemberFilters) => !filters.search && !filters.villageCode && !filters.districtCode;

/**
 * The chapter's name and how many of its members have the filters' status and membership type
 * (from the tally: no member read), in one statement.
 */
async function chapterAndTally(chapterId: string, filters: MemberFilters): Promise<{ name: string; count: number }> {
  const status = filters.status ? Prisma.sql`AND "status" = ${filters.status}` : Prisma.empty;
  const type = filters.membershipType ? Prisma.sql`AND "membershipType" = ${filters.membershipType}` : Prisma.empty;
  const [row] = await db.$queryRaw<{ name: string | null; n: bigint | number | null }[]>`
    SELECT (SELECT "name" FROM "Chapter" WHERE "id" = ${chapterId}) AS "name",
      (SELECT sum("count") FROM "MemberTally" WHERE "chapterId" = ${chapterId} ${status} ${type}) AS "n"`;
  if (row?.name == null) throw new Error(`No chapter ${chapterId}`);
  return { name: row.name, count: Number(row.n ?? 0) };
}

/** The chapter's name (a search's page). */
async function chapterName(chapterId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "Chapter" WHERE "id" = ${chapterId}`;
  if (!row) throw new Error(`No chapter ${chapterId}`);
  return row.name;
}

/** How many members match, counted. */
async function countMatching(condition: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS "n" FROM "Member" m WHERE ${condition}`;
  return Number(row?.n ?? 0);
}

/**
 * The ids of one window of the ordered list. Past the middle the window is read from the end in
 * the reverse order (the last page costs what the first does) and turned around.
 */
async function memberIdsWindow(condition: Prisma.Sql, filters: MemberFilters, window: { skip: number; take: number; total: number }) {
  const { skip, take, total } = window;
  if (take <= 0 || skip >= total) return [];
  const fromEnd = total - skip - take;
  if (fromEnd < skip) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT m."id" FROM "Member" m WHERE ${condition} ORDER BY ${orderFor(filters, true)}
      LIMIT ${Math.min(take, total - skip)} OFFSET ${Math.max(0, fromEnd)}`;
    return rows.map((row) => row.id).reverse();
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM "Member" m WHERE ${condition} ORDER BY ${orderFor(filters)} LIMIT ${take} OFFSET ${skip}`;
  return rows.map((row) => row.id);
}

type ListedMemberRow = Omit<ListedMember, "village"> & {
  villageCode: string;
  villageName: string;
  districtCode: string | null;
  districtName: string | null;
};

/**
 * The members with these ids, as the list shows them, in the ids' order (read in chunks). One
 * statement with the kelurahan and kecamatan joined (docs/decisions/035: Prisma's relation
 * select made three queries of it, on every list page).
 */
async function membersInOrder(ids: string[]) {
  const rows: ListedMember[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = await db.$queryRaw<ListedMemberRow[]>`
      SELECT m."id", m."fullName", m."nik", m."sex", m."status", m."joinDate", m."memberNumber", m."membershipType", m."phone",
        m."birthDate", v."code" AS "villageCode", v."name" AS "villageName", d."code" AS "districtCode", d."name" AS "districtName"
      FROM "Member" m
      JOIN "Region" v ON v."code" = m."villageCode"
      LEFT JOIN "Region" d ON d."code" = v."parentCode"
      WHERE m."id" IN (${Prisma.join(ids.slice(i, i + 500))})`;
    rows.push(
      ...chunk.map(({ villageCode, villageName, districtCode, districtName, ...m }) => ({
        ...m,
        village: {
          code: villageCode,
          name: villageName,
          parent: districtCode !== null ? { code: districtCode, name: districtName! } : null,
        },
      })),
    );
  }
  return inIdOrder(ids, rows);
}

/** A member as the list, the print and the exports show them. */
type ListedMember = Prisma.MemberGetPayload<{ select: typeof listSelect }>;

/** One page (50) of the actor's chapter's members, filtered and sorted on the server, with the chapter's name. */
export async function listMembers(actor: Actor, input: { page?: number; filters?: MemberFilters; search?: string } = {}) {
  const page = Math.max(1, Math.floor(input.page !== undefined && Number.isFinite(input.page) ? input.page : 1));
  const filters = input.filters ?? { ...DEFAULT_FILTERS, search: input.search };
  const condition = conditionFor(actor.chapterId, filters);
  const skip = (page - 1) * MEMBERS_PAGE_SIZE;
  let name: string;
  let total: number;
  let ids: string[];
  if (tallied(filters)) {
    // The count from the tally; the page from the order's index, from the end past the middle.
    // The first page needs no count to find its window: it is read meanwhile.
    const [tally, firstIds] = await Promise.all([
      chapterAndTally(actor.chapterId, filters),
      page === 1 ? memberIdsWindow(condition, filters, { skip: 0, take: MEMBERS_PAGE_SIZE, total: Infinity }) : null,
    ]);
    name = tally.name;
    total = tally.count;
    ids = firstIds ?? (await memberIdsWindow(condition, filters, { skip, take: MEMBERS_PAGE_SIZE, total }));
  } else {
    // A search or a region: its matches are found once, counted and ordered in the same query.
    name = await chapterName(actor.chapterId);
    const rows = await db.$queryRaw<{ id: string; total: bigint | number }[]>`
      SELECT m."id", count(*) OVER () AS "total" FROM "Member" m WHERE ${condition}
      ORDER BY ${orderFor(filters)} LIMIT ${MEMBERS_PAGE_SIZE} OFFSET ${skip}`;
    ids = rows.map((row) => row.id);
    total = rows.length ? Number(rows[0]!.total) : skip > 0 ? await countMatching(condition) : 0;
  }
  const members = await membersInOrder(ids);
  return { chapterName: name, members, total, page, pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) };
}

/** Every member of the actor's chapter matching the filters, for printing and exports. */
export async function listMembersForPrint(actor: Pick<Actor, "chapterId">, filters: MemberFilters = DEFAULT_FILTERS) {
  const condition = conditionFor(actor.chapterId, filters);
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT m."id" FROM "Member" m WHERE ${condition} ORDER BY ${orderFor(filters)}`;
  return membersInOrder(rows.map((row) => row.id));
}
export type PrintableMember = Awaited<ReturnType<typeof listMembersForPrint>>[number];

/** The kecamatan and desa/kelurahan of the actor's chapter's area, for filters and pickers. */
export async function listChapterVillages(actor: Pick<Actor, "chapterId">) {
  const [chapter] = await db.$queryRaw<{ regionCode: string }[]>`SELECT "regionCode" FROM "Chapter" WHERE "id" = ${actor.chapterId}`;
  if (!chapter) throw new Error(`No chapter ${actor.chapterId}`);
  const { regionCode } = chapter;
  // kept in memory until the regions change (docs/decisions/035): every list page's filters read it
  const villages = await keptRegionRead(`villages ${regionCode}`, () =>
    db.region.findMany({
      // The codes under the chapter's region as a range of the primary key (a prefix LIKE would
      // read every region of Indonesia: "/" follows "." in the codes' order).
      where: {
        level: "village",
        OR: [{ code: { gte: `${regionCode}.`, lt: `${regionCode}/` } }, { code: regionCode }],
      },
      select: { code: true, name: true, parent: { select: { code: true, name: true } } },
      orderBy: [{ parentCode: "asc" }, { name: "asc" }],
    }),
  );
  return [...villages];
}

/** What a volunteer sees of their own membership; null for an account without a member. */
export async function getOwnMembership(actor: Actor) {
  if (!actor.memberId) return null;
  return db.member.findUnique({
    where: { id: actor.memberId },
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

/** One member of the actor's chapter with everything the member page shows. */
export async function getMember(actor: Actor, memberId: string) {
  if (!can(actor, "read:member:chapter")) return forbidden();
  const member = await findMember(actor.chapterId, memberId);
  return member ? ok({ member }) : notFound();
}

function findMember(chapterId: string, memberId: string) {
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
      consentAt: true,
      consentVersion: true,
      anonymisedAt: true,
      createdAt: true,
      cards: {
        select: { id: true, code: true, issuedAt: true, validUntil: true, revokedAt: true, revokedReason: true, candidate: true },
        orderBy: { issuedAt: "desc" },
      },
    },
  });
}

/** What the actor may do on a member's page (the page shows only what works). */
export function memberPageRights(actor: Actor, member: { status: MemberStatus }) {
  return {
    canSeeNik: can(actor, "read:member-nik:chapter"),
    canEdit: can(actor, "update:member:chapter"),
    // The card link shows only where it works: a member who may hold a card, a user who may print it.
    canPrintCard: mayHoldCard(member.status) && can(actor, "export:member:chapter"),
    canSeeTrainings: can(actor, "read:training:chapter"),
    // The Sekretaris and the administrator give the member a login (/members/:id/login).
    canManageLogin: can(actor, "manage:user:chapter"),
  };
}

/** Whether an export may carry whole NIKs when asked for (those who may see them); otherwise masked. */
export function mayExportWholeNik(actor: Actor): boolean {
  return can(actor, "read:member-nik:chapter");
}

/** What the actor may do from the member list. */
export function memberListRights(actor: Actor) {
  return {
    create: can(actor, "create:member:chapter"),
    export: can(actor, "export:member:chapter"),
    import: can(actor, "import:member:chapter"),
  };
}

/**
 * The whole NIK, for those allowed to see it (and, to edit the member, for those who may edit);
 * every view is audited.
 */
export async function revealNik(actor: Actor, memberId: string, options: { forEditing?: boolean } = {}) {
  const allowed = can(actor, "read:member-nik:chapter") || (options.forEditing === true && can(actor, "update:member:chapter"));
  if (!allowed) return forbidden();
  const member = await db.member.findFirst({ where: { id: memberId, chapterId: actor.chapterId }, select: { nik: true } });
  if (!member) return notFound();
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "member.nik.view",
    entityType: "Member",
    entityId: memberId,
  });
  return ok({ nik: member.nik });
}

// ---------------------------------------------------------------------------------------------
// Writing members

/** The member already registered with the NIK typed: the form links to them. */
export type ExistingMember = { id: string; fullName: string; memberNumber: string | null };

export type MemberWriteOutcome = Outcome<
  { memberId: string; memberNumber: string | null; possibleDuplicates: { id: string; fullName: string }[] },
  { existingMember?: ExistingMember }
>;

/** The registered member a refused form links to (the NIK is already theirs), or null. */
export function existingMemberOf(refusal: Refusal<{ existingMember?: ExistingMember }>): ExistingMember | null {
  return (refusal.refusal === "invalid" ? refusal.existingMember : undefined) ?? null;
}

/** Rules that need the database: region of the NIK, kelurahan in the chapter's area, unique NIK and email. */
export async function checkAgainstRegistry(
  chapterId: string,
  data: MemberFormData,
  selfId?: string,
): Promise<{ fieldErrors: FieldErrors; existingMember?: ExistingMember }> {
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
export async function createMember(actor: Actor, data: MemberFormData, status: MemberStatus = "calon"): Promise<MemberWriteOutcome> {
  if (!can(actor, "create:member:chapter")) return forbidden();
  const { chapterId } = actor;
  const closed = await refuseIfClosed(chapterId);
  if (closed) return closed;
  const { fieldErrors, existingMember } = await checkAgainstRegistry(chapterId, data);
  if (Object.keys(fieldErrors).length) return invalid(fieldErrors, undefined, { existingMember });
  const values = memberData(data);
  return db.$transaction(async (tx) => {
    const [memberNumber] = await reserveMemberNumbers(tx, chapterId, [values.joinDate.getUTCFullYear()]);
    const member = await tx.member.create({
      data: { ...values, chapterId, status, statusDate: values.joinDate, memberNumber },
      select: { id: true, memberNumber: true },
    });
    const duplicates = await findNearDuplicates(tx, chapterId, values.fullName, values.birthDate, member.id);
    await flagDuplicates(tx, chapterId, member.id, duplicates);
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "member.create",
        entityType: "Member",
        entityId: member.id,
        after: memberAuditView({ ...values, status, memberNumber }),
      },
      tx,
    );
    return ok({ memberId: member.id, memberNumber: member.memberNumber, possibleDuplicates: duplicates });
  });
}

/** Edits a member's data (not the status: see changeMemberStatus); audits what changed. */
export async function updateMember(actor: Actor, memberId: string, data: MemberFormData): Promise<MemberWriteOutcome> {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const { chapterId } = actor;
  const current = await db.member.findFirst({
    where: { id: memberId, chapterId },
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
  if (!current) return notFound();
  const { fieldErrors, existingMember } = await checkAgainstRegistry(chapterId, data, memberId);
  if (Object.keys(fieldErrors).length) return invalid(fieldErrors, undefined, { existingMember });
  const values = memberData(data);
  const { before, after } = changedFields(current, values);
  return db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: memberId }, data: values });
    const duplicates = await findNearDuplicates(tx, chapterId, values.fullName, values.birthDate, memberId);
    await flagDuplicates(tx, chapterId, memberId, duplicates);
    if (Object.keys(after).length) {
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId,
          action: "member.update",
          entityType: "Member",
          entityId: memberId,
          before: memberAuditView(before),
          after: memberAuditView(after),
        },
        tx,
      );
    }
    return ok({ memberId, memberNumber: current.memberNumber, possibleDuplicates: duplicates });
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
export async function changeMemberStatus(
  actor: Actor,
  memberId: string,
  change: { status: MemberStatus; effectiveDate: string; reason: string },
) {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const { chapterId } = actor;
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId },
    select: { fullName: true, status: true, statusDate: true },
  });
  if (!member) return notFound();
  const statusDate = parseCalendarDate(change.effectiveDate)!;
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: memberId }, data: { status: change.status, statusDate } });
    if (!mayHoldCard(change.status)) {
      const reason = t("cards.statusReason", { status: memberStatusLabel(change.status) });
      await revokeActiveCardsInTx(tx, { memberId, chapterId, actorId: actor.userId, reason });
    }
    if (!mayHoldLogin(change.status)) {
      const reason = t("accounts.statusReason", { status: memberStatusLabel(change.status) });
      await deactivateLoginOfMemberInTx(tx, { memberId, chapterId, actorId: actor.userId, reason });
    }
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "member.status",
        entityType: "Member",
        entityId: memberId,
        before: { status: member.status, statusDate: member.statusDate },
        after: { status: change.status, statusDate, reason: change.reason },
      },
      tx,
    );
  });
  return ok({ fullName: member.fullName, from: member.status, to: change.status });
}

/** The history of a member of the actor's chapter from the audit log, newest first, with who did it. */
export async function getMemberHistory(actor: Actor, memberId: string) {
  const rows = await db.auditLog.findMany({
    where: { entityType: "Member", entityId: memberId, chapterId: actor.chapterId },
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

/** A volunteer corrects their own contact details (an account without a member has none). */
export async function updateOwnContact(
  actor: Actor,
  contact: { phone: string | null; email: string | null; address: string },
): Promise<Outcome> {
  if (!can(actor, "update:member:own")) return forbidden();
  const { memberId } = actor;
  if (!memberId) return notFound();
  const current = await db.member.findUnique({
    where: { id: memberId },
    select: { chapterId: true, phone: true, email: true, address: true },
  });
  if (!current) return notFound();
  if (contact.email) {
    const taken = await db.member.findFirst({ where: { email: contact.email, id: { not: memberId } }, select: { id: true } });
    if (taken) return invalid({ email: t("validation.emailTaken") });
  }
  const next = { phone: contact.phone, email: contact.email, address: contact.address };
  const { before, after } = changedFields(current, next);
  if (!Object.keys(after).length) return ok();
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: memberId }, data: next });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: current.chapterId,
        action: "member.update",
        entityType: "Member",
        entityId: memberId,
        before,
        after,
      },
      tx,
    );
  });
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Duplicates and merges

// Merging lives in merge.server.ts (one rule per relation to Member).

/** Pairs flagged as possible duplicates in the actor's chapter that the board has not decided on yet. */
export async function listOpenDuplicateFlags(actor: Actor) {
  const memberSelect = {
    select: { id: true, fullName: true, memberNumber: true, nik: true, birthDate: true, status: true, village: { select: { name: true } } },
  } as const;
  return db.memberDuplicateFlag.findMany({
    where: { chapterId: actor.chapterId, status: "open" },
    select: { id: true, createdAt: true, member: memberSelect, otherMember: memberSelect },
    orderBy: { createdAt: "asc" },
  });
}

/** How many open duplicate flags the actor may resolve (none without the right). */
export async function countOpenDuplicateFlags(actor: Actor) {
  if (!can(actor, "update:member:chapter")) return 0;
  // on every member list page: written out (docs/decisions/035)
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT count(*) AS "n" FROM "MemberDuplicateFlag" WHERE "chapterId" = ${actor.chapterId} AND "status" = 'open'`;
  return Number(row?.n ?? 0);
}

/** The board confirms two flagged members are different people; not found when the flag is no longer open. */
export async function markDistinct(actor: Actor, flagId: string, now: Date = new Date()) {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const flag = await db.memberDuplicateFlag.findFirst({ where: { id: flagId, chapterId: actor.chapterId, status: "open" } });
  if (!flag) return notFound();
  await db.$transaction(async (tx) => {
    await tx.memberDuplicateFlag.update({
      where: { id: flag.id },
      data: { status: "distinct", resolvedAt: now, resolvedById: actor.userId },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "member.duplicate.distinct",
        entityType: "Member",
        entityId: flag.memberId,
        after: { otherMemberId: flag.otherMemberId },
      },
      tx,
    );
  });
  return ok();
}

/** Every export of members' personal data (PDF, xlsx, csv, cards) leaves an audit record. */
export async function recordMemberExport(
  actor: Pick<Actor, "chapterId" | "userId">,
  input: { format: string; count: number; filters?: MemberFilters },
) {
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "member.export",
    entityType: "Chapter",
    entityId: actor.chapterId,
    after: { format: input.format, count: input.count, filters: input.filters ?? null },
  });
}
