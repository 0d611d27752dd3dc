import { db } from "./db.server";
import type { Prisma } from "./db.server";
import { maskNik } from "./format";

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
 * transaction, so that both commit or neither does. NIK and KK numbers in before/after are
 * masked on the way in (docs/decisions/005): the log is read more widely than the registry.
 */
export async function recordAudit(entry: AuditEntry, client: Client = db) {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      chapterId: entry.chapterId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: auditJson(entry.before),
      after: auditJson(entry.after),
    },
  });
}

/** What the before/after column keeps: JSON with identifiers masked, or null. */
function auditJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(maskIdentifiers(value));
}

/** Keys whose value is an NIK or KK number (a member's, or a resident's in a follow-up). */
const IDENTIFIER_KEY = /^(nik|kk|nokk|nomorkk|kknumber|familycardnumber|caseidentifier)$/i;
const IDENTIFIER_SUFFIX = /(Nik|Kk|Identifier)$/;
/**
 * 16 digits standing alone, possibly grouped by spaces, dots or dashes ("6171 0101 ..."). A run
 * of digits inside a word (a hexadecimal content hash, a code) is not a number someone typed.
 */
const SIXTEEN_DIGITS = /(?<![\dA-Za-z])\d(?:[ .-]?\d){15}(?![\dA-Za-z])/g;

function maskIdentifierText(text: string): string {
  if (text.includes("*")) return text;
  const digits = text.replace(/\D/g, "");
  return digits.length === 0 ? text : maskNik(digits);
}

/**
 * A copy of an audit value with NIK/KK numbers masked like `6171********0003`: every value of
 * an identifier key (nik, kk, caseIdentifier, ...Nik), and any 16-digit number anywhere else
 * (a search typed into a filter, a note). Used by the writer and again by the reader, for
 * records written before masking was complete.
 */
export function maskIdentifiers(value: unknown, key = ""): unknown {
  const isIdentifierKey = key !== "" && (IDENTIFIER_KEY.test(key) || IDENTIFIER_SUFFIX.test(key));
  if (typeof value === "string") {
    if (isIdentifierKey) return maskIdentifierText(value);
    return value.replace(SIXTEEN_DIGITS, (match) => maskNik(match.replace(/\D/g, "")));
  }
  if (typeof value === "number" || typeof value === "bigint") {
    const text = String(value);
    if (isIdentifierKey || /^\d{16}$/.test(text)) return maskIdentifierText(text);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => maskIdentifiers(item, key));
  if (value && typeof value === "object") {
    if (value instanceof Date) return value;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskIdentifiers(v, k)]));
  }
  return value;
}
