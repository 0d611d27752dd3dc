// The scanned decree (SK) of a board period (documents.server.ts: PDF, JPEG or PNG up to 5 MB,
// checked by content); the period row keeps the file name and type.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
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

/**
 * Stores (or replaces) the scan. A file that is not a decree scan, or a storage fault, is
 * answered as `{ ok: false, error }` for the page's toast; the rights and the period as refusals.
 */
export async function saveSkScan(
  actor: Actor,
  periodId: string,
  upload: DocumentUpload | null,
): Promise<Outcome | { ok: false; error: DocumentError | "storage" }> {
  if (!can(actor, "update:leadership:chapter")) return forbidden();
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId: actor.chapterId },
    select: { id: true, skFile: true },
  });
  if (!period) return notFound(t("leadership.error.notFound"));
  const checked = checkDocument(upload);
  if ("error" in checked) return { ok: false, error: checked.error };

  const file = planDocument("leadership-sk", period.id, upload!.bytes, checked.extension);
  const fileName = file.fileName;
  const saved = await saveWithFiles([file], () =>
    db.$transaction(async (tx) => {
      await tx.leadershipPeriod.update({ where: { id: period.id }, data: { skFile: fileName, skFileType: checked.type } });
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
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
  return ok();
}

/** The stored scan of a period's SK (notFound when the period or its scan is missing). */
export async function readSkScan(actor: Actor, periodId: string): Promise<Outcome<{ bytes: Buffer; type: string; name: string }>> {
  if (!can(actor, "read:leadership:chapter")) return forbidden();
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId: actor.chapterId },
    select: { name: true, skFile: true, skFileType: true },
  });
  if (!period?.skFile || !period.skFileType) return notFound();
  const bytes = await readDocument("leadership-sk", period.skFile);
  return bytes ? ok({ bytes, type: period.skFileType, name: `SK ${period.name}.${period.skFile.split(".").pop()}` }) : notFound();
}
