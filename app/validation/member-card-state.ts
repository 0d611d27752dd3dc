// Whether a member card (KTA) is in force: one rule for the server (printing, issuing, the public
// verification page) and the member page's card panel (docs/decisions/012).
//
// A candidate (status "calon") gets a candidate card: it says "CALON ANGGOTA" and is in force
// only while the candidacy lasts (and never past its date). When the member becomes active (or
// leaves), the candidate card ends; printing then issues a member card.
//
// No zod here: the card panel and the profile load this module (docs/decisions/028);
// app/validation/member-cards.ts re-exports the card rules with its schema.

export type CardState = "valid" | "revoked" | "expired" | "ended";

export type CardFacts = {
  revokedAt: Date | string | null;
  validUntil: Date | string;
  candidate: boolean;
};

export function cardState(card: CardFacts, memberStatus: string, now: Date | number = Date.now()): CardState {
  if (card.revokedAt) return "revoked";
  if (new Date(card.validUntil).getTime() <= new Date(now).getTime()) return "expired";
  if (card.candidate && memberStatus !== "calon") return "ended";
  return "valid";
}

/** Whether a card issued now to a member of this status is a candidate card. */
export function issuesCandidateCard(memberStatus: string): boolean {
  return memberStatus === "calon";
}

export const REVOKE_REASON_MAX = 200;

/** Only candidates and active members hold a card; leaving the association revokes it. */
export const CARD_HOLDER_STATUSES = ["calon", "aktif"] as const;

export function mayHoldCard(status: string): boolean {
  return (CARD_HOLDER_STATUSES as readonly string[]).includes(status);
}
