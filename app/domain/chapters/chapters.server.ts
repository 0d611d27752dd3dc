// IPSM chapters (kab/kota, kecamatan, kelurahan) and the details that go on their letterhead:
// the texts, the logo, and the Ketua's signature for member cards (images uploaded on /chapter,
// re-encoded as PNG without metadata and kept in UPLOADS_DIR/chapter-images).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { removeFiles, saveWithFiles, type StorageFault } from "~/utils/uploads.server";

export const CHAPTER_LEVELS = ["kabkota", "kecamatan", "kelurahan"] as const;
export type ChapterLevel = (typeof CHAPTER_LEVELS)[number];

export type ChapterInput = {
  name: string;
  code: string;
  level: ChapterLevel;
  regionCode: string;
  parentId?: string | null;
  timeZone?: string;
  address: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  letterPlace: string;
  letterheadSubtitle: string;
};

export async function createChapter(input: ChapterInput) {
  return db.chapter.create({ data: input, select: { id: true, name: true, code: true } });
}

/** Everything a letter or PDF of the chapter needs for its letterhead. */
export async function getChapterLetterhead(chapterId: string) {
  return db.chapter
    .findUniqueOrThrow({
      where: { id: chapterId },
      select: {
        id: true,
        name: true,
        code: true,
        timeZone: true,
        address: true,
        phone: true,
        email: true,
        website: true,
        letterPlace: true,
        letterheadSubtitle: true,
        logoFile: true,
      },
    })
    .then(async ({ logoFile, ...chapter }) => ({ ...chapter, logo: logoFile ? await readChapterImageFile(logoFile) : null }));
}
export type ChapterLetterhead = Awaited<ReturnType<typeof getChapterLetterhead>>;

/** The registry settings of a chapter and the serial the next member number will carry. */
export async function getMemberSettings(chapterId: string) {
  return db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: { code: true, memberNumberPattern: true, memberNumberNext: true, cardValidityYears: true },
  });
}

export async function updateMemberSettings(input: {
  chapterId: string;
  actorId: string;
  memberNumberPattern: string;
  cardValidityYears: number;
}) {
  const before = await getMemberSettings(input.chapterId);
  const after = { memberNumberPattern: input.memberNumberPattern, cardValidityYears: input.cardValidityYears };
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: input.chapterId }, data: after });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "chapter.member-settings",
        entityType: "Chapter",
        entityId: input.chapterId,
        before: { memberNumberPattern: before.memberNumberPattern, cardValidityYears: before.cardValidityYears },
        after,
      },
      tx,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The logo and the Ketua's signature

export const CHAPTER_IMAGE_KINDS = ["logo", "signature"] as const;
export type ChapterImageKind = (typeof CHAPTER_IMAGE_KINDS)[number];
export const CHAPTER_IMAGE_MAX_BYTES = 1024 * 1024;
export const CHAPTER_IMAGE_TYPES = ["image/png", "image/jpeg"] as const;
/** The box a stored image fits inside; smaller images are not enlarged. */
const IMAGE_BOX: Record<ChapterImageKind, { width: number; height: number }> = {
  logo: { width: 600, height: 600 },
  signature: { width: 900, height: 360 },
};

/** type: not PNG/JPEG; size: over 1 MB; unreadable: does not decode; missing: no file; noKetua: no Ketua serving today. */
export type ChapterImageError = "type" | "size" | "unreadable" | "missing" | "noKetua";
export type ChapterImageUpload = { bytes: Uint8Array; type: string; size: number };

function chapterImageDir(): string {
  return path.resolve(getEnv().UPLOADS_DIR, "chapter-images");
}

function chapterImagePath(fileName: string): string {
  return path.join(chapterImageDir(), path.basename(fileName));
}

/** A stored image's bytes, or null when the file is missing. */
export async function readChapterImageFile(fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(chapterImagePath(fileName));
  } catch {
    return null;
  }
}

/**
 * Decodes the image (only real PNG or JPEG), turns it upright, fits it in the box and re-encodes
 * it as PNG (transparency kept, so that a signature sits on the card's background); sharp drops
 * EXIF and other metadata. Null when it does not decode.
 */
export async function normalizeChapterImage(bytes: Uint8Array, kind: ChapterImageKind): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: "error" });
    const { format } = await image.metadata();
    if (format !== "jpeg" && format !== "png") return null;
    return await image
      .rotate()
      .resize({ ...IMAGE_BOX[kind], fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    return null;
  }
}

/** The Ketua serving today in the chapter's active period, or null. */
export async function currentKetua(chapterId: string, today: Date): Promise<{ memberId: string; name: string } | null> {
  const holding = await db.positionHolding.findFirst({
    where: {
      position: { chapterId, kind: "ketua" },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { chapterId, status: "active" },
    },
    select: { member: { select: { id: true, fullName: true } } },
    orderBy: { startDate: "desc" },
  });
  return holding ? { memberId: holding.member.id, name: holding.member.fullName } : null;
}

/**
 * The logo and the Ketua's signature as the settings page shows them: the signature counts only
 * while the member who uploaded it as Ketua still is the Ketua (a new Ketua uploads their own).
 */
export async function getChapterImages(chapterId: string, now = new Date()) {
  const chapter = await db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: { name: true, timeZone: true, logoFile: true, signatureFile: true, signatureMemberId: true },
  });
  const ketua = await currentKetua(chapterId, calendarToday(chapter.timeZone, now));
  const signatureInForce = Boolean(chapter.signatureFile && ketua && chapter.signatureMemberId === ketua.memberId);
  return {
    chapterName: chapter.name,
    logoFile: chapter.logoFile,
    signatureFile: chapter.signatureFile,
    ketua,
    signatureInForce,
  };
}

/** What a member card prints besides the letterhead texts: the logo, and the Ketua's signature and name. */
export async function getCardSigns(
  chapterId: string,
  now = new Date(),
): Promise<{ logo: Buffer | null; signature: { image: Buffer; name: string } | null }> {
  const images = await getChapterImages(chapterId, now);
  const [logo, signature] = await Promise.all([
    images.logoFile ? readChapterImageFile(images.logoFile) : null,
    images.signatureInForce && images.signatureFile ? readChapterImageFile(images.signatureFile) : null,
  ]);
  return { logo, signature: signature && images.ketua ? { image: signature, name: images.ketua.name } : null };
}

/** The stored image of a kind (PNG bytes), or null; for the settings page's preview. */
export async function readChapterImage(chapterId: string, kind: ChapterImageKind): Promise<Buffer | null> {
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { logoFile: true, signatureFile: true } });
  const fileName = kind === "logo" ? chapter?.logoFile : chapter?.signatureFile;
  return fileName ? readChapterImageFile(fileName) : null;
}

export type ChapterImageResult = { ok: true } | { ok: false; error: ChapterImageError } | StorageFault;

function checkUpload(file: ChapterImageUpload | null): Exclude<ChapterImageError, "unreadable" | "noKetua"> | null {
  if (!file || file.size === 0 || file.bytes.length === 0) return "missing";
  if (!(CHAPTER_IMAGE_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size > CHAPTER_IMAGE_MAX_BYTES || file.bytes.length > CHAPTER_IMAGE_MAX_BYTES) return "size";
  return null;
}

/**
 * Sets the chapter's logo, or the signature of the Ketua serving today (who it belongs to is
 * kept, so that it stops printing when the Ketua changes); replaces and removes the old file;
 * audited. Nothing is saved on bad input.
 */
export async function saveChapterImage(input: {
  chapterId: string;
  actorId: string;
  kind: ChapterImageKind;
  file: ChapterImageUpload | null;
  now?: Date;
}): Promise<ChapterImageResult> {
  const problem = checkUpload(input.file);
  if (problem || !input.file) return { ok: false, error: problem ?? "missing" };
  const chapter = await db.chapter.findUniqueOrThrow({
    where: { id: input.chapterId },
    select: { timeZone: true, logoFile: true, signatureFile: true, signatureMemberId: true },
  });
  const ketua =
    input.kind === "signature" ? await currentKetua(input.chapterId, calendarToday(chapter.timeZone, input.now ?? new Date())) : null;
  if (input.kind === "signature" && !ketua) return { ok: false, error: "noKetua" };
  const png = await normalizeChapterImage(input.file.bytes, input.kind);
  if (!png) return { ok: false, error: "unreadable" };

  const fileName = `${input.chapterId}-${input.kind}-${randomBytes(8).toString("hex")}.png`;
  const oldFile = input.kind === "logo" ? chapter.logoFile : chapter.signatureFile;
  const data = input.kind === "logo" ? { logoFile: fileName } : { signatureFile: fileName, signatureMemberId: ketua!.memberId };
  const result = await saveWithFiles([{ path: chapterImagePath(fileName), bytes: png }], () =>
    db.$transaction(async (tx) => {
      await tx.chapter.update({ where: { id: input.chapterId }, data, select: { id: true } });
      await recordAudit(
        {
          actorId: input.actorId,
          chapterId: input.chapterId,
          action: "chapter.images",
          entityType: "Chapter",
          entityId: input.chapterId,
          before: input.kind === "logo" ? { logoFile: chapter.logoFile } : { signatureFile: chapter.signatureFile },
          after: input.kind === "logo" ? { logoFile: fileName } : { signatureFile: fileName, signatureMemberName: ketua!.name },
        },
        tx,
      );
      return { ok: true as const };
    }),
  );
  if (result.ok && oldFile) await removeFiles([chapterImagePath(oldFile)]);
  return result;
}

/** Removes the logo or the signature (and its file), audited. */
export async function removeChapterImage(input: { chapterId: string; actorId: string; kind: ChapterImageKind }): Promise<void> {
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { logoFile: true, signatureFile: true } });
  const oldFile = input.kind === "logo" ? chapter.logoFile : chapter.signatureFile;
  if (!oldFile) return;
  await db.$transaction(async (tx) => {
    await tx.chapter.update({
      where: { id: input.chapterId },
      data: input.kind === "logo" ? { logoFile: null } : { signatureFile: null, signatureMemberId: null },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "chapter.images",
        entityType: "Chapter",
        entityId: input.chapterId,
        before: input.kind === "logo" ? { logoFile: oldFile } : { signatureFile: oldFile },
        after: input.kind === "logo" ? { logoFile: null } : { signatureFile: null },
      },
      tx,
    );
  });
  await removeFiles([chapterImagePath(oldFile)]);
}
