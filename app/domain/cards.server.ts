// Member cards (KTA): issued with an unguessable code for the QR on the back, valid for the
// chapter's number of years, revocable. /verify/<code> tells anyone whether a card is valid and
// shows nothing personal beyond the name, the chapter and the member's status.
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/utils/audit.server";

type Tx = Prisma.TransactionClient;

/** 128 random bits, base64url: 22 characters nobody can guess. */
export function newCardCode(): string {
  return randomBytes(16).toString("base64url");
}

function addYears(date: Date, years: number) {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

const activeWhere = (now: Date): Prisma.MemberCardWhereInput => ({ revokedAt: null, validUntil: { gt: now } });

async function issueInTx(tx: Tx, input: { memberId: string; chapterId: string; actorId: string; years: number; now: Date }) {
  const replaced = await tx.memberCard.updateMany({
    where: { memberId: input.memberId, ...activeWhere(input.now) },
    data: { revokedAt: input.now, revokedReason: "Diganti kartu baru" },
  });
  const card = await tx.memberCard.create({
    data: {
      memberId: input.memberId,
      code: newCardCode(),
      issuedAt: input.now,
      validUntil: addYears(input.now, input.years),
      issuedById: input.actorId,
    },
    select: { id: true, code: true, issuedAt: true, validUntil: true },
  });
  await recordAudit(
    {
      actorId: input.actorId,
      chapterId: input.chapterId,
      action: "member.card.issue",
      entityType: "Member",
      entityId: input.memberId,
      after: { cardId: card.id, validUntil: card.validUntil, replaced: replaced.count },
    },
    tx,
  );
  return card;
}

/** Issues a new card (revoking the one still valid); null when the member is not in the chapter. */
export async function issueCard(input: { memberId: string; chapterId: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const member = await db.member.findFirst({
    where: { id: input.memberId, chapterId: input.chapterId },
    select: { chapter: { select: { cardValidityYears: true } } },
  });
  if (!member) return null;
  return db.$transaction((tx) => issueInTx(tx, { ...input, now, years: member.chapter.cardValidityYears }));
}

/** Revokes a card of the chapter, with the reason; false when there is no such valid card. */
export async function revokeCard(input: { cardId: string; chapterId: string; actorId: string; reason: string; now?: Date }) {
  const now = input.now ?? new Date();
  const card = await db.memberCard.findFirst({
    where: { id: input.cardId, revokedAt: null, member: { chapterId: input.chapterId } },
    select: { id: true, memberId: true },
  });
  if (!card) return false;
  await db.$transaction(async (tx) => {
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
  });
  return true;
}

/**
 * The cards to print for these members of the chapter: each member's valid card, issuing one
 * where there is none. In the order of memberIds.
 */
export async function ensureActiveCards(input: { memberIds: string[]; chapterId: string; actorId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { cardValidityYears: true } });
  const members = await db.member.findMany({
    where: { id: { in: input.memberIds }, chapterId: input.chapterId },
    select: {
      id: true,
      fullName: true,
      memberNumber: true,
      membershipType: true,
      photoFile: true,
      cards: { where: activeWhere(now), select: { code: true, validUntil: true }, orderBy: { issuedAt: "desc" }, take: 1 },
    },
  });
  const missing = members.filter((m) => m.cards.length === 0);
  const issued = new Map<string, { code: string; validUntil: Date }>();
  if (missing.length) {
    await db.$transaction(async (tx) => {
      for (const m of missing) {
        issued.set(m.id, await issueInTx(tx, { memberId: m.id, chapterId: input.chapterId, actorId: input.actorId, years: chapter.cardValidityYears, now }));
      }
    });
  }
  const byId = new Map(members.map((m) => [m.id, m]));
  return input.memberIds.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    const card = m.cards[0] ?? issued.get(id)!;
    const { cards: _cards, ...member } = m;
    return [{ ...member, code: card.code, validUntil: card.validUntil }];
  });
}
export type PrintableCard = Awaited<ReturnType<typeof ensureActiveCards>>[number];

export type CardCheck = {
  kind: "member-card";
  state: "valid" | "revoked" | "expired";
  memberName: string;
  memberStatus: string;
  chapterName: string;
  validUntil: Date;
  revokedAt: Date | null;
};

/** What the public verification page may say about a card code; null when unknown. */
export async function verifyCardCode(code: string, now = new Date()): Promise<CardCheck | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code)) return null;
  const card = await db.memberCard.findUnique({
    where: { code },
    select: {
      validUntil: true,
      revokedAt: true,
      member: { select: { fullName: true, status: true, chapter: { select: { name: true } } } },
    },
  });
  if (!card) return null;
  const state = card.revokedAt ? "revoked" : card.validUntil <= now ? "expired" : "valid";
  return {
    kind: "member-card",
    state,
    memberName: card.member.fullName,
    memberStatus: card.member.status,
    chapterName: card.member.chapter.name,
    validUntil: card.validUntil,
    revokedAt: card.revokedAt,
  };
}
