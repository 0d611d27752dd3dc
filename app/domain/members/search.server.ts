// The one member search (docs/decisions/030): what a search box finds among a chapter's members,
// used by the member list and its exports, the pickers (board positions, training events), the
// audit log's member filter and the co-volunteer picker.
//
// Three characters or more are looked up in "MemberSearch", an FTS5 index of trigrams over name,
// member number, NIK and phone that triggers on "Member" keep in step (migration
// 20261204100948). A phrase of trigrams finds exactly the rows whose text holds the query, with
// case and accents folded, so it finds every member the old `LIKE '%...%'` found (and "andre"
// also finds "André"). One or two characters have no trigram: those few searches scan the
// chapter with LIKE, as before.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

/** Where the search looks: name and member number, and, for those who may see them, NIK and phone. */
export type MemberSearchFields = "nameOrNumber" | "withNikAndPhone";

/** Fewer characters than this have no trigram and are searched with LIKE. */
const TRIGRAM = 3;

/** The query as an FTS5 string: a phrase, its double quotes doubled, so operators typed by users are plain text. */
const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A LIKE pattern holding the text anywhere, its wildcards escaped (with ESCAPE '\'). */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The digits of a NIK or phone search: four or more digits typed in any form ("0812-3456",
 * "+62 812 3456", "6171 0512"). A phone is stored as E.164 (+62812...): a leading 0 of the
 * national form is dropped, so "0812" looks for "812".
 */
function identityDigits(text: string): { nik: string; phone: string } | null {
  const digits = text.replace(/\D/g, "");
  return digits.length >= 4 ? { nik: digits, phone: digits.replace(/^0/, "") } : null;
}

/**
 * An SQL condition on the "Member" row aliased `alias` that holds for the members the search text
 * finds; null for an empty search (everyone). The text is taken as typed (trimmed): quotes, `*`,
 * `AND`, `-` are characters to find, never operators.
 */
export function memberSearchCondition(
  search: string | undefined | null,
  fields: MemberSearchFields = "nameOrNumber",
  alias = "m",
): Prisma.Sql | null {
  const text = (search ?? "").trim();
  if (!text) return null;
  const m = Prisma.raw(`"${alias}"`);
  const identity = fields === "withNikAndPhone" ? identityDigits(text) : null;
  if ([...text].length >= TRIGRAM) {
    const expression = [
      `{name number} : ${phrase(text)}`,
      ...(identity ? [`nik : ${phrase(identity.nik)}`, `phone : ${phrase(identity.phone)}`] : []),
    ].join(" OR ");
    return Prisma.sql`${m}."rowid" IN (SELECT "rowid" FROM "MemberSearch" WHERE "MemberSearch" MATCH ${expression})`;
  }
  // One or two characters: no trigram, so LIKE over the chapter (no NIK or phone: they need four digits).
  const pattern = containsPattern(text);
  return Prisma.sql`(${m}."fullName" LIKE ${pattern} ESCAPE '\\' OR ${m}."memberNumber" LIKE ${pattern} ESCAPE '\\')`;
}

/**
 * The ids of the chapter's members that match the search and the extra condition (on alias
 * "m"), by name (then id), at most `take`: for pickers, which then read what they show by id.
 */
export async function searchMemberIds(input: {
  chapterId: string;
  search?: string | null;
  fields?: MemberSearchFields;
  where?: Prisma.Sql;
  take: number;
}): Promise<string[]> {
  const conditions = [
    Prisma.sql`m."chapterId" = ${input.chapterId}`,
    ...(input.where ? [input.where] : []),
    ...[memberSearchCondition(input.search, input.fields)].filter((c) => c !== null),
  ];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM "Member" m WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY m."fullName", m."id" LIMIT ${input.take}`;
  return rows.map((row) => row.id);
}

/** Rows read by id put back in the order of the ids (a row not found is left out). */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
