// IPSM chapters (kab/kota, kecamatan, kelurahan) and the details that go on their letterhead:
// the texts, the logo, and the Ketua's signature for member cards (images uploaded on /chapter,
// re-encoded as PNG without metadata and kept in UPLOADS_DIR/chapter-images).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t, type MessageKey } from "~/i18n";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isStorageFault, removeFiles, saveWithFiles } from "~/utils/uploads.server";

export type { ChapterLevel } from "~/generated/prisma/enums";
import type { ChapterLevel } from "~/generated/prisma/enums";

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

function memberSettingsOf(chapterId: string) {
  return db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: { code: true, memberNumberPattern: true, memberNumberNext: true, cardValidityYears: true },
  });
}

/** The registry settings of the actor's chapter and the serial the next member number will carry (those who keep the registry). */
export async function getMemberSettings(actor: Actor) {
  if (!can(actor, "update:member:chapter")) return forbidden();
  return ok({ settings: await memberSettingsOf(actor.chapterId) });
}

/** Sets the member number pattern and the cards' validity of the actor's chapter; audited. */
export async function updateMemberSettings(
  actor: Actor,
  input: { memberNumberPattern: string; cardValidityYears: number },
): Promise<Outcome> {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const before = await memberSettingsOf(actor.chapterId);
  const after = { memberNumberPattern: input.memberNumberPattern, cardValidityYears: input.cardValidityYears };
  await db.$transaction(async (tx) => {
    await tx.chapter.update({ where: { id: actor.chapterId }, data: after });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.member-settings",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before: { memberNumberPattern: before.memberNumberPattern, cardValidityYears: before.cardValidityYears },
        after,
      },
      tx,
    );
  });
  return ok();
}

/** The chapter's retention periods (docs/privacy.md), for those who may erase members' data. */
export async function getRetentionSettings(actor: Actor) {
  if (!can(actor, "erase:member:chapter")) return forbidden();
  const settings = await db.chapter.findUniqueOrThrow({
    where: { id: actor.chapterId },
    select: { memberRetentionMonths: true, caseIdentifierRetentionMonths: true },
  });
  return ok({ settings });
}

/** Sets the chapter's retention periods; audited. */
export async function updateRetentionSettings(
  actor: Actor,
  input: { memberRetentionMonths: number; caseIdentifierRetentionMonths: number },
): Promise<Outcome> {
  if (!can(actor, "erase:member:chapter")) return forbidden();
  await db.$transaction(async (tx) => {
    const before = await tx.chapter.findUniqueOrThrow({
      where: { id: actor.chapterId },
      select: { memberRetentionMonths: true, caseIdentifierRetentionMonths: true },
    });
    await tx.chapter.update({ where: { id: actor.chapterId }, data: input, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.retention",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before,
        after: input,
      },
      tx,
    );
  });
  return ok();
}

// ---------------------------------------------------------------------------------------------
// Switching chapters (administrators)

/** The chapters an administrator can switch to, by name; none for anyone else. */
export async function chaptersToSwitch(actor: Actor): Promise<{ id: string; name: string }[] | null> {
  if (!can(actor, "manage:chapter:any")) return null;
  return db.chapter.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** An administrator chooses the chapter to work in for this session (`sessionId`: the request's session). */
export async function switchSessionChapter(actor: Actor, sessionId: string, chapterId: string) {
  if (!can(actor, "manage:chapter:any")) return forbidden();
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { id: true, name: true } });
  if (!chapter) return notFound();
  await db.session.update({ where: { id: sessionId }, data: { activeChapterId: chapter.id } });
  return ok({ chapter });
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
type ChapterImageError = "type" | "size" | "unreadable" | "missing" | "noKetua";
const IMAGE_ERRORS: Record<ChapterImageError, MessageKey> = {
  type: "chapterImages.error.type",
  size: "chapterImages.error.size",
  unreadable: "chapterImages.error.unreadable",
  missing: "chapterImages.error.missing",
  noKetua: "chapterImages.error.noKetua",
};
/** A refused image: the sentence for the whole form (the page shows it as a toast) and for the file field. */
function imageRefused(error: ChapterImageError | "storage") {
  const message = error === "storage" ? t("upload.storageFault") : t(IMAGE_ERRORS[error]);
  return invalid({ image: message }, message);
}
const isImageKind = (value: string): value is ChapterImageKind => (CHAPTER_IMAGE_KINDS as readonly string[]).includes(value);
const unknownKind = () => invalid({ kind: t("chapterImages.error.kind") }, t("chapterImages.error.kind"));
const managesChapters = (actor: Actor) => can(actor, "manage:chapter:any");

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
 * The logo and the Ketua's signature of a chapter: the signature counts only while the member
 * who uploaded it as Ketua still is the Ketua (a new Ketua uploads their own).
 */
async function chapterImagesOf(chapterId: string, now: Date) {
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
  const images = await chapterImagesOf(chapterId, now);
  const [logo, signature] = await Promise.all([
    images.logoFile ? readChapterImageFile(images.logoFile) : null,
    images.signatureInForce && images.signatureFile ? readChapterImageFile(images.signatureFile) : null,
  ]);
  return { logo, signature: signature && images.ketua ? { image: signature, name: images.ketua.name } : null };
}

/**
 * The settings page of the actor's chapter (administrators): the logo, the signature, the Ketua
 * serving today and whether the signature prints; the file names change with every upload.
 */
export async function getChapterImages(actor: Actor, now = new Date()) {
  if (!managesChapters(actor)) return forbidden();
  return ok({ images: await chapterImagesOf(actor.chapterId, now) });
}

/** The stored image of a kind (PNG bytes) of the actor's chapter, for the settings page's preview; not found for an unknown kind or no image. */
export async function readChapterImage(actor: Actor, kind: string) {
  if (!managesChapters(actor)) return forbidden();
  if (!isImageKind(kind)) return notFound();
  const chapter = await db.chapter.findUnique({ where: { id: actor.chapterId }, select: { logoFile: true, signatureFile: true } });
  const fileName = kind === "logo" ? chapter?.logoFile : chapter?.signatureFile;
  const png = fileName ? await readChapterImageFile(fileName) : null;
  return png ? ok({ png }) : notFound();
}

function checkUpload(file: ChapterImageUpload | null): Exclude<ChapterImageError, "unreadable" | "noKetua"> | null {
  if (!file || file.size === 0 || file.bytes.length === 0) return "missing";
  if (!(CHAPTER_IMAGE_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size > CHAPTER_IMAGE_MAX_BYTES || file.bytes.length > CHAPTER_IMAGE_MAX_BYTES) return "size";
  return null;
}

/**
 * Sets the logo of the actor's chapter, or the signature of the Ketua serving today (who it
 * belongs to is kept, so that it stops printing when the Ketua changes); replaces and removes
 * the old file; audited. Nothing is saved on bad input (refused as invalid, with the sentence).
 */
export async function saveChapterImage(
  actor: Actor,
  kind: string,
  file: ChapterImageUpload | null,
  now = new Date(),
): Promise<Outcome<{ kind: ChapterImageKind }>> {
  if (!managesChapters(actor)) return forbidden();
  if (!isImageKind(kind)) return unknownKind();
  const problem = checkUpload(file);
  if (problem || !file) return imageRefused(problem ?? "missing");
  const chapterId = actor.chapterId;
  const chapter = await db.chapter.findUniqueOrThrow({
    where: { id: chapterId },
    select: { timeZone: true, logoFile: true, signatureFile: true, signatureMemberId: true },
  });
  const ketua = kind === "signature" ? await currentKetua(chapterId, calendarToday(chapter.timeZone, now)) : null;
  if (kind === "signature" && !ketua) return imageRefused("noKetua");
  const png = await normalizeChapterImage(file.bytes, kind);
  if (!png) return imageRefused("unreadable");

  const fileName = `${chapterId}-${kind}-${randomBytes(8).toString("hex")}.png`;
  const oldFile = kind === "logo" ? chapter.logoFile : chapter.signatureFile;
  const data = kind === "logo" ? { logoFile: fileName } : { signatureFile: fileName, signatureMemberId: ketua!.memberId };
  const result = await saveWithFiles([{ path: chapterImagePath(fileName), bytes: png }], () =>
    db.$transaction(async (tx) => {
      await tx.chapter.update({ where: { id: chapterId }, data, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId,
          action: "chapter.images",
          entityType: "Chapter",
          entityId: chapterId,
          before: kind === "logo" ? { logoFile: chapter.logoFile } : { signatureFile: chapter.signatureFile },
          after: kind === "logo" ? { logoFile: fileName } : { signatureFile: fileName, signatureMemberName: ketua!.name },
        },
        tx,
      );
    }),
  );
  if (isStorageFault(result)) return imageRefused("storage");
  if (oldFile) await removeFiles([chapterImagePath(oldFile)]);
  return ok({ kind });
}

/** Removes the logo or the signature of the actor's chapter (and its file), audited; nothing to remove is fine. */
export async function removeChapterImage(actor: Actor, kind: string): Promise<Outcome<{ kind: ChapterImageKind }>> {
  if (!managesChapters(actor)) return forbidden();
  if (!isImageKind(kind)) return unknownKind();
  const chapterId = actor.chapterId;
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { logoFile: true, signatureFile: true } });
  const oldFile = kind === "logo" ? chapter.logoFile : chapter.signatureFile;
  if (!oldFile) return ok({ kind });
  await db.$transaction(async (tx) => {
    await tx.chapter.update({
      where: { id: chapterId },
      data: kind === "logo" ? { logoFile: null } : { signatureFile: null, signatureMemberId: null },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId,
        action: "chapter.images",
        entityType: "Chapter",
        entityId: chapterId,
        before: kind === "logo" ? { logoFile: oldFile } : { signatureFile: oldFile },
        after: kind === "logo" ? { logoFile: null } : { signatureFile: null },
      },
      tx,
    );
  });
  await removeFiles([chapterImagePath(oldFile)]);
  return ok({ kind });
}
