// Every board change is audited under its period (entityType "LeadershipPeriod") unless it
// concerns another entity (a position of the catalogue).
import type { Actor } from "~/domain/shared/actor.server";
import { recordAudit } from "~/utils/audit.server";
import type { Prisma } from "~/utils/db.server";

export type Tx = Prisma.TransactionClient;

/** Records a board change in the transaction, under its period unless another entity is given. */
export function audit(
  tx: Tx,
  actor: Pick<Actor, "userId" | "chapterId">,
  action: string,
  entity: string | { type: string; id: string },
  change: { before?: unknown; after?: unknown },
) {
  const { type, id } = typeof entity === "string" ? { type: "LeadershipPeriod", id: entity } : entity;
  return recordAudit({ actorId: actor.userId, chapterId: actor.chapterId, action, entityType: type, entityId: id, ...change }, tx);
}
