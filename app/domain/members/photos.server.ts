// Member photos for the card: JPEG or PNG up to 2 MB, checked by decoding, resized and stored
// as JPEG without metadata in UPLOADS_DIR/member-photos (outside the database; the member row
// keeps only the file name).
import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { can, canAny, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t, type MessageKey } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
/** The box a stored photo fits inside (3:4 portrait); smaller photos are not enlarged. */
const PHOTO_BOX = { width: 600, height: 800 } as const;
const JPEG_QUALITY = 82;

/** type: not JPEG/PNG; size: over 2 MB; unreadable: does not decode; missing: no file chosen. */
type PhotoError = "type" | "size" | "unreadable" | "missing";
export type PhotoUpload = { bytes: Uint8Array; type: string; size: number };

/** Why a photo was refused, in Indonesian: the member page shows it as a toast. */
const PHOTO_ERROR_MESSAGES: Record<PhotoError | "storage", MessageKey> = {
  type: "photo.error.type",
  size: "photo.error.size",
  unreadable: "photo.error.unreadable",
  missing: "photo.error.missing",
  storage: "upload.storageFault",
};

/** The refusal of a photo that cannot be used (its message under the field "photo"). */
function photoRefused(error: PhotoError | "storage") {
  return invalid({ photo: t(PHOTO_ERROR_MESSAGES[error]) });
}

function photoDir(): string {
  return path.resolve(getEnv().UPLOADS_DIR, "member-photos");
}

/** The path of a stored photo; basename() keeps a tampered file name inside the folder. */
function photoPath(fileName: string): string {
  return path.join(photoDir(), path.basename(fileName));
}

/** Checks what can be checked without decoding: presence, declared type, size. */
function checkPhotoUpload(file: PhotoUpload | null): PhotoError | null {
  if (!file || file.size === 0 || file.bytes.length === 0) return "missing";
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size > PHOTO_MAX_BYTES || file.bytes.length > PHOTO_MAX_BYTES) return "size";
  return null;
}

/**
 * Decodes the image (only real JPEG or PNG), turns it upright, fits it inside the box (600x800
 * for a card) and
 * re-encodes it as JPEG; sharp drops EXIF/GPS and other metadata. Null when it does not decode.
 */
export async function normalizePhoto(bytes: Uint8Array, box: { width: number; height: number } = PHOTO_BOX): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: "error" });
    const { format } = await image.metadata();
    if (format !== "jpeg" && format !== "png") return null;
    return await image
      .rotate()
      .resize({ ...box, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  }
}

async function deletePhotoFile(fileName: string): Promise<void> {
  await rm(photoPath(fileName), { force: true });
}

/** Removes a photo file no member uses any more; a file that cannot be removed is left alone. */
export async function deletePhotoFileQuietly(fileName: string): Promise<void> {
  await deletePhotoFile(fileName).catch(() => undefined);
}

/** Sets the photo of a member of the actor's chapter (replacing and deleting the old file), audited. */
export async function saveMemberPhoto(actor: Actor, memberId: string, file: PhotoUpload | null): Promise<Outcome<{ fileName: string }>> {
  if (!can(actor, "update:member:chapter")) return forbidden();
  const { chapterId } = actor;
  const problem = checkPhotoUpload(file);
  if (problem || !file) return photoRefused(problem ?? "missing");
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId },
    select: { photoFile: true },
  });
  if (!member) return notFound();
  const jpeg = await normalizePhoto(file.bytes);
  if (!jpeg) return photoRefused("unreadable");

  const fileName = `${memberId}-${randomBytes(8).toString("hex")}.jpg`;
  const saved = await saveWithFiles([{ path: photoPath(fileName), bytes: jpeg }], () =>
    db.$transaction(async (tx) => {
      await tx.member.update({ where: { id: memberId }, data: { photoFile: fileName }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId,
          action: "member.photo.update",
          entityType: "Member",
          entityId: memberId,
          before: { photoFile: member.photoFile },
          after: { photoFile: fileName },
        },
        tx,
      );
    }),
  );
  if (isStorageFault(saved)) return photoRefused("storage");
  if (member.photoFile) await deletePhotoFile(member.photoFile);
  return ok({ fileName });
}

/** The stored photo (JPEG bytes) of a member of the actor's chapter: for the board, and for the member themselves. */
export async function readMemberPhoto(actor: Actor, memberId: string): Promise<Outcome<{ photo: Buffer }>> {
  if (!canAny(actor, ["read:member:chapter", "read:member:own"])) return forbidden();
  const isOwnPhoto = actor.memberId === memberId && can(actor, "read:member:own");
  if (!isOwnPhoto && !can(actor, "read:member:chapter")) return forbidden();
  const member = await db.member.findFirst({ where: { id: memberId, chapterId: actor.chapterId }, select: { photoFile: true } });
  const photo = member?.photoFile ? await readPhotoFile(member.photoFile) : null;
  return photo ? ok({ photo }) : notFound();
}

/** Reads a stored photo by its file name (never outside the photo folder); null when missing. */
async function readPhotoFile(fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(photoPath(fileName));
  } catch {
    return null;
  }
}

/** Adds each item's photo bytes (null without a photo), for printing cards. */
export async function attachPhotos<T extends { photoFile: string | null }>(items: T[]): Promise<(T & { photo: Buffer | null })[]> {
  return Promise.all(items.map(async (item) => ({ ...item, photo: item.photoFile ? await readPhotoFile(item.photoFile) : null })));
}
