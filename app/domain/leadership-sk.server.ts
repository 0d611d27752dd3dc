// The scanned decree (SK) of a board period: PDF, JPEG or PNG up to 5 MB, recognised by its
// first bytes (not by the name or the type the browser claims), stored in
// UPLOADS_DIR/leadership-sk; the period row keeps the file name and type.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const SK_MAX_BYTES = 5 * 1024 * 1024;

export type SkScanError = "missing" | "type" | "size";
export type SkUpload = { bytes: Uint8Array; size: number };

const SIGNATURES: { type: string; extension: string; bytes: number[] }[] = [
  { type: "application/pdf", extension: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "image/jpeg", extension: "jpg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", extension: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The kind of file the bytes are, judged by their signature; null for anything else. */
export function sniffSkScan(bytes: Uint8Array) {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b)) ?? null;
}

function skDir() {
  return path.resolve(getEnv().UPLOADS_DIR, "leadership-sk");
}

function skPath(fileName: string) {
  return path.join(skDir(), path.basename(fileName));
}

export async function saveSkScan(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  file: SkUpload | null;
}): Promise<{ ok: true } | { ok: false; error: SkScanError | "notFound" }> {
  const file = input.file;
  if (!file || file.size === 0) return { ok: false, error: "missing" };
  if (file.size > SK_MAX_BYTES || file.bytes.length > SK_MAX_BYTES) return { ok: false, error: "size" };
  const kind = sniffSkScan(file.bytes);
  if (!kind) return { ok: false, error: "type" };
  const period = await db.leadershipPeriod.findFirst({
    where: { id: input.periodId, chapterId: input.chapterId },
    select: { id: true, skFile: true },
  });
  if (!period) return { ok: false, error: "notFound" };

  const fileName = `${period.id}-${randomBytes(8).toString("hex")}.${kind.extension}`;
  await mkdir(skDir(), { recursive: true });
  await writeFile(skPath(fileName), file.bytes);
  try {
    await db.$transaction(async (tx) => {
      await tx.leadershipPeriod.update({ where: { id: period.id }, data: { skFile: fileName, skFileType: kind.type } });
      await recordAudit(
        {
          actorId: input.actorId,
          chapterId: input.chapterId,
          action: "leadership.period.sk",
          entityType: "LeadershipPeriod",
          entityId: period.id,
          before: { skFile: period.skFile },
          after: { skFile: fileName, type: kind.type },
        },
        tx,
      );
    });
  } catch (error) {
    await rm(skPath(fileName), { force: true });
    throw error;
  }
  if (period.skFile) await rm(skPath(period.skFile), { force: true });
  return { ok: true };
}

/** The stored scan of a period's SK, or null. */
export async function readSkScan(chapterId: string, periodId: string) {
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId },
    select: { name: true, skFile: true, skFileType: true },
  });
  if (!period?.skFile || !period.skFileType) return null;
  try {
    const bytes = await readFile(skPath(period.skFile));
    return { bytes, type: period.skFileType, name: `SK ${period.name}.${period.skFile.split(".").pop()}` };
  } catch {
    return null;
  }
}
