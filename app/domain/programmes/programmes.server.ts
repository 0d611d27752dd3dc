// Programmes: what CSR partners (and the chapter itself) fund and volunteers carry out. Rules:
// - the board (`update:programme`) records programmes; the coordinator is a serving board member;
// - partners funding a programme are the chapter's active partners, each once, with a committed
//   amount (together no more than the budget) and, if given, an agreement of that partner that
//   has not ended before the programme starts;
// - target kelurahan lie in the chapter's area, targets are by PPKS category, volunteers are
//   active members of the chapter;
// - a volunteer sees the programmes they are assigned to (or coordinate), without the partners'
//   contacts or the money; the board sees everything;
// - actuals come from the VERIFIED activities logged under the programme: people reached by
//   category and kelurahan, households, and volunteer hours (each co-volunteer gets the hours).
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { formatCalendarDateLong, formatRupiah } from "~/utils/format";
import { inRegion } from "~/utils/regions";
import { calendarDateOf } from "~/validation/fields";
import { programmePhase, type ProgrammeSubmission } from "~/validation/programmes";
import { listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { currentBoardMembers } from "~/domain/leadership/leadership.server";
import { notInRunningImport } from "~/domain/members/linkable.server";
import { listChapterVillages } from "~/domain/members/members.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, refusable, Refused, type FieldErrors, type Outcome } from "~/domain/shared/outcome.server";

type Tx = Prisma.TransactionClient;

export const readsAllProgrammes = (actor: Pick<Actor, "permissions">) => can(actor, "read:programme:chapter");
export const managesProgrammes = (actor: Pick<Actor, "permissions">) => can(actor, "update:programme:chapter");

/** What the programme pages offer the actor: the board's view, recording programmes, the approval threshold. */
export function programmeRights(actor: Actor) {
  return {
    board: readsAllProgrammes(actor),
    canManage: managesProgrammes(actor),
    canSetThreshold: can(actor, "approve:programme-finance:chapter"),
  };
}

/** The programmes an actor may see: all of the chapter for the board, else those they work on. */
function visibleProgrammes(actor: Actor): Prisma.ProgrammeWhereInput {
  if (readsAllProgrammes(actor)) return { chapterId: actor.chapterId };
  if (!actor.memberId) return { id: "" };
  return { chapterId: actor.chapterId, OR: [{ coordinatorId: actor.memberId }, { volunteers: { some: { memberId: actor.memberId } } }] };
}

// ---------------------------------------------------------------------------------------------
// Listing and choices

/** The programmes an actor may see, newest first, with their phase today and (for the board) money totals. */
export async function listProgrammes(actor: Actor, now = new Date()) {
  const today = calendarToday(actor.timeZone, now);
  const rows = await db.programme.findMany({
    where: visibleProgrammes(actor),
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      budget: true,
      fundingSource: true,
      coordinator: { select: { fullName: true } },
      partners: { select: { partner: { select: { name: true } } } },
      _count: { select: { volunteers: true } },
    },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
  const money = readsAllProgrammes(actor) ? await spendingByProgramme(rows.map((r) => r.id)) : new Map<string, number>();
  return rows.map((r) => ({
    ...r,
    phase: programmePhase(r, today),
    spent: readsAllProgrammes(actor) ? (money.get(r.id) ?? 0) : null,
    budget: readsAllProgrammes(actor) ? r.budget : null,
  }));
}

async function spendingByProgramme(ids: string[]) {
  const sums = await db.moneyEntry.groupBy({
    by: ["programmeId"],
    where: { programmeId: { in: ids }, kind: "spending", status: "approved" },
    _sum: { amount: true },
  });
  return new Map(sums.map((s) => [s.programmeId, s._sum.amount ?? 0]));
}

/** What the programme form offers: partners with their agreements, kelurahan, categories, members, board members. */
async function formChoices(chapterId: string, timeZone: string) {
  const [partners, villages, categories, members, board] = await Promise.all([
    db.partner.findMany({
      where: { chapterId, status: "aktif" },
      select: {
        id: true,
        name: true,
        agreements: { select: { id: true, kind: true, number: true, endDate: true }, orderBy: { startDate: "desc" } },
      },
      orderBy: { name: "asc" },
    }),
    listChapterVillages({ chapterId }),
    listPpksCategories(chapterId),
    db.member.findMany({
      where: { chapterId, status: "aktif", AND: [await notInRunningImport(chapterId)] },
      select: { id: true, fullName: true, memberNumber: true },
      orderBy: { fullName: "asc" },
      take: 2000,
    }),
    currentBoardMembers(chapterId, timeZone),
  ]);
  return { partners, villages, categories, members, board };
}
export type ProgrammeChoices = Awaited<ReturnType<typeof formChoices>>;

/** The new programme form's choices, for those who record programmes. */
export async function programmeFormChoices(actor: Actor): Promise<Outcome<{ choices: ProgrammeChoices }>> {
  if (!managesProgrammes(actor)) return forbidden(t("programmes.error.forbidden"));
  return ok({ choices: await formChoices(actor.chapterId, actor.timeZone) });
}

/** A programme with the form's choices, to edit it. */
export async function programmeEditForm(
  actor: Actor,
  programmeId: string,
): Promise<Outcome<{ programme: ProgrammeDetail; choices: ProgrammeChoices }>> {
  if (!managesProgrammes(actor)) return forbidden(t("programmes.error.forbidden"));
  const programme = await findProgramme(actor, programmeId);
  if (!programme) return notFound();
  return ok({ programme, choices: await formChoices(actor.chapterId, actor.timeZone) });
}

/** Every programme of the chapter by name (for filters). */
export async function listProgrammeNames(chapterId: string) {
  // a filter of every activity list: written out (docs/decisions/035)
  return db.$queryRaw<
    { id: string; name: string }[]
  >`SELECT "id", "name" FROM "Programme" WHERE "chapterId" = ${chapterId} ORDER BY "name"`;
}

/** Running programmes an activity can be logged under: those the actor works on (all for the board). */
export async function programmeChoicesForActivity(actor: Actor, now = new Date()) {
  const today = calendarToday(actor.timeZone, now);
  const board = can(actor, "verify:activity:chapter") || readsAllProgrammes(actor);
  return db.programme.findMany({
    where: {
      ...(board ? { chapterId: actor.chapterId } : visibleProgrammes(actor)),
      startDate: { lte: today },
      // programmes that ended recently stay choosable: activities are logged up to the closing days
      endDate: { gte: new Date(today.getTime() - 90 * 86_400_000) },
    },
    select: { id: true, name: true, startDate: true, endDate: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Checks an activity's programme: one the volunteer works on (any for the board), and the
 * activity's date inside the programme's period. Used by the activity rules.
 */
export async function checkActivityProgramme(tx: Tx, actor: Actor, programmeId: string, date: Date): Promise<string | null> {
  const board = can(actor, "verify:activity:chapter") || readsAllProgrammes(actor);
  const programme = await tx.programme.findFirst({
    where: { AND: [board ? { chapterId: actor.chapterId } : visibleProgrammes(actor), { id: programmeId }] },
    select: { startDate: true, endDate: true },
  });
  if (!programme) return t("programmes.error.activityProgramme");
  if (date < programme.startDate || date > programme.endDate) {
    return t("programmes.error.activityOutside", {
      start: formatCalendarDateLong(programme.startDate),
      end: formatCalendarDateLong(programme.endDate),
    });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing

async function checkProgramme(tx: Tx, actor: Actor, input: ProgrammeSubmission, programmeId?: string) {
  const errors: FieldErrors = {};
  const { data } = input;
  const start = calendarDateOf(data.startDate);
  const end = calendarDateOf(data.endDate);
  const duplicate = await tx.programme.findFirst({
    where: { chapterId: actor.chapterId, name: data.name, ...(programmeId ? { id: { not: programmeId } } : {}) },
    select: { id: true },
  });
  if (duplicate) errors.name = t("programmes.error.nameTaken");
  const board = await currentBoardMembers(actor.chapterId, actor.timeZone);
  if (!board.some((m) => m.id === data.coordinatorId)) errors.coordinatorId = t("programmes.error.coordinator");

  if (new Set(input.partners.map((p) => p.partnerId)).size !== input.partners.length) errors.partners = t("programmes.error.partnerTwice");
  const committed = input.partners.reduce((sum, p) => sum + p.committed, 0);
  if (committed > data.budget)
    errors.budget = t("programmes.error.committedAboveBudget", { committed: formatRupiah(committed), budget: formatRupiah(data.budget) });
  for (const [n, p] of input.partners.entries()) {
    const partner = await tx.partner.findFirst({ where: { id: p.partnerId, chapterId: actor.chapterId }, select: { status: true } });
    if (!partner) {
      errors[`partner.${n}.partnerId`] = t("programmes.error.partner");
      continue;
    }
    if (partner.status !== "aktif") errors[`partner.${n}.partnerId`] = t("programmes.error.partnerInactive");
    if (p.agreementId) {
      const agreement = await tx.partnerAgreement.findFirst({
        where: { id: p.agreementId, partnerId: p.partnerId },
        select: { number: true, endDate: true },
      });
      if (!agreement) errors[`partner.${n}.agreementId`] = t("programmes.error.agreement");
      else if (agreement.endDate < start) {
        errors[`partner.${n}.agreementId`] = t("programmes.error.agreementExpired", {
          number: agreement.number,
          date: formatCalendarDateLong(agreement.endDate),
        });
      }
    }
  }
  if (input.villageCodes.length) {
    const chapter = await tx.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { regionCode: true } });
    const known = await tx.region.count({ where: { code: { in: input.villageCodes }, level: "village" } });
    if (known !== input.villageCodes.length || input.villageCodes.some((c) => !inRegion(c, chapter.regionCode)))
      errors.villages = t("activities.error.village");
  }
  if (input.targets.length) {
    const ids = input.targets.map((x) => x.categoryId);
    const known = await tx.ppksCategory.count({ where: { id: { in: ids }, OR: [{ chapterId: null }, { chapterId: actor.chapterId }] } });
    if (known !== ids.length) errors.targets = t("activities.error.category");
  }
  if (input.volunteerIds.length) {
    const found = await tx.member.count({
      where: {
        id: { in: input.volunteerIds },
        chapterId: actor.chapterId,
        status: "aktif",
        AND: [await notInRunningImport(actor.chapterId, tx)],
      },
    });
    if (found !== input.volunteerIds.length) errors.volunteers = t("activities.error.coVolunteer");
  }
  if (programmeId) {
    // A partner whose money is on the ledger stays on the programme (its money would lose its row).
    const funding = await tx.moneyEntry.groupBy({ by: ["partnerId"], where: { programmeId, partnerId: { not: null } } });
    const kept = new Set(input.partners.map((p) => p.partnerId));
    const dropped = funding.map((f) => f.partnerId!).filter((id) => !kept.has(id));
    if (dropped.length) {
      const names = await tx.partner.findMany({ where: { id: { in: dropped } }, select: { name: true } });
      errors.partners = t("programmes.error.partnerHasMoney", { names: names.map((n) => n.name).join(", ") });
    }
    // Money already recorded must stay inside the programme's dates.
    const outside = await tx.moneyEntry.count({ where: { programmeId, OR: [{ date: { lt: start } }, { date: { gt: end } }] } });
    if (outside) errors.startDate = t("programmes.error.entriesOutside", { count: outside });
  }
  if (Object.keys(errors).length) throw new Refused(invalid(errors));
  return { start, end };
}

async function writeProgrammeDetails(tx: Tx, programmeId: string, input: ProgrammeSubmission) {
  await tx.programmePartner.deleteMany({ where: { programmeId } });
  await tx.programmeVillage.deleteMany({ where: { programmeId } });
  await tx.programmeTarget.deleteMany({ where: { programmeId } });
  await tx.programmeVolunteer.deleteMany({ where: { programmeId } });
  if (input.partners.length) await tx.programmePartner.createMany({ data: input.partners.map((p) => ({ programmeId, ...p })) });
  if (input.villageCodes.length)
    await tx.programmeVillage.createMany({ data: input.villageCodes.map((villageCode) => ({ programmeId, villageCode })) });
  if (input.targets.length) await tx.programmeTarget.createMany({ data: input.targets.map((x) => ({ programmeId, ...x })) });
  if (input.volunteerIds.length)
    await tx.programmeVolunteer.createMany({ data: input.volunteerIds.map((memberId) => ({ programmeId, memberId })) });
}

function auditView(input: ProgrammeSubmission) {
  return {
    ...input.data,
    partners: input.partners,
    villages: input.villageCodes,
    targets: input.targets,
    volunteers: input.volunteerIds.length,
  };
}

export async function createProgramme(actor: Actor, input: ProgrammeSubmission): Promise<Outcome<{ id: string }>> {
  if (!managesProgrammes(actor)) return forbidden(t("programmes.error.forbidden"));
  return refusable(() =>
    db.$transaction(async (tx) => {
      const { start, end } = await checkProgramme(tx, actor, input);
      const { data } = input;
      const programme = await tx.programme.create({
        data: {
          chapterId: actor.chapterId,
          name: data.name,
          goal: data.goal,
          startDate: start,
          endDate: end,
          budget: data.budget,
          fundingSource: data.fundingSource,
          coordinatorId: data.coordinatorId,
        },
        select: { id: true },
      });
      await writeProgrammeDetails(tx, programme.id, input);
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "programme.create",
          entityType: "Programme",
          entityId: programme.id,
          after: auditView(input),
        },
        tx,
      );
      return ok({ id: programme.id });
    }),
  );
}

export async function updateProgramme(actor: Actor, programmeId: string, input: ProgrammeSubmission): Promise<Outcome<{ id: string }>> {
  if (!managesProgrammes(actor)) return forbidden(t("programmes.error.forbidden"));
  return refusable(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.programme.findFirst({
        where: { id: programmeId, chapterId: actor.chapterId },
        select: { id: true, name: true, budget: true, startDate: true, endDate: true, coordinatorId: true },
      });
      if (!existing) return notFound();
      const { start, end } = await checkProgramme(tx, actor, input, programmeId);
      const { data } = input;
      await tx.programme.update({
        where: { id: programmeId },
        data: {
          name: data.name,
          goal: data.goal,
          startDate: start,
          endDate: end,
          budget: data.budget,
          fundingSource: data.fundingSource,
          coordinatorId: data.coordinatorId,
        },
      });
      await writeProgrammeDetails(tx, programmeId, input);
      await recordAudit(
        {
          actorId: actor.userId,
          chapterId: actor.chapterId,
          action: "programme.update",
          entityType: "Programme",
          entityId: programmeId,
          before: existing,
          after: auditView(input),
        },
        tx,
      );
      return ok({ id: programmeId });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading one programme

/** One programme for its page, if the actor may see it; partners' contacts are never included. */
export async function getProgramme(actor: Actor, programmeId: string): Promise<Outcome<{ programme: ProgrammeDetail }>> {
  const programme = await findProgramme(actor, programmeId);
  return programme ? ok({ programme }) : notFound();
}

/** The programme if the actor may see it (null otherwise). */
export async function findProgramme(actor: Actor, programmeId: string) {
  const programme = await db.programme.findFirst({
    where: { AND: [visibleProgrammes(actor), { id: programmeId }] },
    select: {
      id: true,
      name: true,
      goal: true,
      startDate: true,
      endDate: true,
      budget: true,
      fundingSource: true,
      coordinatorId: true,
      coordinator: { select: { id: true, fullName: true } },
      partners: {
        select: {
          partnerId: true,
          committed: true,
          agreementId: true,
          partner: { select: { name: true } },
          agreement: { select: { kind: true, number: true, endDate: true } },
        },
        orderBy: { partner: { name: "asc" } },
      },
      villages: { select: { villageCode: true, village: { select: { name: true } } } },
      targets: { select: { categoryId: true, target: true, category: { select: { name: true, number: true } } } },
      volunteers: { select: { member: { select: { id: true, fullName: true } } }, orderBy: { member: { fullName: "asc" } } },
      // a chosen photo counts only while its activity is verified and still under this programme
      photos: {
        where: { activity: { status: "verified" } },
        select: { photoId: true, activityId: true, activity: { select: { programmeId: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!programme) return null;
  return {
    ...programme,
    photos: programme.photos
      .filter((p) => p.activity.programmeId === programme.id)
      .map(({ photoId, activityId }) => ({ photoId, activityId })),
  };
}
export type ProgrammeDetail = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;

/**
 * What volunteers did under the programme, from its verified activities (SQL aggregates): people
 * reached by category and by kelurahan, households, activities, volunteer hours (the author and
 * each co-volunteer get the activity's hours), and how many activities still wait for verification.
 * The totals count everything verified, but what falls outside the programme is flagged apart,
 * never counted silently: the people reached outside its target kelurahan (by kelurahan) and the
 * hours of members not assigned to it (the coordinator counts as assigned). `inTarget` per
 * category is the reach inside the target kelurahan, what the percentages against targets use;
 * a programme without target kelurahan counts every kelurahan.
 */
export async function programmeActuals(programmeId: string) {
  const verified: Prisma.ActivityWhereInput = { programmeId, status: "verified" };
  const scope = await db.programme.findUnique({
    where: { id: programmeId },
    select: { coordinatorId: true, villages: { select: { villageCode: true } }, volunteers: { select: { memberId: true } } },
  });
  const targetVillages = new Set(scope?.villages.map((v) => v.villageCode) ?? []);
  const assigned = new Set([...(scope?.volunteers.map((v) => v.memberId) ?? []), ...(scope ? [scope.coordinatorId] : [])]);
  const [sums, byCategory, byCategoryInTarget, byVillage, authors, coVolunteers, waiting] = await Promise.all([
    db.activity.aggregate({ where: verified, _count: true, _sum: { people: true, households: true, durationMinutes: true } }),
    db.activityReach.groupBy({ by: ["categoryId"], where: { activity: verified }, _sum: { count: true } }),
    targetVillages.size
      ? db.activityReach.groupBy({
          by: ["categoryId"],
          where: { activity: { ...verified, villageCode: { in: [...targetVillages] } } },
          _sum: { count: true },
        })
      : null,
    db.activity.groupBy({ by: ["villageCode"], where: verified, _sum: { people: true, households: true }, _count: true }),
    db.activity.groupBy({ by: ["memberId"], where: verified, _sum: { durationMinutes: true }, _count: true }),
    db.$queryRaw<{ memberId: string; minutes: bigint | number; activities: bigint | number }[]>`
      SELECT v."memberId" AS "memberId", SUM(a."durationMinutes") AS minutes, COUNT(*) AS activities
      FROM "ActivityVolunteer" v JOIN "Activity" a ON a.id = v."activityId"
      WHERE a."programmeId" = ${programmeId} AND a.status = 'verified'
      GROUP BY v."memberId"`,
    db.activity.count({ where: { programmeId, status: "submitted" } }),
  ]);
  const perMember = new Map<string, { minutes: number; activities: number }>();
  const add = (memberId: string, minutes: number, activities: number) => {
    const entry = perMember.get(memberId) ?? { minutes: 0, activities: 0 };
    perMember.set(memberId, { minutes: entry.minutes + minutes, activities: entry.activities + activities });
  };
  for (const a of authors) add(a.memberId, a._sum.durationMinutes ?? 0, a._count);
  for (const c of coVolunteers) add(c.memberId, Number(c.minutes), Number(c.activities));
  const [categories, villages, members] = await Promise.all([
    db.ppksCategory.findMany({
      where: { id: { in: byCategory.map((c) => c.categoryId) } },
      select: { id: true, name: true, number: true },
    }),
    db.region.findMany({
      where: { code: { in: byVillage.map((v) => v.villageCode) } },
      select: { code: true, name: true, parent: { select: { name: true } } },
    }),
    db.member.findMany({ where: { id: { in: [...perMember.keys()] } }, select: { id: true, fullName: true, memberNumber: true } }),
  ]);
  const categoryOf = new Map(categories.map((c) => [c.id, c]));
  const villageOf = new Map(villages.map((v) => [v.code, v]));
  const memberOf = new Map(members.map((m) => [m.id, m]));
  const inTargetOf = byCategoryInTarget ? new Map(byCategoryInTarget.map((c) => [c.categoryId, c._sum.count ?? 0])) : null;
  const isTarget = (villageCode: string) => targetVillages.size === 0 || targetVillages.has(villageCode);
  const villageRows = byVillage
    .map((v) => ({
      villageCode: v.villageCode,
      name: villageOf.get(v.villageCode)?.name ?? v.villageCode,
      district: villageOf.get(v.villageCode)?.parent?.name ?? "",
      people: v._sum.people ?? 0,
      households: v._sum.households ?? 0,
      activities: v._count,
      inTarget: isTarget(v.villageCode),
    }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
  const volunteerRows = [...perMember.entries()]
    .map(([memberId, v]) => ({
      memberId,
      fullName: memberOf.get(memberId)?.fullName ?? "",
      memberNumber: memberOf.get(memberId)?.memberNumber ?? null,
      hours: v.minutes / 60,
      activities: v.activities,
      assigned: assigned.has(memberId),
    }))
    .sort((a, b) => b.hours - a.hours || a.fullName.localeCompare(b.fullName));
  const outsideVillages = villageRows.filter((v) => !v.inTarget);
  const unassignedVolunteers = volunteerRows.filter((v) => !v.assigned);
  return {
    activities: sums._count,
    people: sums._sum.people ?? 0,
    households: sums._sum.households ?? 0,
    waiting,
    byCategory: byCategory
      .map((c) => ({
        categoryId: c.categoryId,
        name: categoryOf.get(c.categoryId)?.name ?? "",
        number: categoryOf.get(c.categoryId)?.number ?? null,
        people: c._sum.count ?? 0,
        inTarget: inTargetOf ? (inTargetOf.get(c.categoryId) ?? 0) : (c._sum.count ?? 0),
      }))
      .sort((a, b) => b.people - a.people),
    byVillage: villageRows,
    volunteers: volunteerRows,
    volunteerHours: [...perMember.values()].reduce((sum, v) => sum + v.minutes, 0) / 60,
    /** Verified reach outside the target kelurahan (none when the programme has no target kelurahan). */
    outsideTarget: { people: outsideVillages.reduce((sum, v) => sum + v.people, 0), villages: outsideVillages },
    /** Hours of members who logged (or joined) verified activities without being assigned to the programme. */
    unassigned: { hours: unassignedVolunteers.reduce((sum, v) => sum + v.hours, 0), volunteers: unassignedVolunteers },
  };
}
export type ProgrammeActuals = Awaited<ReturnType<typeof programmeActuals>>;

/** Whether the actor coordinates the programme or manages programmes (may choose photos). */
export function mayCurate(actor: Actor, programme: { coordinatorId: string }) {
  return managesProgrammes(actor) || (actor.memberId !== null && actor.memberId === programme.coordinatorId);
}

/**
 * The photos of the programme's verified activities, newest first, for the coordinator (or the
 * board) to choose from, with those chosen now.
 */
export async function programmePhotoChoices(actor: Actor, programmeId: string, take = 60) {
  const programme = await findProgramme(actor, programmeId);
  if (!programme) return notFound();
  if (!mayCurate(actor, programme)) return forbidden();
  const photos = await db.activityPhoto.findMany({
    where: { activity: { programmeId, status: "verified" } },
    select: { id: true, activityId: true, activity: { select: { date: true, village: { select: { name: true } } } } },
    orderBy: { activity: { date: "desc" } },
    take,
  });
  return ok({ programme: { id: programme.id, name: programme.name }, chosen: programme.photos.map((p) => p.photoId), photos });
}

/** The coordinator (or the board) chooses the report's photos among the programme's verified activities'. */
export async function setProgrammePhotos(actor: Actor, programmeId: string, photoIds: string[], max: number): Promise<Outcome> {
  const programme = await db.programme.findFirst({
    where: { id: programmeId, chapterId: actor.chapterId },
    select: { coordinatorId: true },
  });
  if (!programme) return notFound();
  if (!mayCurate(actor, programme)) return forbidden();
  const ids = [...new Set(photoIds)];
  if (ids.length > max) return invalid({}, t("programmes.photos.tooMany", { max }));
  const photos = await db.activityPhoto.findMany({
    where: { id: { in: ids }, activity: { programmeId, status: "verified" } },
    select: { id: true, activityId: true },
  });
  if (photos.length !== ids.length) return invalid({}, t("programmes.photos.unknown"));
  await db.$transaction(async (tx) => {
    await tx.programmePhoto.deleteMany({ where: { programmeId } });
    if (photos.length)
      await tx.programmePhoto.createMany({ data: photos.map((p) => ({ programmeId, photoId: p.id, activityId: p.activityId })) });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "programme.photos",
        entityType: "Programme",
        entityId: programmeId,
        after: { photos: photos.length },
      },
      tx,
    );
  });
  return ok();
}
