// Members that may be linked (named as a co-volunteer, appointed to a position, registered for a
// training, assigned to a programme): not the new members of an import still committing. Those
// are visible batch by batch while the import runs, but the import may still be undone, which
// removes them (docs/decisions/033); the pickers and the checks of what they send leave them out
// until the import is committed. (The undo still keeps a new member that something refers to by
// then: a form checked a moment before the import began.)
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

/** An SQL condition on the "Member" row aliased `alias`: not a new member of an import still committing. */
export function notInRunningImportSql(alias = "m"): Prisma.Sql {
  const m = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${m}."importId" IS NULL OR ${m}."importId" NOT IN (SELECT "id" FROM "MemberImport" WHERE "status" = 'committing'))`;
}

/**
 * The same as a Prisma condition for members of the chapter (Member.importId has no relation to
 * filter through): reads the chapter's running imports, usually none, and then adds nothing.
 */
export async function notInRunningImport(
  chapterId: string,
  client: Pick<Prisma.TransactionClient, "memberImport"> = db,
): Promise<Prisma.MemberWhereInput> {
  const running = await client.memberImport.findMany({ where: { chapterId, status: "committing" }, select: { id: true } });
  return running.length === 0 ? {} : { OR: [{ importId: null }, { importId: { notIn: running.map((r) => r.id) } }] };
}
