// Member cards, the public verification page and card photos.
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Photos go to a scratch folder (read by the env module on first use).
  process.env.UPLOADS_DIR = `${process.env.TMPDIR ?? "/tmp"}/ipsm-photos-${process.pid}-${Date.now()}`;
});

import { ensureActiveCards, issueCard, revokeCard, verifyCardCode } from "~/domain/cards.server";
import { readMemberPhoto, saveMemberPhoto } from "~/domain/photos.server";
import { loader as cardPdfLoader } from "~/routes/members.$id.card[.]pdf";
import { loader as cardsPdfLoader } from "~/routes/members.cards[.]pdf";
import { action as cardAction } from "~/routes/members.$id.card";
import { action as photoAction } from "~/routes/members.$id.photo";
import { loader as photoLoader } from "~/routes/members.$id.photo[.]jpg";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { action as loginAction } from "~/routes/login";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, buildUser } from "../factories";
import { pdfText } from "../support/pdf-text";
import { cookiesFrom, dataOf, getRequest, postForm, run, statusOf } from "../support/requests";

let chapterId: string;
let boardId: string;
let memberId: string;
let otherMemberId: string;
const cookies = { board: "", volunteer: "", dinsos: "" };

async function signIn(email: string) {
  return cookiesFrom((await run(loginAction, postForm("/login", { email, password: "password-123" }))) as Response);
}

function multipart(url: string, cookie: string, file: { bytes: Uint8Array | Buffer; type: string; name: string }) {
  const form = new FormData();
  form.set("photo", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request(`http://localhost:3000${url}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "CRD", name: "IPSM Kota Kartu" })).id;
  boardId = (await buildUser({ chapterId, role: "board", email: "board@cards.test" })).id;
  const member = await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Hasanah Kartu", status: "aktif" });
  memberId = member.id;
  otherMemberId = (await buildMember({ chapterId, villageCode: "61.71.01.1003", fullName: "Anggota Lain" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "volunteer@cards.test", memberId });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@cards.test" });
  for (const who of ["board", "volunteer", "dinsos"] as const) cookies[who] = await signIn(`${who}@cards.test`);
});

describe("issuing and revoking", () => {
  it("issues an unguessable code valid for the chapter's years (5 by default), and a reissue revokes the old card", async () => {
    const now = new Date("2026-02-01T03:00:00Z");
    const first = await issueCard({ memberId, chapterId, actorId: boardId, now });
    expect(first!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first!.validUntil.toISOString()).toBe("2031-02-01T03:00:00.000Z");
    const second = await issueCard({ memberId, chapterId, actorId: boardId, now });
    expect(second!.code).not.toBe(first!.code);
    expect((await verifyCardCode(first!.code, now))?.state).toBe("revoked");
    expect((await verifyCardCode(second!.code, now))?.state).toBe("valid");
    expect(await db.auditLog.count({ where: { action: "member.card.issue", entityId: memberId } })).toBe(2);
  });

  it("tells revoked and expired cards apart, and knows nothing of unknown codes", async () => {
    const card = await issueCard({ memberId: otherMemberId, chapterId, actorId: boardId });
    expect((await verifyCardCode(card!.code, new Date("2040-01-01")))?.state).toBe("expired");
    expect(await revokeCard({ cardId: card!.id, chapterId, actorId: boardId, reason: "Kartu hilang" })).toBe(true);
    expect(await verifyCardCode(card!.code)).toMatchObject({ state: "revoked", memberName: "Anggota Lain" });
    expect(await verifyCardCode("tidak-ada-kode-seperti-ini")).toBeNull();
    expect(await issueCard({ memberId: "no-such-member", chapterId, actorId: boardId })).toBeNull();
  });

  it("gives a valid card to each member for batch printing, reusing valid ones", async () => {
    const cards = await ensureActiveCards({ memberIds: [memberId, otherMemberId], chapterId, actorId: boardId });
    expect(cards.map((c) => c.fullName)).toEqual(["Hasanah Kartu", "Anggota Lain"]);
    const again = await ensureActiveCards({ memberIds: [memberId, otherMemberId], chapterId, actorId: boardId });
    expect(again.map((c) => c.code)).toEqual(cards.map((c) => c.code));
  });
});

describe("the public verification page", () => {
  it("says whether the card is valid, for whom and which chapter, and nothing personal", async () => {
    const member = await db.member.findUniqueOrThrow({ where: { id: memberId } });
    const [card] = await ensureActiveCards({ memberIds: [memberId], chapterId, actorId: boardId });
    const result = await run(verifyLoader, getRequest(`/verify/${card!.code}`), { code: card!.code });
    expect(statusOf(result)).toBe(200);
    const shown = dataOf<{ card: Record<string, unknown> }>(result).card;
    expect(shown).toMatchObject({ state: "valid", memberName: "Hasanah Kartu", chapterName: "IPSM Kota Kartu", memberStatus: "aktif" });
    const serialized = JSON.stringify(shown);
    for (const secret of [member.nik, member.address, member.phone ?? "-no-phone-"]) expect(serialized).not.toContain(secret);
    expect(Object.keys(shown).sort()).toEqual(["chapterName", "kind", "memberName", "memberStatus", "revokedAt", "state", "validUntil"]);
  });

  it("answers 404 for an unknown code", async () => {
    expect(statusOf(await run(verifyLoader, getRequest("/verify/AAAAAAAAAAAAAAAAAAAAAA"), { code: "AAAAAAAAAAAAAAAAAAAAAA" }))).toBe(404);
  });
});

describe("card PDFs and permissions", () => {
  it("gives the board the card as a PDF, and the volunteer their own card only", async () => {
    const response = (await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.board), { id: memberId })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Hasanah Kartu");
    expect(text).toContain("Pindai kode QR ini");
    expect(statusOf(await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.volunteer), { id: memberId }))).toBe(200);
    expect(statusOf(await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.volunteer), { id: otherMemberId }))).toBe(403);
    expect(statusOf(await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.dinsos), { id: memberId }))).toBe(403);
    expect(await db.auditLog.count({ where: { action: "member.export", chapterId } })).toBeGreaterThanOrEqual(2);
  });

  it("prints the filtered list's cards in one PDF", async () => {
    const response = (await run(cardsPdfLoader, getRequest("/members/cards.pdf?status=aktif", cookies.board))) as Response;
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Hasanah Kartu");
    expect(statusOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf", cookies.volunteer)))).toBe(403);
  });

  it("lets only the board issue and revoke from the member page", async () => {
    expect(statusOf(await run(cardAction, postForm(`/members/${memberId}/card`, { intent: "issue" }, cookies.volunteer), { id: memberId }))).toBe(403);
    const issued = (await run(cardAction, postForm(`/members/${memberId}/card`, { intent: "issue" }, cookies.board), { id: memberId })) as Response;
    expect(issued.headers.get("Location")).toBe(`/members/${memberId}`);
    const active = await db.memberCard.findFirstOrThrow({ where: { memberId, revokedAt: null } });
    const noReason = (await run(cardAction, postForm(`/members/${memberId}/card`, { intent: "revoke", cardId: active.id, reason: " " }, cookies.board), { id: memberId })) as Response;
    expect(noReason.status).toBe(302);
    expect((await db.memberCard.findUniqueOrThrow({ where: { id: active.id } })).revokedAt).toBeNull();
    await run(cardAction, postForm(`/members/${memberId}/card`, { intent: "revoke", cardId: active.id, reason: "Hilang" }, cookies.board), { id: memberId });
    expect((await db.memberCard.findUniqueOrThrow({ where: { id: active.id } })).revokedReason).toBe("Hilang");
  });
});

describe("card photos", () => {
  it("accepts a PNG, stores it resized as JPEG, and serves it to the board and the member", async () => {
    const png = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: "#3366aa" } }).png().toBuffer();
    const saved = (await run(photoAction, multipart(`/members/${memberId}/photo`, cookies.board, { bytes: png, type: "image/png", name: "foto.png" }), { id: memberId })) as Response;
    expect(saved.status).toBe(302);
    const stored = await readMemberPhoto(chapterId, memberId);
    const meta = await sharp(stored!).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 600, height: 800 });
    expect(statusOf(await run(photoLoader, getRequest(`/members/${memberId}/photo.jpg`, cookies.volunteer), { id: memberId }))).toBe(200);
    expect(statusOf(await run(photoLoader, getRequest(`/members/${memberId}/photo.jpg`, cookies.dinsos), { id: memberId }))).toBe(403);
    expect(await db.auditLog.count({ where: { action: "member.photo.update", entityId: memberId } })).toBe(1);
  });

  it("refuses a wrong type, an unreadable file and an oversized one with a reason", async () => {
    const base = { memberId, chapterId, actorId: boardId };
    expect(await saveMemberPhoto({ ...base, file: { bytes: new Uint8Array([1, 2, 3]), type: "application/pdf" } })).toEqual({ ok: false, error: "type" });
    expect(await saveMemberPhoto({ ...base, file: { bytes: new TextEncoder().encode("bukan gambar"), type: "image/png" } })).toEqual({ ok: false, error: "unreadable" });
    expect(await saveMemberPhoto({ ...base, file: { bytes: new Uint8Array(2 * 1024 * 1024 + 10), type: "image/jpeg" } })).toEqual({ ok: false, error: "size" });
    const big = new Uint8Array(3 * 1024 * 1024);
    const viaRoute = (await run(photoAction, multipart(`/members/${memberId}/photo`, cookies.board, { bytes: big, type: "image/jpeg", name: "besar.jpg" }), { id: memberId })) as Response;
    expect(viaRoute.status).toBe(302);
    expect(viaRoute.headers.getSetCookie().join(";")).toContain("ipsm_toast");
    expect(statusOf(await run(photoAction, multipart(`/members/${memberId}/photo`, cookies.volunteer, { bytes: big, type: "image/jpeg", name: "x.jpg" }), { id: memberId }))).toBe(403);
  });
});
