// Members' competencies: what passing a course or holding a certification gives (never lowering
// a level already held), the board's confirmation, and the competency matrix of the chapter.
import { competencyMatrixXlsx as matrixWorkbook } from "~/documents/xlsx/competency-matrix";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { LEVEL_RANK, type CompetencyLevel, type CompetencySource } from "~/validation/trainings";
import { listCompetencies } from "./courses.server";
import { audit, visibleTo, type Tx } from "./shared.server";

/** Gives a member a competency at a level, unless they already hold it at that level or above (the board's word always counts). */
export async function grantCompetency(
  tx: Tx,
  input: {
    memberId: string;
    competencyId: string;
    level: CompetencyLevel;
    source: CompetencySource;
    sourceId: string | null;
    acquiredOn: Date;
    confirmedById?: string;
  },
) {
  const held = await tx.memberCompetency.findUnique({
    where: { memberId_competencyId: { memberId: input.memberId, competencyId: input.competencyId } },
    select: { id: true, level: true },
  });
  if (held && LEVEL_RANK[held.level] >= LEVEL_RANK[input.level] && input.source !== "board") return;
  const data = {
    level: input.level,
    source: input.source,
    sourceId: input.sourceId,
    acquiredOn: input.acquiredOn,
    confirmedById: input.confirmedById ?? null,
  };
  if (held) await tx.memberCompetency.update({ where: { id: held.id }, data });
  else await tx.memberCompetency.create({ data: { ...data, memberId: input.memberId, competencyId: input.competencyId } });
}

/** The board confirms (or corrects) a member's competency at a level, acquired today in the chapter's time zone. */
export async function confirmCompetency(
  actor: Actor,
  memberId: string,
  input: { competencyId: string; level: CompetencyLevel },
  now = new Date(),
): Promise<Outcome<{ memberName: string; competency: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const [member, competency] = await Promise.all([
    db.member.findFirst({ where: { id: memberId, chapterId: actor.chapterId }, select: { id: true, fullName: true } }),
    db.competency.findFirst({ where: { id: input.competencyId, ...visibleTo(actor.chapterId) }, select: { id: true, name: true } }),
  ]);
  if (!member) return notFound();
  if (!competency) return invalid({ competencyId: t("trainings.error.competency") });
  await db.$transaction(async (tx) => {
    await grantCompetency(tx, {
      memberId: member.id,
      competencyId: competency.id,
      level: input.level,
      source: "board",
      sourceId: null,
      acquiredOn: calendarToday(actor.timeZone, now),
      confirmedById: actor.userId,
    });
    await audit(
      tx,
      actor,
      "training.competency.confirm",
      { type: "Member", id: member.id },
      { after: { competency: competency.name, level: input.level } },
    );
  });
  return ok({ memberName: member.fullName, competency: competency.name });
}

const MATRIX_PAGE_SIZE = 100;

/** Active members x competencies (level held), optionally for one kecamatan, a page at a time: for the board. */
export async function competencyMatrix(actor: Actor, options: { districtCode?: string | null; page?: number; all?: boolean } = {}) {
  if (!can(actor, "read:training:chapter")) return forbidden();
  const competencies = await listCompetencies(actor);
  const where: Prisma.MemberWhereInput = {
    chapterId: actor.chapterId,
    status: "aktif",
    ...(options.districtCode ? { village: { parentCode: options.districtCode } } : {}),
  };
  const page = Math.max(1, options.page ?? 1);
  const [total, members] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({
      where,
      select: {
        id: true,
        fullName: true,
        memberNumber: true,
        village: { select: { name: true, parent: { select: { name: true } } } },
        competencies: { select: { competencyId: true, level: true } },
      },
      orderBy: { fullName: "asc" },
      ...(options.all ? {} : { skip: (page - 1) * MATRIX_PAGE_SIZE, take: MATRIX_PAGE_SIZE }),
    }),
  ]);
  return ok({
    competencies: competencies.map((c) => ({ id: c.id, name: c.name })),
    rows: members.map((m) => ({
      id: m.id,
      fullName: m.fullName,
      memberNumber: m.memberNumber,
      village: m.village.name,
      district: m.village.parent?.name ?? "",
      levels: Object.fromEntries(m.competencies.map((c) => [c.competencyId, c.level])) as Record<string, CompetencyLevel>,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MATRIX_PAGE_SIZE)),
  });
}

/** The competency matrix (all matching members) as an .xlsx workbook, with its file name. */
export async function competencyMatrixXlsx(
  actor: Actor,
  districtCode: string | null,
): Promise<Outcome<{ bytes: Buffer; fileName: string }>> {
  const matrix = await competencyMatrix(actor, { districtCode, all: true });
  if (!matrix.ok) return matrix;
  return ok({
    bytes: await matrixWorkbook({ competencies: matrix.competencies, rows: matrix.rows }),
    fileName: `matriks-kompetensi-${actor.chapterCode.toLowerCase()}.xlsx`,
  });
}
