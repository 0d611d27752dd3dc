// Board terms (periods) of a chapter: creating, correcting, activating and ending them, and
// reading one with its board. The rules:
// - a chapter has at most one active period, and its terms never overlap (a draft may be
//   prepared over the active term's tail: activating it ends the active term the day before);
// - activating needs a Ketua on the first day; ending a term ends the holdings running past it;
// - every change is audited under the period (entityType "LeadershipPeriod").
import { can, type Actor } from "~/domain/shared/actor.server";
import { conflict, forbidden, invalid, notFound, ok, refusable, Refused, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { addDays, calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { formatCalendarDateLong } from "~/utils/format";
import { calendarDateOf as date, optionalCalendarDateOf as optionalDate } from "~/validation/fields";
import type { EndPeriodData, PeriodFormData, PeriodStatus } from "~/validation/leadership";
import { audit, type Tx } from "./audit.server";
import { byKindThenOrder } from "./positions.server";

const periodSelect = {
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  skNumber: true,
  skDate: true,
  skIssuer: true,
  installationDate: true,
  installationPlace: true,
  skFile: true,
  skFileType: true,
  status: true,
  activatedAt: true,
  endedAt: true,
} as const;

type PeriodSummary = Prisma.LeadershipPeriodGetPayload<{ select: typeof periodSelect }>;

/** The actor's chapter's periods, newest first. */
export async function listPeriods(actor: Actor) {
  const periods = await db.leadershipPeriod.findMany({
    where: { chapterId: actor.chapterId },
    select: { ...periodSelect, _count: { select: { holdings: true } } },
    orderBy: { startDate: "desc" },
  });
  return periods.map(({ _count, ...p }) => ({ ...p, holdingCount: _count.holdings }));
}

/** The actor's chapter's active period, if any. */
export async function getActivePeriod(actor: Actor) {
  return db.leadershipPeriod.findFirst({
    where: { chapterId: actor.chapterId, status: "active" },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
}

function periodAudit(period: Partial<PeriodSummary>) {
  return {
    name: period.name,
    startDate: period.startDate,
    endDate: period.endDate,
    skNumber: period.skNumber,
    skDate: period.skDate,
    skIssuer: period.skIssuer,
    installationDate: period.installationDate,
    installationPlace: period.installationPlace,
    status: period.status,
  };
}

function periodColumns(data: PeriodFormData) {
  return {
    name: data.name,
    startDate: date(data.startDate),
    endDate: date(data.endDate),
    skNumber: data.skNumber,
    skDate: optionalDate(data.skDate),
    skIssuer: data.skIssuer,
    installationDate: optionalDate(data.installationDate),
    installationPlace: data.installationPlace,
  };
}

/**
 * The period of the chapter whose term shares a day with the dates (other than `exceptId`), if
 * that overlap is not allowed. The one overlap allowed is that of a draft with the active
 * period when the draft starts later: it is the next board, prepared while the current one
 * serves, and activating it ends the current term the day before (so recorded terms never
 * overlap).
 */
async function overlappingPeriod(
  tx: Tx,
  chapterId: string,
  candidate: { start: Date; end: Date; status: PeriodStatus },
  exceptId?: string,
) {
  const others = await tx.leadershipPeriod.findMany({
    where: {
      chapterId,
      id: exceptId ? { not: exceptId } : undefined,
      startDate: { lte: candidate.end },
      endDate: { gte: candidate.start },
    },
    select: { name: true, startDate: true, endDate: true, status: true },
  });
  return (
    others.find((other) => {
      const successorOf = (draft: { start: Date; status: PeriodStatus }, active: { start: Date; status: PeriodStatus }) =>
        draft.status === "draft" && active.status === "active" && draft.start > active.start;
      const o = { start: other.startDate, status: other.status };
      return !successorOf(candidate, o) && !successorOf(o, candidate);
    }) ?? null
  );
}

function overlapMessage(other: { name: string; startDate: Date; endDate: Date }) {
  return t("leadership.error.periodOverlap", {
    name: other.name,
    start: formatCalendarDateLong(other.startDate),
    end: formatCalendarDateLong(other.endDate),
  });
}

/** A new period, as a draft: its board is composed before it is activated. */
export async function createPeriod(actor: Actor, data: PeriodFormData): Promise<Outcome<{ id: string }>> {
  if (!canManage(actor)) return forbidden();
  const columns = periodColumns(data);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const other = await overlappingPeriod(tx, actor.chapterId, { start: columns.startDate, end: columns.endDate, status: "draft" });
      if (other) throw new Refused(invalid({ startDate: overlapMessage(other) }));
      const period = await tx.leadershipPeriod.create({
        data: { ...columns, chapterId: actor.chapterId, status: "draft" },
        select: { id: true },
      });
      await audit(tx, actor, "leadership.period.create", period.id, {
        after: periodAudit({ ...columns, status: "draft" }),
      });
      return ok({ id: period.id });
    }),
  );
}

/** Corrects a period's details; its dates must still hold every position held in it. */
export async function updatePeriod(actor: Actor, periodId: string, data: PeriodFormData): Promise<Outcome<{ id: string }>> {
  if (!canManage(actor)) return forbidden();
  const columns = periodColumns(data);
  const before = await db.leadershipPeriod.findFirst({ where: { id: periodId, chapterId: actor.chapterId }, select: periodSelect });
  if (!before) return notFound(t("leadership.error.notFound"));
  return refusable(() =>
    db.$transaction(async (tx) => {
      const other = await overlappingPeriod(
        tx,
        actor.chapterId,
        { start: columns.startDate, end: columns.endDate, status: before.status },
        before.id,
      );
      if (other) throw new Refused(invalid({ startDate: overlapMessage(other) }));
      const outside = await tx.positionHolding.findFirst({
        where: {
          periodId: before.id,
          OR: [{ startDate: { lt: columns.startDate } }, { startDate: { gt: columns.endDate } }, { endDate: { gt: columns.endDate } }],
        },
        select: { id: true },
      });
      if (outside) throw new Refused(invalid({ startDate: t("leadership.error.holdingsOutside") }));
      await tx.leadershipPeriod.update({ where: { id: before.id }, data: columns });
      await audit(tx, actor, "leadership.period.update", before.id, {
        before: periodAudit(before),
        after: periodAudit({ ...columns, status: before.status }),
      });
      return ok({ id: before.id });
    }),
  );
}

/**
 * Ends a term's holdings on its new last day (those running past it); false, changing nothing,
 * when a holding starts after that day.
 */
async function cutHoldingsTo(tx: Tx, periodId: string, lastDay: Date): Promise<boolean> {
  const startsLater = await tx.positionHolding.count({ where: { periodId, startDate: { gt: lastDay } } });
  if (startsLater > 0) return false;
  await tx.positionHolding.updateMany({
    where: { periodId, OR: [{ endDate: null }, { endDate: { gt: lastDay } }] },
    data: { endDate: lastDay },
  });
  return true;
}

/**
 * Activates a draft period once its start date has come: the period active until now ends at
 * the same moment (one active period per chapter), its term cut to the day before the new one
 * starts when it was planned to run longer. It needs a Ketua on its first day.
 */
export async function activatePeriod(
  actor: Actor,
  periodId: string,
  now = new Date(),
): Promise<Outcome<{ name: string; previous: string | null }>> {
  if (!canManage(actor)) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const period = await tx.leadershipPeriod.findFirst({ where: { id: periodId, chapterId: actor.chapterId }, select: periodSelect });
      if (!period) return notFound(t("leadership.error.notFound"));
      if (period.status !== "draft") return conflict(t("leadership.error.notDraft"));
      if (period.startDate > today) return conflict(t("leadership.error.notStarted"));
      if (period.endDate < today) return conflict(t("leadership.error.alreadyOver"));
      const ketua = await tx.positionHolding.count({
        where: {
          periodId: period.id,
          position: { kind: "ketua" },
          member: { status: "aktif" },
          startDate: { lte: today },
          OR: [{ endDate: null }, { endDate: { gte: today } }],
        },
      });
      if (ketua === 0) return conflict(t("leadership.error.noKetua"));

      const previous = await tx.leadershipPeriod.findFirst({
        where: { chapterId: actor.chapterId, status: "active" },
        select: { id: true, name: true, startDate: true, endDate: true },
      });
      if (previous) {
        // The outgoing term ends the day before the new one starts, with the positions in it.
        const lastDay = addDays(period.startDate, -1);
        const cut = previous.endDate > lastDay;
        if (cut && !(await cutHoldingsTo(tx, previous.id, lastDay))) {
          throw new Refused(conflict(t("leadership.error.holdingsAfterEnd")));
        }
        const endDate = cut ? lastDay : previous.endDate;
        await tx.leadershipPeriod.update({ where: { id: previous.id }, data: { status: "ended", endedAt: now, endDate } });
        await audit(tx, actor, "leadership.period.end", previous.id, {
          before: { status: "active", endDate: previous.endDate },
          after: { status: "ended", succeededBy: period.id, endDate },
        });
      }
      await tx.leadershipPeriod.update({ where: { id: period.id }, data: { status: "active", activatedAt: now } });
      await audit(tx, actor, "leadership.period.activate", period.id, {
        before: { status: "draft" },
        after: { status: "active", previousPeriodId: previous?.id ?? null },
      });
      return ok({ name: period.name, previous: previous?.name ?? null });
    }),
  );
}

/**
 * Ends the active period on an earlier last day (a musyawarah luar biasa, a decree revoking the
 * board). Holdings running past that day end with it; once the day is past, the period's status
 * is "ended" and its rights stop.
 */
export async function endPeriodEarly(
  actor: Actor,
  periodId: string,
  input: EndPeriodData,
  now = new Date(),
): Promise<Outcome<{ ended: boolean }>> {
  if (!canManage(actor)) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  const lastDay = date(input.endDate);
  /** Refusals of this form are shown on its one date field. */
  const onEndDate = (message: string) => conflict(message, { endDate: message });
  return db.$transaction(async (tx) => {
    const period = await tx.leadershipPeriod.findFirst({ where: { id: periodId, chapterId: actor.chapterId }, select: periodSelect });
    if (!period) return notFound(t("leadership.error.notFound"));
    if (period.status !== "active") return onEndDate(t("leadership.error.notActive"));
    if (lastDay < period.startDate || lastDay > period.endDate) return invalid({ endDate: t("leadership.error.endOutside") });
    const ended = lastDay < today;
    // A successor draft may overlap the term while it is active; an ended term may not.
    if (ended) {
      const successor = await tx.leadershipPeriod.count({
        where: {
          chapterId: actor.chapterId,
          id: { not: period.id },
          status: "draft",
          startDate: { lte: lastDay },
          endDate: { gte: period.startDate },
        },
      });
      if (successor > 0) return onEndDate(t("leadership.error.successorStartsEarlier"));
    }
    if (!(await cutHoldingsTo(tx, period.id, lastDay))) return onEndDate(t("leadership.error.holdingsAfterEnd"));
    await tx.leadershipPeriod.update({
      where: { id: period.id },
      data: { endDate: lastDay, ...(ended ? { status: "ended", endedAt: now } : {}) },
    });
    await audit(tx, actor, "leadership.period.end", period.id, {
      before: { endDate: period.endDate, status: period.status },
      after: { endDate: lastDay, status: ended ? "ended" : period.status, note: input.note },
    });
    return ok({ ended });
  });
}

/** Records a draft period that lies wholly in the past (entered as history) as ended. */
export async function archivePastPeriod(actor: Actor, periodId: string, now = new Date()): Promise<Outcome> {
  if (!canManage(actor)) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  return db.$transaction(async (tx) => {
    const period = await tx.leadershipPeriod.findFirst({ where: { id: periodId, chapterId: actor.chapterId }, select: periodSelect });
    if (!period) return notFound(t("leadership.error.notFound"));
    if (period.status !== "draft") return conflict(t("leadership.error.notDraft"));
    if (period.endDate >= today) return conflict(t("leadership.error.notOver"));
    await tx.leadershipPeriod.update({ where: { id: period.id }, data: { status: "ended", endedAt: now } });
    await audit(tx, actor, "leadership.period.archive", period.id, {
      before: { status: "draft" },
      after: { status: "ended" },
    });
    return ok();
  });
}

// Reading a period with its board

const holdingSelect = {
  id: true,
  startDate: true,
  endDate: true,
  skNumber: true,
  skDate: true,
  endReason: true,
  endNote: true,
  replacesId: true,
  position: {
    select: { id: true, title: true, kind: true, bidang: true, sortOrder: true, singleHolder: true, district: { select: { name: true } } },
  },
  member: { select: { id: true, fullName: true, memberNumber: true, status: true } },
} as const;

/** A period of the actor's chapter with every holding in it (current and past), in board order. */
export async function getPeriod(actor: Actor, periodId: string): Promise<Outcome<{ period: PeriodView }>> {
  if (!can(actor, "read:leadership:chapter")) return forbidden();
  const period = await readPeriod(actor.chapterId, periodId);
  return period ? ok({ period }) : notFound(t("leadership.error.notFound"));
}

async function readPeriod(chapterId: string, periodId: string) {
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId },
    select: { ...periodSelect, holdings: { select: holdingSelect } },
  });
  if (!period) return null;
  const holdings = [...period.holdings].sort(
    (a, b) => byKindThenOrder(a.position, b.position) || a.startDate.getTime() - b.startDate.getTime(),
  );
  return { ...period, holdings };
}

/** Whether a holding covers the day (an open end runs to the period's end). */
export function holdsOn(holding: { startDate: Date; endDate: Date | null }, periodEnd: Date, day: Date): boolean {
  return holding.startDate <= day && (holding.endDate ?? periodEnd) >= day;
}

/** The day a period's composition is shown for: today inside the period, else its nearest end. */
export function compositionDay(period: { startDate: Date; endDate: Date }, today: Date): Date {
  if (today < period.startDate) return period.startDate;
  if (today > period.endDate) return period.endDate;
  return today;
}

type PeriodView = NonNullable<Awaited<ReturnType<typeof readPeriod>>>;

/** Whether the actor may change periods and holdings (the pages' buttons follow this). */
function canManage(actor: Actor) {
  return can(actor, "update:leadership:chapter");
}

/**
 * The board as it stands on a day (today inside the period, otherwise its last or first day),
 * for the composition page and the susunan pengurus PDF.
 */
export async function boardComposition(actor: Actor, periodId: string, now = new Date()) {
  const found = await getPeriod(actor, periodId);
  if (!found.ok) return found;
  const { period } = found;
  const day = compositionDay(period, calendarToday(actor.timeZone, now));
  return ok({ period, day, holders: period.holdings.filter((h) => holdsOn(h, period.endDate, day)) });
}

/** Audit entries of a period (its own changes and those of its holdings), newest first. */
export async function periodHistory(actor: Actor, periodId: string) {
  if (!canManage(actor)) return [];
  return db.auditLog.findMany({
    where: { chapterId: actor.chapterId, entityType: "LeadershipPeriod", entityId: periodId },
    select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
    orderBy: { at: "desc" },
    take: 200,
  });
}
