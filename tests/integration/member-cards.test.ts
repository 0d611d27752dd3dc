// Member cards (KTA), the public verification page and card photos, against the real test
// database, through the domain and through the routes with real Requests.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Photos go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  process.env.UPLOADS_DIR = `${process.env.TMPDIR ?? "/tmp"}/ipsm-photos-${process.pid}-${Date.now()}`;
});
import { ensureActiveCards, getCardsForMember, issueCard, revokeCard, verifyCardCode } from "~/domain/members/cards.server";
import { PHOTO_MAX_BYTES, readMemberPhoto, saveMemberPhoto } from "~/domain/members/photos.server";
import type { Actor } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { actorOfUser, actorWith } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { action as cardAction } from "~/routes/members.$id.card";
import { loader as cardPdfLoader } from "~/routes/members.$id.card[.]pdf";
import { action as photoAction } from "~/routes/members.$id.photo";
import { loader as photoLoader } from "~/routes/members.$id.photo[.]jpg";
import { loader as cardsPdfLoader } from "~/routes/members.cards[.]pdf";
import { loader as memberListLoader } from "~/routes/members[.]pdf";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, buildUser, buildBoardUser } from "../factories";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";

const VILLAGE = "61.71.01.1002";
const CODE_PATTERN = /^[A-Za-z0-9_-]{22,}$/;

let chapterId: string;
let otherChapterId: string;
let boardId: string;
let board: Actor;
let boardElsewhere: Actor;
let memberId: string;
let otherMemberId: string;
const cookies = { board: "", volunteer: "", dinsos: "" };

function multipart(url: string, cookie: string, file: { bytes: Uint8Array; type: string; name: string }) {
  const form = new FormData();
  form.set("photo", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request(`http://localhost:3000${url}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

async function pdfOf(result: unknown) {
  const response = result as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = new Uint8Array(await response.arrayBuffer());
  // a copy for the text: pdfjs takes its buffer over
  return { ...(await pdfText(bytes.slice())), bytes };
}

async function activeCardOf(id: string) {
  return db.memberCard.findFirst({ where: { memberId: id, revokedAt: null }, select: { id: true, code: true } });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "CRD", name: "IPSM Kota Kartu", letterheadSubtitle: "KOTA KARTU" })).id;
  otherChapterId = (await buildChapter({ code: "OTH", name: "IPSM Kabupaten Lain" })).id;
  board = await actorOfUser(await buildBoardUser({ chapterId, email: "board@cards.test" }));
  boardId = board.userId;
  boardElsewhere = actorWith({ chapterId: otherChapterId, userId: boardId, kinds: ["sekretaris"] });
  memberId = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Hasanah Kartu", status: "aktif" })).id;
  otherMemberId = (await buildMember({ chapterId, villageCode: "61.71.01.1003", fullName: "Anggota Lain", status: "aktif" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "volunteer@cards.test", memberId });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@cards.test" });
  for (const who of ["board", "volunteer", "dinsos"] as const) cookies[who] = await signIn(`${who}@cards.test`);
});

describe("issuing and revoking cards", () => {
  it("issues an unguessable code, valid for the chapter's number of years", async () => {
    const now = new Date("2026-02-01T03:00:00Z");
    const card = expectOk(await issueCard(board, memberId, now)).card;
    expect(card?.code).toMatch(CODE_PATTERN);
    expect(card?.validUntil.toISOString()).toBe("2031-02-01T03:00:00.000Z");

    await db.chapter.update({ where: { id: chapterId }, data: { cardValidityYears: 3 } });
    const shorter = expectOk(await issueCard(board, otherMemberId, now)).card;
    expect(shorter?.validUntil.toISOString()).toBe("2029-02-01T03:00:00.000Z");
    await db.chapter.update({ where: { id: chapterId }, data: { cardValidityYears: 5 } });

    const codes = await db.memberCard.findMany({ select: { code: true } });
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  it("revokes the still-valid card when a new one is issued", async () => {
    const first = expectOk(await issueCard(board, memberId)).card;
    const second = expectOk(await issueCard(board, memberId)).card;
    expect(second?.code).not.toBe(first?.code);
    const cards = await getCardsForMember(board, memberId);
    expect(cards[0]?.id).toBe(second?.id);
    expect(cards.find((c) => c.id === first?.id)).toMatchObject({ revokedReason: "Diganti kartu baru" });
    expect(cards.filter((c) => c.revokedAt === null)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "member.card.issue", entityId: memberId } })).toBeGreaterThanOrEqual(2);
  });

  it("issues nothing for a member of another chapter, and revokes only the chapter's cards", async () => {
    expectRefusal(await issueCard(boardElsewhere, memberId), "notFound");
    expect(await getCardsForMember(boardElsewhere, memberId)).toEqual([]);
    const card = await activeCardOf(memberId);
    expectRefusal(await revokeCard(boardElsewhere, { cardId: card!.id, reason: "x" }), "notFound");
    expectRefusal(await revokeCard(board, { cardId: card!.id, memberId: otherMemberId, reason: "x" }), "notFound");
    expect((await activeCardOf(memberId))?.id).toBe(card!.id);
  });

  it("gives each member one active card for batch printing, reusing valid ones", async () => {
    const third = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Tanpa Kartu" })).id;
    const cards = expectOk(await ensureActiveCards(board, [third, memberId, otherMemberId, "unknown"])).cards;
    expect(cards.map((c) => c.fullName)).toEqual(["Tanpa Kartu", "Hasanah Kartu", "Anggota Lain"]);
    expect(cards[0]).toMatchObject({ id: third, membershipType: "biasa", photoFile: null });
    expect(cards[0]?.code).toMatch(CODE_PATTERN);
    const again = expectOk(await ensureActiveCards(board, [third, memberId, otherMemberId])).cards;
    expect(again.map((c) => c.code)).toEqual(cards.map((c) => c.code));
    expect(expectOk(await ensureActiveCards(boardElsewhere, [memberId])).cards).toEqual([]);
  });
});

describe("the public verification page", () => {
  it("says the card is valid, for whom and which chapter, and nothing personal", async () => {
    const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { nik: true, address: true, phone: true } });
    const [card] = expectOk(await ensureActiveCards(board, [memberId])).cards;
    const result = await run(verifyLoader, getRequest(`/verify/${card!.code}`), { code: card!.code });
    expect(statusOf(result)).toBe(200);
    const shown = dataOf<{ kind: string; card: Record<string, unknown> }>(result);
    expect(shown.kind).toBe("member-card");
    expect(shown.card).toMatchObject({
      state: "valid",
      memberName: "Hasanah Kartu",
      chapterName: "IPSM Kota Kartu",
      memberStatus: "aktif",
    });
    expect(Object.keys(shown.card).sort()).toEqual([
      "candidate",
      "chapterName",
      "chapterTimeZone",
      "memberName",
      "memberStatus",
      "revokedAt",
      "state",
      "validUntil",
    ]);
    const serialized = JSON.stringify(shown).toLowerCase();
    for (const key of ["nik", "address", "phone", "birth", "email"]) expect(serialized).not.toContain(key);
    for (const secret of [member.nik, member.address, member.phone ?? "+62-none"]) expect(serialized).not.toContain(secret.toLowerCase());
  });

  it("tells revoked and expired cards apart, and still shows a card of a member who left", async () => {
    const leaver = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Sudah Keluar", status: "aktif" })).id;
    const expired = expectOk(await issueCard(board, leaver, new Date("2015-01-10T02:00:00Z"))).card;
    const expiredCheck = dataOf<{ card: Record<string, unknown> }>(await run(verifyLoader, getRequest("/"), { code: expired!.code })).card;
    expect(expiredCheck).toMatchObject({ state: "expired", memberName: "Sudah Keluar", memberStatus: "aktif" });

    const valid = expectOk(await issueCard(board, leaver)).card;
    // A status set without the registry's status change (which revokes cards) still shows on the page.
    await db.member.update({ where: { id: leaver }, data: { status: "mengundurkan_diri" } });
    expect(await verifyCardCode(valid!.code)).toMatchObject({ state: "valid", memberStatus: "mengundurkan_diri" });
    expectOk(await revokeCard(board, { cardId: valid!.id, reason: "Kartu hilang" }));
    const revoked = await verifyCardCode(valid!.code);
    expect(revoked).toMatchObject({ state: "revoked", memberName: "Sudah Keluar" });
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "member.card.revoke", entityId: leaver } })).toBe(1);
  });

  it("answers 404 for an unknown or malformed code", async () => {
    for (const code of ["AAAAAAAAAAAAAAAAAAAAAA", "tidak ada", "x".repeat(200)]) {
      expect(statusOf(await run(verifyLoader, getRequest("/verify/x"), { code }))).toBe(404);
    }
    expect(await verifyCardCode("AAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
  });
});

describe("card PDFs", () => {
  it("gives the board one member's card on one A4 page, issuing a card when needed", async () => {
    const fresh = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Cetak Pertama" })).id;
    const { text, pages } = await pdfOf(await run(cardPdfLoader, getRequest(`/members/${fresh}/card.pdf`, cookies.board), { id: fresh }));
    expect(pages).toBe(1);
    expect(text).toContain("Cetak Pertama");
    expect(text).toContain("IKATAN PEKERJA SOSIAL MASYARAKAT");
    expect(text).toContain("KOTA KARTU");
    expect(text).toContain("IPSM Kota Kartu");
    expect(text).toContain("Berlaku s.d.");
    expect(text).toContain("Pindai untuk memeriksa keabsahan kartu");
    expect((await activeCardOf(fresh))?.code).toMatch(CODE_PATTERN);
    expect(await db.auditLog.count({ where: { action: "member.card.export", entityId: fresh } })).toBe(1);
  });

  it("lets a volunteer download their own card only; Dinas Sosial none; visitors log in first", async () => {
    await pdfOf(await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.volunteer), { id: memberId }));
    const other = await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.volunteer), { id: otherMemberId });
    expect(statusOf(other)).toBe(403);
    expect(statusOf(await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.dinsos), { id: memberId }))).toBe(403);
    const anonymous = (await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`), { id: memberId })) as Response;
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(statusOf(await run(cardPdfLoader, getRequest("/members/nope/card.pdf", cookies.board), { id: "nope" }))).toBe(404);
  });

  it("prints the chosen members' cards in one PDF, five to a page, audited with the count", async () => {
    const ids = [memberId, otherMemberId];
    for (let i = 1; i <= 4; i++) ids.push((await buildMember({ chapterId, villageCode: VILLAGE, fullName: `Massal Nomor ${i}` })).id);
    const { text, pages } = await pdfOf(await run(cardsPdfLoader, getRequest(`/members/cards.pdf?ids=${ids.join(",")}`, cookies.board)));
    expect(pages).toBe(2);
    for (const name of ["Hasanah Kartu", "Anggota Lain", "Massal Nomor 4"]) expect(text).toContain(name);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "member.card.export", entityId: chapterId },
      orderBy: { at: "desc" },
    });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ count: 6 });
    for (const id of ids) expect(await activeCardOf(id)).not.toBeNull();
  });

  it("prints every active member by default, the member list's filters when given, and refuses too many", async () => {
    await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Calon Belum Aktif", status: "calon" });
    const all = await pdfOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf", cookies.board)));
    expect(all.text).toContain("Hasanah Kartu");
    expect(all.text).not.toContain("Calon Belum Aktif");
    expect(all.text).not.toContain("Sudah Keluar");
    const candidates = await pdfOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf?status=calon", cookies.board)));
    expect(candidates.text).toContain("Calon Belum Aktif");
    expect(candidates.text).not.toContain("Hasanah Kartu");
    const tooMany = Array.from({ length: 201 }, (_, i) => `id${i}`).join(",");
    expect(statusOf(await run(cardsPdfLoader, getRequest(`/members/cards.pdf?ids=${tooMany}`, cookies.board)))).toBe(400);
    expect(statusOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf?ids=", cookies.board)))).toBe(400);
    expect(statusOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf", cookies.volunteer)))).toBe(403);
    expect(statusOf(await run(cardsPdfLoader, getRequest("/members/cards.pdf", cookies.dinsos)))).toBe(403);
  });
});

describe("issuing and revoking from the member page", () => {
  const post = (fields: Record<string, string>, cookie: string, id = memberId) =>
    run(cardAction, postForm(`/members/${id}/card`, fields, cookie), { id }) as Promise<Response>;

  it("lets the board issue and revoke (with a reason), with a toast, and nobody else", async () => {
    expect(statusOf(await post({ intent: "issue" }, cookies.volunteer))).toBe(403);
    expect(statusOf(await post({ intent: "issue" }, cookies.dinsos))).toBe(403);
    const issued = await post({ intent: "issue" }, cookies.board);
    expect(issued.headers.get("Location")).toBe(`/members/${memberId}`);
    expect(await toastMessageOf(issued)).toBe("Kartu anggota baru diterbitkan.");
    const active = await activeCardOf(memberId);

    const noReason = await post({ intent: "revoke", cardId: active!.id, reason: "  " }, cookies.board);
    expect(noReason.headers.get("Location")).toBe(`/members/${memberId}`);
    expect(await toastMessageOf(noReason)).toBe("Tulis alasan pencabutan kartu.");
    expect((await activeCardOf(memberId))?.id).toBe(active!.id);

    expect(statusOf(await post({ intent: "revoke", cardId: active!.id, reason: "Hilang" }, cookies.board, otherMemberId))).toBe(404);
    const revoked = await post({ intent: "revoke", cardId: active!.id, reason: "Hilang" }, cookies.board);
    expect(await toastMessageOf(revoked)).toBe("Kartu anggota dicabut.");
    expect(await db.memberCard.findUniqueOrThrow({ where: { id: active!.id }, select: { revokedReason: true } })).toEqual({
      revokedReason: "Hilang",
    });
    expect(await db.auditLog.count({ where: { action: "member.card.revoke", entityId: memberId } })).toBe(1);
    expect(statusOf(await post({ intent: "issue" }, cookies.board, "nope"))).toBe(404);
  });
});

describe("card photos", () => {
  const png = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer();
  const upload = (bytes: Uint8Array, type: string, cookie = cookies.board) =>
    run(photoAction, multipart(`/members/${memberId}/photo`, cookie, { bytes, type, name: "foto" }), { id: memberId }) as Promise<Response>;

  it("accepts a PNG, stores it within 600x800 as JPEG without metadata, and replaces the old file", async () => {
    const saved = await upload(await png(1200, 1600), "image/png");
    expect(saved.status).toBe(302);
    expect(await toastMessageOf(saved)).toBe("Foto tersimpan.");
    const first = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { photoFile: true } });
    expect(first.photoFile).toMatch(new RegExp(`^${memberId}-[0-9a-f]+\\.jpg$`));
    expect(await sharp(expectOk(await readMemberPhoto(board, memberId)).photo).metadata()).toMatchObject({
      format: "jpeg",
      width: 600,
      height: 800,
    });

    const withExif = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#aa3366" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "rahasia" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    expect((await upload(withExif, "image/jpeg")).status).toBe(302);
    const stored = await sharp(expectOk(await readMemberPhoto(board, memberId)).photo).metadata();
    expect(stored).toMatchObject({ format: "jpeg", width: 300, height: 200 });
    expect(stored.exif).toBeUndefined();
    const files = await readdir(path.join(process.env.UPLOADS_DIR ?? "", "member-photos"));
    expect(files.filter((f) => f.startsWith(memberId))).toHaveLength(1);
    expect(files).not.toContain(first.photoFile);
    expect(await db.auditLog.count({ where: { action: "member.photo.update", entityId: memberId } })).toBe(2);
  });

  it("refuses a wrong type, an unreadable file and one over 2 MB, with a reason", async () => {
    const file = (bytes: Uint8Array, type: string) => ({ bytes, type, size: bytes.length });
    expect(expectInvalid(await saveMemberPhoto(board, memberId, file(await png(10, 10), "image/gif")))).toEqual({
      photo: t("photo.error.type"),
    });
    expect(expectInvalid(await saveMemberPhoto(board, memberId, file(new TextEncoder().encode("bukan gambar"), "image/png")))).toEqual({
      photo: t("photo.error.unreadable"),
    });
    expect(expectInvalid(await saveMemberPhoto(board, memberId, file(new Uint8Array(PHOTO_MAX_BYTES + 1), "image/jpeg")))).toEqual({
      photo: t("photo.error.size"),
    });
    expect(expectInvalid(await saveMemberPhoto(board, memberId, null))).toEqual({ photo: t("photo.error.missing") });
    expectRefusal(await saveMemberPhoto(boardElsewhere, memberId, file(await png(10, 10), "image/png")), "notFound");

    expect(await toastMessageOf(await upload(new TextEncoder().encode("bukan gambar"), "image/png"))).toBe(
      "Berkas foto tidak dapat dibaca. Coba foto lain.",
    );
    expect(await toastMessageOf(await upload(new TextEncoder().encode("%PDF-1.4"), "application/pdf"))).toBe("Foto harus JPG atau PNG.");
    const tooBig = await upload(new Uint8Array(3 * 1024 * 1024), "image/jpeg");
    expect(tooBig.status).toBe(302);
    expect(await toastMessageOf(tooBig)).toBe("Ukuran foto paling besar 2 MB.");
    expect(statusOf(await upload(await png(10, 10), "image/png", cookies.volunteer))).toBe(403);
    expect(await db.auditLog.count({ where: { action: "member.photo.update", entityId: memberId } })).toBe(2);
  });

  it("serves the photo to the board and the member, privately, and to nobody else", async () => {
    const asBoard = (await run(photoLoader, getRequest(`/members/${memberId}/photo.jpg`, cookies.board), { id: memberId })) as Response;
    expect(asBoard.status).toBe(200);
    expect(asBoard.headers.get("Content-Type")).toBe("image/jpeg");
    expect(asBoard.headers.get("Cache-Control")).toContain("private");
    expect(statusOf(await run(photoLoader, getRequest(`/members/${memberId}/photo.jpg`, cookies.volunteer), { id: memberId }))).toBe(200);
    expect(
      statusOf(await run(photoLoader, getRequest(`/members/${otherMemberId}/photo.jpg`, cookies.volunteer), { id: otherMemberId })),
    ).toBe(403);
    expect(statusOf(await run(photoLoader, getRequest(`/members/${memberId}/photo.jpg`, cookies.dinsos), { id: memberId }))).toBe(403);
    expect(statusOf(await run(photoLoader, getRequest(`/members/${otherMemberId}/photo.jpg`, cookies.board), { id: otherMemberId }))).toBe(
      404,
    );
  });

  it("puts the photo on the printed card, and a placeholder box without one", async () => {
    const withPhoto = await pdfOf(await run(cardPdfLoader, getRequest(`/members/${memberId}/card.pdf`, cookies.board), { id: memberId }));
    const without = await pdfOf(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    expect(without.text).toMatch(/\bFoto\b/);
    expect(withPhoto.text).not.toMatch(/\bFoto\b/);
    // the photo is painted, not only its box left out (the card is made in the render worker,
    // where the photo's bytes arrive as a Uint8Array)
    expect(await imagesPainted(withPhoto.bytes)).toBe((await imagesPainted(without.bytes)) + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Candidates' cards, the chapter's logo and the Ketua's signature (issue 14)

/** How many images a PDF paints (pdfjs operator list): the QR code, the photo, the logo, the signature. */
async function imagesPainted(bytes: Uint8Array): Promise<number> {
  const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // a copy: pdfjs takes the buffer over, and the test reads the same bytes again
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  let count = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray } = await (await doc.getPage(n)).getOperatorList();
    count += fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject).length;
  }
  await doc.destroy();
  return count;
}

async function pdfBytes(result: unknown): Promise<Uint8Array> {
  const response = result as Response;
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 11, g: 93, b: 122, alpha: 1 } } })
    .png()
    .toBuffer();

function imageUpload(cookie: string, kind: string, file: { bytes: Uint8Array; type: string; name: string }) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("kind", kind);
  form.set("image", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request("http://localhost:3000/chapter", { method: "POST", body: form, headers: { Cookie: cookie } });
}

describe("a candidate's card (decision 012: issued, says CALON ANGGOTA, ends with the candidacy)", () => {
  it("prints CALON ANGGOTA on a candidate's card; the verification page says it is a candidate card", async () => {
    const calon = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Calon Pertama", status: "calon" })).id;
    const { text } = await pdfOf(await run(cardPdfLoader, getRequest(`/members/${calon}/card.pdf`, cookies.board), { id: calon }));
    expect(text).toContain("CALON ANGGOTA");
    expect(text).toContain("Berlaku selama masa calon anggota, paling lama s.d.");
    const card = await activeCardOf(calon);
    expect(await verifyCardCode(card!.code)).toMatchObject({ state: "valid", candidate: true, memberStatus: "calon" });
    // a member's card says nothing of the kind
    const aktif = await pdfOf(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    expect(aktif.text).not.toContain("CALON ANGGOTA");
  });

  it("ends the candidate card when the candidate becomes a member; printing then issues a member card", async () => {
    const calon = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Calon Kedua", status: "calon" })).id;
    const candidateCard = expectOk(await issueCard(board, calon)).card;
    expect(candidateCard?.candidate).toBe(true);
    const { changeMemberStatus } = await import("~/domain/members/members.server");
    await changeMemberStatus(board, calon, { status: "aktif", effectiveDate: "2026-02-01", reason: "Lulus bimtek dasar" });

    expect(await verifyCardCode(candidateCard!.code)).toMatchObject({ state: "ended", candidate: true, memberStatus: "aktif" });
    expect((await getCardsForMember(board, calon))[0]).toMatchObject({ id: candidateCard!.id, state: "ended" });

    const { text } = await pdfOf(await run(cardPdfLoader, getRequest(`/members/${calon}/card.pdf`, cookies.board), { id: calon }));
    expect(text).not.toContain("CALON ANGGOTA");
    expect(text).toContain("Berlaku s.d.");
    const cards = await getCardsForMember(board, calon);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatchObject({ candidate: false, state: "valid" });
    expect(cards[1]).toMatchObject({ id: candidateCard!.id, state: "revoked", revokedReason: "Diganti kartu baru" });
  });
});

describe("the chapter's logo and the Ketua's signature", () => {
  let adminCookie = "";
  let ketuaMemberId = "";

  beforeAll(async () => {
    await buildUser({ chapterId, role: "admin", email: "admin@cards.test" });
    adminCookie = await signIn("admin@cards.test");
  });

  it("is the administrator's page: the board, a volunteer and the Dinas Sosial get 403", async () => {
    const { loader: chapterLoader } = await import("~/routes/chapter");
    expect(statusOf(await run(chapterLoader, getRequest("/chapter", adminCookie)))).toBe(200);
    for (const who of ["board", "volunteer", "dinsos"] as const) {
      expect(statusOf(await run(chapterLoader, getRequest("/chapter", cookies[who]))), who).toBe(403);
    }
    const { action: chapterAction } = await import("~/routes/chapter");
    const logo = { bytes: await png(300, 300), type: "image/png", name: "logo.png" };
    expect(statusOf(await run(chapterAction, imageUpload(cookies.board, "logo", logo)))).toBe(403);
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { logoFile: true } })).logoFile).toBeNull();
  });

  it("refuses a wrong type, an unreadable file and one over 1 MB with an Indonesian message, saving nothing", async () => {
    const { action: chapterAction } = await import("~/routes/chapter");
    const cases = [
      { file: { bytes: new TextEncoder().encode("GIF89a"), type: "image/gif", name: "logo.gif" }, message: "Gambar harus PNG atau JPG." },
      { file: { bytes: new TextEncoder().encode("bukan gambar"), type: "image/png", name: "logo.png" }, message: /tidak dapat dibaca/ },
      {
        file: { bytes: new Uint8Array(1024 * 1024 + 10), type: "image/png", name: "besar.png" },
        message: "Ukuran gambar paling besar 1 MB.",
      },
    ];
    for (const { file, message } of cases) {
      const response = (await run(chapterAction, imageUpload(adminCookie, "logo", file))) as Response;
      expect(response.headers.get("Location")).toBe("/chapter");
      const toast = await toastMessageOf(response);
      if (typeof message === "string") expect(toast).toBe(message);
      else expect(toast).toMatch(message);
    }
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { logoFile: true } })).logoFile).toBeNull();
  });

  it("refuses a signature while no Ketua serves, then keeps the serving Ketua's", async () => {
    const { action: chapterAction } = await import("~/routes/chapter");
    const signature = { bytes: await png(600, 200), type: "image/png", name: "ttd.png" };
    const refused = (await run(chapterAction, imageUpload(adminCookie, "signature", signature))) as Response;
    expect(await toastMessageOf(refused)).toMatch(/belum ada Ketua/);
    ketuaMemberId = (await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@cards.test", name: "Rahmat Ketua Kartu" })).memberId;
    const saved = (await run(chapterAction, imageUpload(adminCookie, "signature", signature))) as Response;
    expect(await toastMessageOf(saved)).toBe("Tanda tangan Ketua tersimpan.");
    const stored = await db.chapter.findUniqueOrThrow({
      where: { id: chapterId },
      select: { signatureFile: true, signatureMemberId: true },
    });
    expect(stored.signatureMemberId).toBe(ketuaMemberId);
    expect(stored.signatureFile).toMatch(/\.png$/);
    expect(await db.auditLog.count({ where: { chapterId, action: "chapter.images" } })).toBe(1);
  });

  it("prints the logo and the Ketua's signature with the Ketua's name on cards, the logo on the letterhead", async () => {
    const before = await pdfBytes(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    const listBefore = await pdfBytes(await run(memberListLoader, getRequest("/members.pdf", cookies.board)));
    const { action: chapterAction } = await import("~/routes/chapter");
    const upload = (await run(
      chapterAction,
      imageUpload(adminCookie, "logo", {
        bytes: await sharp(await png(800, 800))
          .jpeg()
          .toBuffer(),
        type: "image/jpeg",
        name: "logo.jpg",
      }),
    )) as Response;
    expect(await toastMessageOf(upload)).toBe("Logo tersimpan.");
    // stored re-encoded as PNG, within 600 x 600
    const logoFile = (await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { logoFile: true } })).logoFile!;
    const stored = await sharp(path.join(process.env.UPLOADS_DIR!, "chapter-images", logoFile)).metadata();
    expect(stored).toMatchObject({ format: "png", width: 600, height: 600 });

    const after = await pdfBytes(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    // the signature (saved above) was already there; the logo comes in addition
    expect(await imagesPainted(after)).toBe((await imagesPainted(before)) + 1);
    expect(await pdfText(before.slice())).toMatchObject({ text: expect.stringContaining("Rahmat Ketua Kartu") });
    const { text } = await pdfText(after);
    expect(text).toContain("Ketua,");
    expect(text).toContain("Rahmat Ketua Kartu");
    const listAfter = await pdfBytes(await run(memberListLoader, getRequest("/members.pdf", cookies.board)));
    expect(await imagesPainted(listAfter)).toBe((await imagesPainted(listBefore)) + (await pdfText(listAfter)).pages);
  });

  it("stops printing the signature when another member becomes Ketua", async () => {
    const signed = await pdfBytes(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    const holding = await db.positionHolding.findFirstOrThrow({ where: { memberId: ketuaMemberId }, select: { id: true } });
    await db.positionHolding.update({ where: { id: holding.id }, data: { endDate: new Date(Date.UTC(2020, 0, 1)) } });
    await buildBoardUser({ chapterId, kind: "ketua", email: "ketua-baru@cards.test", name: "Ketua Baru Kartu" });
    const bytes = await pdfBytes(
      await run(cardPdfLoader, getRequest(`/members/${otherMemberId}/card.pdf`, cookies.board), { id: otherMemberId }),
    );
    expect(await imagesPainted(bytes)).toBe((await imagesPainted(signed)) - 1); // the logo stays
    const { text } = await pdfText(bytes);
    expect(text).not.toContain("Rahmat Ketua Kartu");
    expect(text).not.toContain("Ketua Baru Kartu");
    const { loader: chapterLoader } = await import("~/routes/chapter");
    const page = dataOf<{ signatureInForce: boolean; ketuaName: string }>(await run(chapterLoader, getRequest("/chapter", adminCookie)));
    expect(page).toMatchObject({ signatureInForce: false, ketuaName: "Ketua Baru Kartu" });
  });
});
