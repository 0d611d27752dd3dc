// Member cards (KTA): issued with an unguessable code for the QR on the back, valid for the
// chapter's number of years, revocable. /verify/<code> tells anyone whether a card is valid and
// shows nothing personal beyond the name, the chapter and the member's status.
import { randomBytes } from "node:crypto";
import { t } from "~/i18n/index";
import { mayHoldCard } from "~/validation/member-cards";
import { cardState, issuesCandidateCard, type CardState } from "~/validation/member-card-state";
import { recordAudit } from "~/utils/audit.server";
import { db, type Prisma } from "~/utils/db.server";
import type { MemberFilters } from "~/validation/members";

type Tx = Prisma.TransactionClient;

/** The most cards one PDF may hold (40 A4 pages). */
export const MAX_CARDS_PER_PRINT = 200;

/** 128 random bits, base64url: 22 characters nobody can guess. */
export function newCardCode(): string {
  return randomBytes(16).toString("base64url");
}

/** The moment `years` calendar years later (29 February falls back to 1 March). */
export function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** A card that is neither revoked nor expired at `now`. */
function activeCardWhere(now: Date): Prisma.MemberCardWhereInput {
  return { revokedAt: null, validUntil: { gt: now } };
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
export type CardSummary = Prisma.MemberCardGetPayload<{ select: typeof cardSummarySelect }>;

type IssueInTx = { memberId: string; memberStatus: string; chapterId: string; actorId: string; validityYears: number; now: Date };

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
 * Issues a new card (revoking the one still valid); null when the member is not in the chapter
 * or may not hold a card (only candidates and active members do).
 */
export async function issueCard(input: { memberId: string; chapterId: string; actorId: string; now?: Date }): Promise<CardSummary | null> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({ where: { id: input.memberId, chapterId: input.chapterId }, select: { status: true } });
    if (!member || !mayHoldCard(member.status)) return null;
    const validityYears = await cardValidityYears(tx, input.chapterId);
    return issueInTx(tx, { ...input, memberStatus: member.status, validityYears, now });
  });
}

/**
 * Revokes a not yet revoked card of the chapter (of that member, when memberId is given), with
 * the reason; false when there is no such card.
 */
export async function revokeCard(input: {
  cardId: string;
  chapterId: string;
  actorId: string;
  reason: string;
  memberId?: string;
  now?: Date;
}): Promise<boolean> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const card = await tx.memberCard.findFirst({
      where: {
        id: input.cardId,
        revokedAt: null,
        member: { chapterId: input.chapterId, ...(input.memberId ? { id: input.memberId } : {}) },
      },
      select: { id: true, memberId: true },
    });
    if (!card) return false;
    await tx.memberCard.update({ where: { id: card.id }, data: { revokedAt: now, revokedReason: input.reason } });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.card.revoke",
        entityType: "Member",
        entityId: card.memberId,
        after: { cardId: card.id, reason: input.reason },
      },
      tx,
    );
    return true;
  });
}

const printMemberSelect = {
  id: true,
  fullName: true,
  memberNumber: true,
  membershipType: true,
  photoFile: true,
} satisfies Prisma.MemberSelect;

export type PrintableCard = Prisma.MemberGetPayload<{ select: typeof printMemberSelect }> & {
  code: string;
  validUntil: Date;
  /** a candidate's card ("CALON ANGGOTA"), in force only while the candidacy lasts */
  candidate: boolean;
};

/**
 * The cards to print for these members of the chapter: each member's active card, issuing one
 * (in one transaction) where there is none. In the order of memberIds; members of other
 * chapters, and members who may not hold a card and have none, are left out.
 */
export async function ensureActiveCards(input: {
  memberIds: string[];
  chapterId: string;
  actorId: string;
  now?: Date;
}): Promise<PrintableCard[]> {
  const now = input.now ?? new Date();
  const members = await db.member.findMany({
    where: { id: { in: input.memberIds }, chapterId: input.chapterId },
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
      const validityYears = await cardValidityYears(tx, input.chapterId);
      for (const member of withoutCard) {
        const card = await issueInTx(tx, {
          memberId: member.id,
          memberStatus: member.status,
          chapterId: input.chapterId,
          actorId: input.actorId,
          validityYears,
          now,
        });
        cardByMember.set(member.id, card);
      }
    });
  }
  const memberById = new Map(members.map((m) => [m.id, m]));
  return input.memberIds.flatMap((id) => {
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
}

/** The ids of the chapter's active (status "aktif") members, by name: the default batch print. */
export async function listActiveMemberIds(chapterId: string): Promise<string[]> {
  const members = await db.member.findMany({
    where: { chapterId, status: "aktif" },
    select: { id: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
  return members.map((m) => m.id);
}

/** Every card of a member of the chapter with its state, newest first (empty when not in the chapter). */
export async function getCardsForMember(
  chapterId: string,
  memberId: string,
  now = new Date(),
): Promise<(CardSummary & { state: CardState })[]> {
  const cards = await db.memberCard.findMany({
    where: { memberId, member: { chapterId } },
    select: { ...cardSummarySelect, member: { select: { status: true } } },
    orderBy: { issuedAt: "desc" },
  });
  return cards.map(({ member, ...card }) => ({ ...card, state: cardState(card, member.status, now) }));
}

/** Printing cards hands out personal data: audited with how many and which list. */
export async function recordCardExport(input: {
  chapterId: string;
  actorId: string;
  count: number;
  memberId?: string;
  filters?: MemberFilters | null;
}) {
  await recordAudit({
    actorId: input.actorId,
    chapterId: input.chapterId,
    action: "member.card.export",
    entityType: input.memberId ? "Member" : "Chapter",
    entityId: input.memberId ?? input.chapterId,
    after: { count: input.count, filters: input.filters ?? null },
  });
}

export type { CardState };

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

/** Revokes every still-valid card of a member, inside the caller's transaction (status changes, merges). */
export async function revokeActiveCardsInTx(
  tx: Tx,
  input: { memberId: string; chapterId: string; actorId: string; reason: string; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const { count } = await tx.memberCard.updateMany({
    where: { memberId: input.memberId, ...activeCardWhere(now) },
    data: { revokedAt: now, revokedReason: input.reason },
  });
  if (count > 0) {
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.card.revoke",
        entityType: "Member",
        entityId: input.memberId,
        after: { count, reason: input.reason },
      },
      tx,
    );
  }
  return count;
}
