// What the training modules share: the audit entry of a change, the catalogue a chapter sees
// (national entries and its own), and who may read and record trainings.
import { can, type Actor } from "~/domain/shared/actor.server";
import { recordAudit } from "~/utils/audit.server";
import type { Prisma } from "~/utils/db.server";

export type Tx = Prisma.TransactionClient;

export function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(
    { actorId: actor.userId, chapterId: actor.chapterId, action, entityType: entity.type, entityId: entity.id, ...change },
    tx,
  );
}

/** Courses and competencies visible to a chapter: national ones and its own. */
export const visibleTo = (chapterId: string) => ({ OR: [{ chapterId: null }, { chapterId }] });

/** What the actor may do with the chapter's trainings: read them (the board) and record them (the Sekretaris). */
export function trainingRights(actor: Actor) {
  return { board: can(actor, "read:training:chapter"), canManage: can(actor, "update:training:chapter") };
}
