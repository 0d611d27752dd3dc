// A closed chapter (Chapter.closedAt) keeps all its records but takes nothing new: no member,
// no activity. The areas that add them ask here first (docs/decisions/016: the rule lives in the domain).
import { conflict, type Conflict } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";

/** A conflict when the chapter is closed; null when it is open. */
export async function refuseIfClosed(chapterId: string): Promise<Conflict | null> {
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { closedAt: true } });
  return chapter?.closedAt ? conflict(t("chapters.error.closed")) : null;
}
