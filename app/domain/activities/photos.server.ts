// Evidence photos of activities: up to three per activity, JPEG or PNG (the browser compresses
// them before upload), decoded and re-encoded here as JPEG without metadata (no GPS), fitted in
// 1600 px, stored in UPLOADS_DIR/activity-photos; the row keeps the file name.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db, type Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { saveWithFiles, type FileToStore } from "~/utils/uploads.server";
import { MAX_PHOTOS } from "~/validation/activities";
import { normalizePhoto } from "~/domain/members/photos.server";
import { invalid, ok, type Invalid } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";

export const ACTIVITY_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const BOX = { width: 1600, height: 1600 };

function folder() {
  return path.resolve(getEnv().UPLOADS_DIR, "activity-photos");
}

/**
 * Checks and converts the photos of a form before anything is saved: a file that is not an
 * image, too large, or one photo too many is refused (the activity is then not saved either).
 */
export async function preparePhotos(
  files: { bytes: Uint8Array; size: number }[],
  alreadyStored = 0,
): Promise<{ ok: true; jpegs: Buffer[] } | Invalid> {
  if (files.length + alreadyStored > MAX_PHOTOS) return invalid({ photos: t("activities.photos.error.tooMany") });
  const jpegs: Buffer[] = [];
  for (const file of files) {
    if (file.size > ACTIVITY_PHOTO_MAX_BYTES) return invalid({ photos: t("activities.photos.error.size") });
    const jpeg = await normalizePhoto(file.bytes, BOX);
    if (!jpeg) return invalid({ photos: t("activities.photos.error.type") });
    jpegs.push(jpeg);
  }
  return ok({ jpegs });
}

/** A prepared photo as it is stored: its file name (kept on the row) and the file to write. */
export type PhotoFile = { name: string; file: FileToStore };

/** The files of prepared photos (random names), to write with saveWithFiles before their rows. */
export function photoFiles(jpegs: Buffer[]): PhotoFile[] {
  return jpegs.map((jpeg) => {
    const name = `${randomBytes(12).toString("hex")}.jpg`;
    return { name, file: { path: path.join(folder(), name), bytes: jpeg } };
  });
}

/** Records stored photo files on the activity, in the transaction that saves it. */
export async function recordPhotos(tx: Pick<Prisma.TransactionClient, "activityPhoto">, activityId: string, photos: PhotoFile[]) {
  if (photos.length) await tx.activityPhoto.createMany({ data: photos.map((p) => ({ activityId, file: p.name })) });
}

/** Writes prepared photos and records them on an activity already saved, both or neither. */
export async function storePhotos(activityId: string, jpegs: Buffer[]) {
  const photos = photoFiles(jpegs);
  return saveWithFiles(
    photos.map((p) => p.file),
    () => recordPhotos(db, activityId, photos),
  );
}

/** A photo's bytes, for those who may see the activity. */
export async function readActivityPhoto(chapterId: string, activityId: string, photoId: string) {
  const photo = await db.activityPhoto.findFirst({ where: { id: photoId, activityId, activity: { chapterId } }, select: { file: true } });
  if (!photo) return null;
  try {
    return await readFile(path.join(folder(), path.basename(photo.file)));
  } catch {
    return null;
  }
}
