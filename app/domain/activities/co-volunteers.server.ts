// Co-volunteers: the members a volunteer names as having worked with them on an activity. One
// rule decides who can be named (an active member of the actor's chapter, never the author):
// the picker's search, its quick "recent" chips and the check of a submitted form all use it.
// The form never receives the chapter's member list: it searches by two or more letters of a
// name or by member number (GET /activities/co-volunteers?q=...).
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, ok, type Outcome } from "~/domain/shared/outcome.server";
import { Prisma } from "~/generated/prisma/client";
import { notInRunningImport, notInRunningImportSql } from "~/domain/members/linkable.server";
import { db } from "~/utils/db.server";
import { foldName } from "~/utils/regions";
import { CO_VOLUNTEER_MATCHES_MAX, CO_VOLUNTEER_QUERY_MIN, CO_VOLUNTEER_RECENT_MAX, type CoVolunteer } from "~/validation/co-volunteers";

export type { CoVolunteer };

const SELECT = { id: true, fullName: true, memberNumber: true } as const;

/**
 * Who can be named as a co-volunteer in the chapter: its active members, not those of an import
 * still committing (members/linkable.server.ts). The search below says the same in SQL
 * (`"chapterId" = ... AND "status" = 'aktif' AND notInRunningImportSql`); keep the two together.
 */
export async function coVolunteerWhere(
  chapterId: string,
  client: Pick<Prisma.TransactionClient, "memberImport"> = db,
): Promise<Prisma.MemberWhereInput> {
  return { chapterId, status: "aktif", AND: [await notInRunningImport(chapterId, client)] };
}

/** The query's words folded as names are ("Ma’ruf" -> "maruf", "JOSÉ" -> "jose"); empty words dropped. */
function foldedWords(query: string): string[] {
  return query
    .slice(0, 100)
    .split(/\s+/)
    .map(foldName)
    .filter((word) => word !== "");
}

/**
 * A LIKE pattern that every name containing the folded word matches, whatever stands between its
 * letters ("maruf" -> "%m%a%r%u%f%" finds "Ma'ruf" and "Ma ruf"). SQLite's LIKE ignores case for
 * ASCII letters only, so names with other characters (accents, a curly apostrophe) are taken as
 * candidates too and the exact comparison is made on the folded name afterwards. A folded word
 * holds letters and digits only: no LIKE wildcard to escape.
 */
const loosePattern = (word: string) => `%${[...word].join("%")}%`;

/** Names and member numbers with a character outside printable ASCII (GLOB class). */
const NON_ASCII = "*[^ -~]*";

/**
 * The active members of the actor's chapter (the actor excluded) whose name holds every word of
 * the query, in any order and whatever the case, accents, apostrophes or spaces ("ma ruf",
 * "Ma’ruf", "jose" find "Ma'ruf Amin" and "José"), or whose member number holds the query
 * ("0042", "PTK 2026-0042"; compared folded too, so spaces and dashes do not count). Every
 * word is looked for in the whole folded name, spaces removed, so a word may span two of the
 * name's words ("tiam" finds "Siti Aminah"). Fewer than two letters or digits find nothing.
 * At most 20: first the names whose folded form starts with the query's words joined ("ma ruf"
 * puts "Ma'ruf Amin" here), then the names with a word that starts with the query's FIRST word
 * (only when the name matched, not the member number alone), then the rest, each group
 * alphabetical (then by member number).
 */
export async function searchCoVolunteers(actor: Actor, query: string): Promise<Outcome<{ matches: CoVolunteer[] }>> {
  if (!can(actor, "create:activity:own")) return forbidden();
  const words = foldedWords(query);
  const whole = words.join("");
  if (whole.length < CO_VOLUNTEER_QUERY_MIN) return ok({ matches: [] });
  const nameMatches = Prisma.join(
    words.map((word) => Prisma.sql`"fullName" LIKE ${loosePattern(word)}`),
    " AND ",
  );
  const candidates = await db.$queryRaw<CoVolunteer[]>`
    SELECT "id", "fullName", "memberNumber" FROM "Member"
    WHERE "chapterId" = ${actor.chapterId} AND "status" = 'aktif' AND "id" <> ${actor.memberId ?? ""}
      AND ${notInRunningImportSql("Member")}
      AND ((${nameMatches}) OR "fullName" GLOB ${NON_ASCII}
        OR "memberNumber" LIKE ${loosePattern(whole)} OR "memberNumber" GLOB ${NON_ASCII})`;
  const ranked: { member: CoVolunteer; rank: number }[] = [];
  for (const member of candidates) {
    const name = foldName(member.fullName);
    const byName = words.every((word) => name.includes(word));
    const byNumber = member.memberNumber !== null && foldName(member.memberNumber).includes(whole);
    if (!byName && !byNumber) continue;
    const nameWords = member.fullName.split(/\s+/).map(foldName);
    const rank = name.startsWith(whole) ? 0 : byName && nameWords.some((w) => w.startsWith(words[0]!)) ? 1 : 2;
    ranked.push({ member: { id: member.id, fullName: member.fullName, memberNumber: member.memberNumber }, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || alphabetical(a.member, b.member));
  return ok({ matches: ranked.slice(0, CO_VOLUNTEER_MATCHES_MAX).map((r) => r.member) });
}

const collator = new Intl.Collator("id", { sensitivity: "base" });
function alphabetical(a: CoVolunteer, b: CoVolunteer) {
  return collator.compare(a.fullName, b.fullName) || (a.memberNumber ?? "").localeCompare(b.memberNumber ?? "");
}

/**
 * The members behind co-volunteer ids the form holds (an activity's stored ones, or those a
 * refused form sent), in that order, with their names for the picker's chips. Ids that cannot
 * be named (another chapter's member, one no longer active, the actor) are left out, as the
 * server would refuse them.
 */
export async function chosenCoVolunteers(actor: Actor, ids: readonly string[]): Promise<CoVolunteer[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== actor.memberId).slice(0, 100);
  if (!wanted.length) return [];
  const found = await db.member.findMany({ where: { ...(await coVolunteerWhere(actor.chapterId)), id: { in: wanted } }, select: SELECT });
  const byId = new Map(found.map((m) => [m.id, m]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The last co-volunteers the actor named on their own activities (up to 8, most recent first,
 * each once, only those who can still be named): offered as quick chips, which also work in the
 * field without signal.
 */
export async function recentCoVolunteers(actor: Actor): Promise<CoVolunteer[]> {
  if (!actor.memberId) return [];
  const rows = await db.activityVolunteer.findMany({
    where: {
      activity: { memberId: actor.memberId, chapterId: actor.chapterId },
      memberId: { not: actor.memberId },
      member: await coVolunteerWhere(actor.chapterId),
    },
    select: { member: { select: SELECT } },
    orderBy: [{ activity: { date: "desc" } }, { activity: { createdAt: "desc" } }],
    take: CO_VOLUNTEER_RECENT_MAX * 8,
  });
  const recent = new Map<string, CoVolunteer>();
  for (const { member } of rows) {
    if (recent.size >= CO_VOLUNTEER_RECENT_MAX) break;
    if (!recent.has(member.id)) recent.set(member.id, member);
  }
  return [...recent.values()];
}
