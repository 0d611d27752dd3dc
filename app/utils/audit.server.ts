import { db } from "./db.server";
import type { Prisma } from "./db.server";

export type AuditEntry = {
  actorId: string | null;
  chapterId?: string | null;
  /** "<area>.<verb>", e.g. "member.create", "member.nik.view", "auth.login" */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

type Client = Pick<Prisma.TransactionClient, "auditLog">;

/**
 * Writes one audit record. Pass the transaction client when the change it records happens in a
 * transaction, so that both commit or neither does.
 */
export async function recordAudit(entry: AuditEntry, client: Client = db) {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      chapterId: entry.chapterId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
