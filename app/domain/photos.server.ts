// Member photos for the card: JPEG or PNG up to 2 MB, checked by decoding, resized and stored
// as JPEG without metadata in UPLOADS_DIR/member-photos (outside the database).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAudit } from "~/utils/audit.server";

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
const PHOTO_BOX = { width: 600, height: 800 };

export type PhotoError = "type" | "size" | "unreadable" | "missing";

function photoDir() {
  return path.resolve(getEnv().UPLOADS_DIR, "member-photos");
}

/** Resizes within 600x800 and re-encodes as JPEG (metadata dropped); null when not a readable image. */
export async function normalizePhoto(bytes: Uint8Array): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: "error" });
    const meta = await image.metadata();
    if (meta.format !== "jpeg" && meta.format !== "png") return null;
    return await image
      .rotate()
      .resize({ ...PHOTO_BOX, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  }
}

export async function saveMemberPhoto(input: {
  memberId: string;
  chapterId: string;
  actorId: string;
  file: { bytes: Uint8Array; type: string } | null;
}): Promise<{ ok: true } | { ok: false; error: PhotoError }> {
  if (!input.file || input.file.bytes.length === 0) return { ok: false, error: "missing" };
  if (!(PHOTO_TYPES as readonly string[]).includes(input.file.type)) return { ok: false, error: "type" };
  if (input.file.bytes.length > PHOTO_MAX_BYTES) return { ok: false, error: "size" };
  const member = await db.member.findFirst({
    where: { id: input.memberId, chapterId: input.chapterId },
    select: { photoFile: true },
  });
  if (!member) return { ok: false, error: "missing" };
  const jpeg = await normalizePhoto(input.file.bytes);
  if (!jpeg) return { ok: false, error: "unreadable" };

  const fileName = `${input.memberId}-${randomBytes(6).toString("hex")}.jpg`;
  await mkdir(photoDir(), { recursive: true });
  await writeFile(path.join(photoDir(), fileName), jpeg);
  await db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: input.memberId }, data: { photoFile: fileName } });
    await recordAudit(
      {
        actorId: input.actorId,
        chapterId: input.chapterId,
        action: "member.photo.update",
        entityType: "Member",
        entityId: input.memberId,
        before: { photoFile: member.photoFile },
        after: { photoFile: fileName },
      },
      tx,
    );
  });
  if (member.photoFile) await rm(path.join(photoDir(), path.basename(member.photoFile)), { force: true });
  return { ok: true };
}

/** The stored photo of a member of the chapter, or null. */
export async function readMemberPhoto(chapterId: string, memberId: string): Promise<Buffer | null> {
  const member = await db.member.findFirst({ where: { id: memberId, chapterId }, select: { photoFile: true } });
  return member?.photoFile ? readPhotoFile(member.photoFile) : null;
}

/** Reads a stored photo by its file name (never outside the photo folder). */
export async function readPhotoFile(fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(path.join(photoDir(), path.basename(fileName)));
  } catch {
    return null;
  }
}
