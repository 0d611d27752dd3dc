// Member cards (KTA): issued with an unguessable code for the QR on the back, valid for the
// chapter's number of years, revocable. /verify/<code> tells anyone whether a card is valid and
// shows nothing personal beyond the name, the chapter and the member's status. Every function
// that acts for someone takes the `Actor` first and checks the rights itself (docs/decisions/016).
import { randomBytes } from "node:crypto";
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { mayHoldCard } from "~/validation/member-cards";
import { cardState, issuesCandidateCard, type CardState } from "~/validation/member-card-state";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import type { MemberFilters, MemberStatus } from "~/validation/members";
import { activeCardWhere } from "./card-revocation.server";
import { listMembersForPrint } from "./members.server";

type Tx = Prisma.TransactionClient;

/** The most cards one PDF may hold (40 A4 pages). */
export const MAX_CARDS_PER_PRINT = 200;

/** 128 random bits, base64url: 22 characters nobody can guess. */
function newCardCode(): string {
  return randomBytes(16).toString("base64url");
}

/** The moment `years` calendar years later (29 February falls back to 1 March). */
function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

const cardSummarySelect = {
  id: true,
  code: true,
  issuedAt: true,
  validUntil: true,
  revokedAt: true,
  revokedReason: true,
  candidate: true,
} satisfies Prisma.MemberCardSelect;
type CardSummary = Prisma.MemberCardGetPayload<{ select: typeof cardSummarySelect }>;

type IssueInTx = { memberId: string; memberStatus: MemberStatus; chapterId: string; actorId: string; validityYears: number; now: Date };

/**
 * Revokes the member's unrevoked, unexpired cards (an ended candidate card too) and creates a new
 * one, audited; inside `tx`. A candidate gets a candidate card.
 */
async function issueInTx(tx: Tx, input: IssueInTx) {
  const candidate = issuesCandidateCard(input.memberStatus);
  const replaced = await tx.memberCard.updateMany({
    where: { memberId: input.memberId, ...activeCardWhere(input.now) },
    data: { revokedAt: input.now, revokedReason: t("cards.replacedReason") },
  });
  const card = await tx.memberCard.create({
    data: {
      memberId: input.memberId,
      code: newCardCode(),
      issuedAt: input.now,
      validUntil: addYears(input.now, input.validityYears),
      issuedById: input.actorId,
      candidate,
    },
    select: cardSummarySelect,
  });
  await recordAudit(
    {
      actorId: input.actorId,
      chapterId: input.chapterId,
      action: "member.card.issue",
      entityType: "Member",
      entityId: input.memberId,
      after: { cardId: card.id, validUntil: card.validUntil.toISOString(), replaced: replaced.count, candidate },
    },
    tx,
  );
  return card;
}

async function cardValidityYears(tx: Tx, chapterId: string): Promise<number> {
  const chapter = await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { cardValidityYears: true } });
  return chapter.cardValidityYears;
}

/**
 * Issues a new card (revoking the one still valid) to a member of the actor's chapter; a
 * conflict when the member may not hold a card (only candidates and active members do).
 */
export async function issueCard(actor: Actor, memberId: string, now: Date = new Date()) {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const { chapterId } = actor;
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({ where: { id: memberId, chapterId }, select: { status: true } });
    if (!member) return notFound();
    if (!mayHoldCard(member.status)) return conflict(t("cards.notEligible"));
    const validityYears = await cardValidityYears(tx, chapterId);
    const card = await issueInTx(tx, { memberId, chapterId, actorId: actor.userId, memberStatus: member.status, validityYears, now });
    return ok({ card });
  });
}

/**
 * Revokes a not yet revoked card of the actor's chapter (of that member, when memberId is
 * given), with the reason; not found when there is no such card.
 */
export async function revokeCard(actor: Actor, input: { cardId: string; reason: string; memberId?: string }, now: Date = new Date()) {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const { chapterId } = actor;
  return db.$transaction(async (tx) => {
    const card = await tx.memberCard.findFirst({
      where: {
        id: input.cardId,
        revokedAt: null,
        member: { chapterId, ...(input.memberId ? { id: input.memberId } : {}) },
      },
      select: { id: true, memberId: true },
    });
    if (!card) return notFound();
    await tx.memberCard.update({ where: { id: card.id }, data: { revokedAt: now, revokedReason: input.reason } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "member.card.revoke",
        entityType: "Member",
        entityId: card.memberId,
        after: { cardId: card.id, reason: input.reason },
      },
      tx,
    );
    return ok();
  });
}

const printMemberSelect = {
  id: true,
  fullName: true,
  memberNumber: true,
  membershipType: true,
  photoFile: true,
} satisfies Prisma.MemberSelect;

type PrintableCard = Prisma.MemberGetPayload<{ select: typeof printMemberSelect }> & {
  code: string;
  validUntil: Date;
  /** a candidate's card ("CALON ANGGOTA"), in force only while the candidacy lasts */
  candidate: boolean;
};

/** Whether the actor may print these members' cards: the board anyone's, a volunteer only their own. */
function mayPrintCards(actor: Actor, memberIds: readonly string[]): boolean {
  if (can(actor, "export:member:chapter")) return true;
  return can(actor, "read:member:own") && actor.memberId !== null && memberIds.every((id) => id === actor.memberId);
}

/**
 * The cards to print for these members of the actor's chapter: each member's active card,
 * issuing one (in one transaction) where there is none. In the order of memberIds; members of
 * other chapters, and members who may not hold a card and have none, are left out.
 */
export async function ensureActiveCards(actor: Actor, memberIds: string[], now: Date = new Date()) {
  if (!mayPrintCards(actor, memberIds)) return forbidden();
  const { chapterId } = actor;
  const members = await db.member.findMany({
    where: { id: { in: memberIds }, chapterId },
    select: {
      ...printMemberSelect,
      status: true,
      cards: {
        where: activeCardWhere(now),
        select: { code: true, validUntil: true, revokedAt: true, candidate: true },
        orderBy: { issuedAt: "desc" },
        take: 1,
      },
    },
  });
  const cardByMember = new Map<string, { code: string; validUntil: Date; candidate: boolean }>();
  for (const member of members) {
    // a candidate card whose candidacy has ended is not printed again: a member card is issued
    const card = member.cards[0];
    if (card && cardState(card, member.status, now) === "valid") cardByMember.set(member.id, card);
  }
  const withoutCard = members.filter((m) => !cardByMember.has(m.id) && mayHoldCard(m.status));
  if (withoutCard.length > 0) {
    await db.$transaction(async (tx) => {
      const validityYears = await cardValidityYears(tx, chapterId);
      for (const member of withoutCard) {
        const card = await issueInTx(tx, {
          memberId: member.id,
          memberStatus: member.status,
          chapterId,
          actorId: actor.userId,
          validityYears,
          now,
        });
        cardByMember.set(member.id, card);
      }
    });
  }
  const memberById = new Map(members.map((m) => [m.id, m]));
  const cards = memberIds.flatMap((id): PrintableCard[] => {
    const member = memberById.get(id);
    const card = cardByMember.get(id);
    if (!member || !card) return [];
    return [
      {
        id: member.id,
        fullName: member.fullName,
        memberNumber: member.memberNumber,
        membershipType: member.membershipType,
        photoFile: member.photoFile,
        code: card.code,
        validUntil: card.validUntil,
        candidate: card.candidate,
      },
    ];
  });
  return ok({ cards });
}

/** One member's card to print (issued on the spot when there is no valid one): the board prints anyone's, a volunteer their own. */
export async function memberCardToPrint(actor: Actor, memberId: string, now: Date = new Date()) {
  const result = await ensureActiveCards(actor, [memberId], now);
  if (!result.ok) return result;
  const [card] = result.cards;
  // No card for a member who may not hold one (no longer active), or who is not in the chapter.
  return card ? ok({ card }) : notFound(t("cards.notForStatus"));
}

/** Which members' cards a batch print holds: these ids, those the member list's filters find, or every active member. */
export type CardSelection = { ids: string[] } | { filters: MemberFilters } | { active: true };

/**
 * The cards of a batch print (at most MAX_CARDS_PER_PRINT), members without a valid card getting
 * one; refused when there is nothing to print or too much.
 */
export async function cardsToPrint(actor: Actor, selection: CardSelection, now: Date = new Date()) {
  if (!can(actor, "export:member:chapter")) return forbidden();
  const ids =
    "ids" in selection
      ? selection.ids
      : "filters" in selection
        ? (await listMembersForPrint(actor, selection.filters)).map((m) => m.id)
        : await listActiveMemberIds(actor.chapterId);
  if (ids.length === 0) return invalid({}, t("cards.noneToPrint"));
  if (ids.length > MAX_CARDS_PER_PRINT) return invalid({}, t("cards.tooMany", { max: MAX_CARDS_PER_PRINT }));
  const result = await ensureActiveCards(actor, ids, now);
  if (!result.ok) return result;
  if (result.cards.length === 0) return invalid({}, t("cards.noneToPrint"));
  return ok({ cards: result.cards, filters: "filters" in selection ? selection.filters : null });
}

/** The ids of the chapter's active (status "aktif") members, by name: the default batch print. */
async function listActiveMemberIds(chapterId: string): Promise<string[]> {
  const members = await db.member.findMany({
    where: { chapterId, status: "aktif" },
    select: { id: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
  return members.map((m) => m.id);
}

/** Every card of a member of the actor's chapter with its state, newest first (empty when not in the chapter). */
export async function getCardsForMember(actor: Actor, memberId: string, now = new Date()): Promise<(CardSummary & { state: CardState })[]> {
  const cards = await db.memberCard.findMany({
    where: { memberId, member: { chapterId: actor.chapterId } },
    select: { ...cardSummarySelect, member: { select: { status: true } } },
    orderBy: { issuedAt: "desc" },
  });
  return cards.map(({ member, ...card }) => ({ ...card, state: cardState(card, member.status, now) }));
}

/** Printing cards hands out personal data: audited with how many and which list. */
export async function recordCardExport(actor: Actor, input: { count: number; memberId?: string; filters?: MemberFilters | null }) {
  await recordAudit({
    actorId: actor.userId,
    chapterId: actor.chapterId,
    action: "member.card.export",
    entityType: input.memberId ? "Member" : "Chapter",
    entityId: input.memberId ?? actor.chapterId,
    after: { count: input.count, filters: input.filters ?? null },
  });
}

/** What the public verification page may say about a card; deliberately nothing more. */
export type CardCheck = {
  state: CardState;
  memberName: string;
  memberStatus: string;
  chapterName: string;
  /** the chapter's IANA time zone, to show the dates as the chapter does */
  chapterTimeZone: string;
  validUntil: Date;
  revokedAt: Date | null;
  /** a candidate's card: in force only while the member is a candidate ("ended" after) */
  candidate: boolean;
};

const CARD_CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The state of the card with this code, for anyone holding it; null when the code is unknown. */
export async function verifyCardCode(code: string, now: Date = new Date()): Promise<CardCheck | null> {
  if (!CARD_CODE_PATTERN.test(code)) return null;
  const card = await db.memberCard.findUnique({
    where: { code },
    select: {
      validUntil: true,
      revokedAt: true,
      candidate: true,
      member: { select: { fullName: true, status: true, chapter: { select: { name: true, timeZone: true } } } },
    },
  });
  if (!card) return null;
  return {
    state: cardState(card, card.member.status, now),
    memberName: card.member.fullName,
    memberStatus: card.member.status,
    chapterName: card.member.chapter.name,
    chapterTimeZone: card.member.chapter.timeZone,
    validUntil: card.validUntil,
    revokedAt: card.revokedAt,
    candidate: card.candidate,
  };
}
