// Managing chapters: the administrator (`manage:chapter:any`) creates, edits and closes chapters
// from province down to kelurahan; each chapter's board (`update:chapter:chapter`: Ketua and
// Sekretaris) edits its own profile; the administrator makes Dinas Sosial logins bound to a
// province or a kab/kota. Rules kept here:
// - a chapter's region has the chapter's level (a kab/kota chapter sits on a kab/kota region);
// - a sub-chapter's level is below its parent's and its region lies inside the parent's region;
//   editing a chapter keeps its own sub-chapters inside it;
// - the time zone follows the region's province (WIB, WITA, WIT);
// - nothing with data is deleted: a chapter is closed (closedAt) and keeps its records; a closed
//   chapter takes no new members or activities (closed.server.ts) and no new sub-chapters;
// - every change is audited.
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, type Outcome, type Refusal } from "~/domain/shared/outcome.server";
import type { ChapterLevel } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { inRegion, timeZoneOfRegion } from "~/utils/regions";
import { LEVEL_RANK, REGION_LEVEL_OF, type ChapterFormData, type ChapterProfileData, type DinsosLoginData } from "~/validation/chapters";

const manages = (actor: Actor) => can(actor, "manage:chapter:any");

const treeSelect = {
  id: true,
  name: true,
  code: true,
  level: true,
  regionCode: true,
  parentId: true,
  closedAt: true,
  region: { select: { name: true } },
} satisfies Prisma.ChapterSelect;
type TreeRow = Prisma.ChapterGetPayload<{ select: typeof treeSelect }>;

/** Rows in tree order (each parent before its sub-chapters, siblings by name), with their depth. */
function inTreeOrder<T extends Pick<TreeRow, "id" | "parentId" | "name">>(rows: T[]): (T & { depth: number })[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const out: (T & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const row of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "id"))) {
      out.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Every chapter as a tree: level, region, parent, members (all and active), open or closed (administrator). */
export async function listChapterTree(actor: Actor) {
  if (!manages(actor)) return forbidden();
  const [rows, counts] = await Promise.all([
    db.chapter.findMany({ select: treeSelect }),
    db.member.groupBy({ by: ["chapterId", "status"], _count: { _all: true } }),
  ]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const membersOf = (chapterId: string) => {
    const mine = counts.filter((c) => c.chapterId === chapterId);
    return {
      total: mine.reduce((sum, c) => sum + c._count._all, 0),
      active: mine.filter((c) => c.status === "aktif").reduce((sum, c) => sum + c._count._all, 0),
    };
  };
  return ok({
    chapters: inTreeOrder(rows).map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      level: r.level,
      depth: r.depth,
      regionCode: r.regionCode,
      regionName: r.region.name,
      parentName: r.parentId ? (names.get(r.parentId) ?? null) : null,
      members: membersOf(r.id),
      closedAt: r.closedAt,
    })),
  });
}

const editSelect = {
  id: true,
  name: true,
  code: true,
  level: true,
  regionCode: true,
  parentId: true,
  timeZone: true,
  address: true,
  phone: true,
  email: true,
  website: true,
  letterPlace: true,
  letterheadSubtitle: true,
  closedAt: true,
  region: { select: { name: true } },
} satisfies Prisma.ChapterSelect;

/** What the chapter form offers: the open chapters that may be a parent, in tree order. */
async function parentChoices(exceptId: string | null) {
  const rows = await db.chapter.findMany({ where: { closedAt: null }, select: treeSelect });
  const below = exceptId ? new Set(await subtreeIds(exceptId)) : new Set<string>();
  return inTreeOrder(rows)
    .filter((r) => r.level !== "kelurahan" && !below.has(r.id))
    .map((r) => ({ id: r.id, name: r.name, level: r.level, regionCode: r.regionCode, regionName: r.region.name, depth: r.depth }));
}

/** The chapter and every chapter under it. */
async function subtreeIds(chapterId: string) {
  const ids = [chapterId];
  for (let i = 0; i < ids.length; i++) {
    const children = await db.chapter.findMany({ where: { parentId: ids[i] }, select: { id: true } });
    ids.push(...children.map((c) => c.id));
  }
  return ids;
}

/** The new-chapter form: the possible parents (administrator). */
export async function newChapterForm(actor: Actor) {
  if (!manages(actor)) return forbidden();
  return ok({ parents: await parentChoices(null) });
}

/** A chapter to edit, with the possible parents (not itself nor its sub-chapters). */
export async function chapterEditForm(actor: Actor, chapterId: string) {
  if (!manages(actor)) return forbidden();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: editSelect });
  if (!chapter) return notFound();
  return ok({ chapter, parents: await parentChoices(chapter.id) });
}

/**
 * The rules of a chapter's place: its region exists at its level, its parent is open, above it
 * and around its region, and (when editing) its sub-chapters stay below and inside it.
 */
async function checkPlace(data: ChapterFormData, chapterId: string | null): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const region = await db.region.findUnique({ where: { code: data.regionCode }, select: { level: true } });
  if (!region || region.level !== REGION_LEVEL_OF[data.level]) errors.regionCode = t("chapters.error.regionLevel");
  if (data.parentId) {
    const parent = await db.chapter.findUnique({
      where: { id: data.parentId },
      select: { id: true, level: true, regionCode: true, closedAt: true },
    });
    const below = chapterId ? await subtreeIds(chapterId) : [];
    if (!parent || below.includes(parent.id)) errors.parentId = t("chapters.error.parent");
    else if (parent.closedAt) errors.parentId = t("chapters.error.parentClosed");
    else if (LEVEL_RANK[parent.level] >= LEVEL_RANK[data.level]) errors.parentId = t("chapters.error.parentLevel");
    else if (!inRegion(data.regionCode, parent.regionCode) || data.regionCode === parent.regionCode)
      errors.regionCode ??= t("chapters.error.outsideParent");
  }
  if (chapterId && !errors.regionCode) {
    const children = await db.chapter.findMany({ where: { parentId: chapterId }, select: { level: true, regionCode: true } });
    if (children.some((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[data.level])) errors.level = t("chapters.error.childLevel");
    if (children.some((c) => !inRegion(c.regionCode, data.regionCode) || c.regionCode === data.regionCode))
      errors.regionCode = t("chapters.error.childOutside");
  }
  return errors;
}

async function codeTaken(code: string, exceptId: string | null) {
  const other = await db.chapter.findUnique({ where: { code }, select: { id: true } });
  return Boolean(other && other.id !== exceptId);
}

const codeConflict = () => conflict(t("chapters.error.codeTaken"), { code: t("chapters.error.codeTaken") });

function chapterValues(data: ChapterFormData) {
  return {
    name: data.name,
    code: data.code,
    level: data.level,
    regionCode: data.regionCode,
    parentId: data.parentId,
    timeZone: timeZoneOfRegion(data.regionCode),
    address: data.address,
    phone: data.phone,
    email: data.email,
    website: data.website,
    letterPlace: data.letterPlace,
    letterheadSubtitle: data.letterheadSubtitle,
  };
}

/** Why a new chapter cannot be made as given (its region, parent, code), or null: for the administrator's form and the first-run setup. */
export async function newChapterRefusal(data: ChapterFormData): Promise<Refusal | null> {
  const errors = await checkPlace(data, null);
  if (Object.keys(errors).length) return invalid(errors);
  if (await codeTaken(data.code, null)) return codeConflict();
  return null;
}

/** Writes a checked new chapter (the time zone follows the region) and its audit entry, inside the caller's transaction. */
export async function insertChapterInTx(tx: Prisma.TransactionClient, data: ChapterFormData, actorId: string | null) {
  const values = chapterValues(data);
  const created = await tx.chapter.create({ data: values, select: { id: true } });
  await recordAudit(
    { actorId, chapterId: created.id, action: "chapter.create", entityType: "Chapter", entityId: created.id, after: values },
    tx,
  );
  return created;
}

/** Creates a chapter (administrator); the time zone follows the region; audited. */
export async function createChapterFor(actor: Actor, data: ChapterFormData): Promise<Outcome<{ id: string }>> {
  if (!manages(actor)) return forbidden();
  const refusal = await newChapterRefusal(data);
  if (refusal) return refusal;
  const chapter = await db.$transaction((tx) => insertChapterInTx(tx, data, actor.userId));
  return ok({ id: chapter.id });
}

/** Edits a chapter's place and details (administrator); its sub-chapters stay inside it; audited. */
export async function updateChapterFor(actor: Actor, chapterId: string, data: ChapterFormData): Promise<Outcome<{ id: string }>> {
  if (!manages(actor)) return forbidden();
  const {
    region: _region,
    closedAt: _closedAt,
    id: _id,
    ...before
  } = (await db.chapter.findUnique({ where: { id: chapterId }, select: editSelect })) ?? {};
  if (!_id) return notFound();
  const errors = await checkPlace(data, chapterId);
  if (Object.keys(errors).length) return invalid(errors);
  if (await codeTaken(data.code, chapterId)) return codeConflict();
  const after = chapterValues(data);
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: chapterId }, data: after, select: { id: true } });
    await recordAudit(
      { actorId: actor.userId, chapterId, action: "chapter.update", entityType: "Chapter", entityId: chapterId, before, after },
      tx,
    );
  });
  return ok({ id: chapterId });
}

/**
 * Closes a chapter (administrator): it keeps every record, takes no new members, activities or
 * sub-chapters; its open sub-chapters must be closed first; audited.
 */
export async function closeChapter(actor: Actor, chapterId: string, now = new Date()): Promise<Outcome<{ name: string }>> {
  if (!manages(actor)) return forbidden();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { id: true, name: true, closedAt: true } });
  if (!chapter) return notFound();
  if (chapter.closedAt) return conflict(t("chapters.error.alreadyClosed"));
  const openChildren = await db.chapter.count({ where: { parentId: chapterId, closedAt: null } });
  if (openChildren > 0) return conflict(t("chapters.error.openChildren"));
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: chapterId }, data: { closedAt: now }, select: { id: true } });
    await recordAudit(
      { actorId: actor.userId, chapterId, action: "chapter.close", entityType: "Chapter", entityId: chapterId, after: { closedAt: now } },
      tx,
    );
  });
  return ok({ name: chapter.name });
}

/** Opens a closed chapter again (administrator), under an open parent; audited. */
export async function reopenChapter(actor: Actor, chapterId: string): Promise<Outcome<{ name: string }>> {
  if (!manages(actor)) return forbidden();
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    select: { id: true, name: true, closedAt: true, parent: { select: { closedAt: true } } },
  });
  if (!chapter) return notFound();
  if (!chapter.closedAt) return conflict(t("chapters.error.notClosed"));
  if (chapter.parent?.closedAt) return conflict(t("chapters.error.parentClosed"));
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: chapterId }, data: { closedAt: null }, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "chapter.reopen",
        entityType: "Chapter",
        entityId: chapterId,
        before: { closedAt: chapter.closedAt },
        after: { closedAt: null },
      },
      tx,
    );
  });
  return ok({ name: chapter.name });
}

// ---------------------------------------------------------------------------------------------
// The board's own profile

const mayEditProfile = (actor: Actor) => can(actor, "update:chapter:chapter");

const profileSelect = {
  code: true,
  letterheadSubtitle: true,
  letterPlace: true,
  address: true,
  phone: true,
  email: true,
  website: true,
} satisfies Prisma.ChapterSelect;

/** The profile of the actor's chapter, for its board (Ketua, Sekretaris) and the administrator. */
export async function getChapterProfile(actor: Actor) {
  if (!mayEditProfile(actor)) return forbidden();
  const chapter = await db.chapter.findUniqueOrThrow({
    where: { id: actor.chapterId },
    select: { ...profileSelect, name: true, level: true, financeApprovalThreshold: true, region: { select: { name: true } } },
  });
  return ok({ chapter });
}

/** The board sets its chapter's letterhead, contacts and letter code (numbers already given keep theirs); audited. */
export async function updateChapterProfile(actor: Actor, data: ChapterProfileData): Promise<Outcome> {
  if (!mayEditProfile(actor)) return forbidden();
  if (await codeTaken(data.code, actor.chapterId)) return codeConflict();
  const before = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: profileSelect });
  const after = {
    code: data.code,
    letterheadSubtitle: data.letterheadSubtitle,
    letterPlace: data.letterPlace,
    address: data.address,
    phone: data.phone,
    email: data.email,
    website: data.website,
  };
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: actor.chapterId }, data: after, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.profile",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before,
        after,
      },
      tx,
    );
  });
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Dinas Sosial logins bound to a region

/** The Dinas Sosial logins with their region, and the provinces and kab/kota that have a chapter (administrator). */
export async function listDinsosLogins(actor: Actor) {
  if (!manages(actor)) return forbidden();
  const [users, chapters] = await Promise.all([
    db.user.findMany({
      where: { role: "dinsos" },
      select: { id: true, name: true, email: true, active: true, regionCode: true, chapter: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    db.chapter.findMany({ select: { regionCode: true } }),
  ]);
  // A region can be chosen when a chapter lies inside it: its province and its kab/kota.
  const codes = new Set(
    chapters.flatMap((c) => [c.regionCode.slice(0, 2), ...(c.regionCode.length >= 5 ? [c.regionCode.slice(0, 5)] : [])]),
  );
  const regions = await db.region.findMany({
    where: { code: { in: [...codes, ...users.flatMap((u) => (u.regionCode ? [u.regionCode] : []))] } },
    select: { code: true, name: true, level: true },
    orderBy: { code: "asc" },
  });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return ok({
    logins: users.map((u) => ({ ...u, regionName: u.regionCode ? (regionName.get(u.regionCode) ?? u.regionCode) : null })),
    regions: regions.filter((r) => codes.has(r.code)),
  });
}

/** The chapter a region's login belongs to: the chapter on the region itself, else the highest one inside it. */
async function homeChapterIn(regionCode: string) {
  const inside = await db.chapter.findMany({
    where: { OR: [{ regionCode }, { regionCode: { startsWith: `${regionCode}.` } }] },
    select: { id: true, level: true, regionCode: true, name: true },
  });
  return inside.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.name.localeCompare(b.name, "id"))[0] ?? null;
}

/**
 * Makes a Dinas Sosial login for a province or a kab/kota (administrator): it sees the submitted
 * reports of the chapters inside that region. Its chapter is the one on the region (or the
 * highest inside it); a region without a chapter is refused. Audited, without the password.
 */
export async function createDinsosLogin(actor: Actor, data: DinsosLoginData): Promise<Outcome<{ id: string }>> {
  if (!manages(actor)) return forbidden();
  const region = await db.region.findUnique({ where: { code: data.regionCode }, select: { level: true } });
  if (!region || (region.level !== "province" && region.level !== "regency"))
    return invalid({ regionCode: t("chapters.dinsos.error.region") });
  const home = await homeChapterIn(data.regionCode);
  if (!home) return invalid({ regionCode: t("chapters.dinsos.error.noChapter") });
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))
    return conflict(t("chapters.dinsos.error.emailTaken"), { email: t("chapters.dinsos.error.emailTaken") });
  const passwordHash = await hashPassword(data.password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: data.email, name: data.name, passwordHash, role: "dinsos", chapterId: home.id, regionCode: data.regionCode },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: home.id,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        after: { email: data.email, name: data.name, role: "dinsos", regionCode: data.regionCode },
      },
      tx,
    );
    return created;
  });
  return ok({ id: user.id });
}

export type { ChapterLevel };
