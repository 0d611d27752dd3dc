// The scanned decree (SK) of a board period (documents.server.ts: PDF, JPEG or PNG up to 5 MB,
// checked by content); the period row keeps the file name and type.
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import {
  checkDocument,
  planDocument,
  readDocument,
  removeDocument,
  type DocumentError,
  type DocumentUpload,
} from "~/domain/shared/scans.server";

export async function saveSkScan(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  file: DocumentUpload | null;
}): Promise<{ ok: true } | { ok: false; error: DocumentError | "notFound" | "storage" }> {
  const checked = checkDocument(input.file);
  if ("error" in checked) return { ok: false, error: checked.error };
  const period = await db.leadershipPeriod.findFirst({
    where: { id: input.periodId, chapterId: input.chapterId },
    select: { id: true, skFile: true },
  });
  if (!period) return { ok: false, error: "notFound" };

  const file = planDocument("leadership-sk", period.id, input.file!.bytes, checked.extension);
  const fileName = file.fileName;
  const saved = await saveWithFiles([file], () =>
    db.$transaction(async (tx) => {
      await tx.leadershipPeriod.update({ where: { id: period.id }, data: { skFile: fileName, skFileType: checked.type } });
      await recordAudit(
        {
          actorId: input.actorId,
          chapterId: input.chapterId,
          action: "leadership.period.sk",
          entityType: "LeadershipPeriod",
          entityId: period.id,
          before: { skFile: period.skFile },
          after: { skFile: fileName, type: checked.type },
        },
        tx,
      );
    }),
  );
  if (isStorageFault(saved)) return { ok: false, error: "storage" };
  if (period.skFile) await removeDocument("leadership-sk", period.skFile);
  return { ok: true };
}

/** The stored scan of a period's SK, or null. */
export async function readSkScan(chapterId: string, periodId: string) {
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId },
    select: { name: true, skFile: true, skFileType: true },
  });
  if (!period?.skFile || !period.skFileType) return null;
  const bytes = await readDocument("leadership-sk", period.skFile);
  return bytes ? { bytes, type: period.skFileType, name: `SK ${period.name}.${period.skFile.split(".").pop()}` } : null;
}
