// Leadership: board terms (periods), the chapter's list of positions, and who holds which
// position when. The rights of a board member follow from here (activePositionsOf), so the
// rules that decide them live together:
// - a chapter has at most one active period, and its terms never overlap (a draft may be
//   prepared over the active term's tail: activating it ends the active term the day before);
// - a position is held by an active member of the chapter, inside the period's dates;
// - a single-holder position (always Ketua, Sekretaris, Bendahara) has one holder at a time,
//   and a member never holds two single-holder positions at once;
// - a replacement (PAW) ends one holding the day before the next starts; both stay as history;
// - every change is audited under the period (entityType "LeadershipPeriod").
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { addDays, calendarToday, rangesOverlap } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { NOT_FOUND, refusable, Refused, type FieldErrors, type Outcome } from "~/domain/shared/legacy-outcome.server";

export type { FieldErrors, Outcome };
import { formatCalendarDateLong } from "~/utils/format";
import { calendarDateOf as date, optionalCalendarDateOf as optionalDate } from "~/validation/fields";
import {
  DEFAULT_POSITIONS,
  KIND_ORDER,
  POSITION_KINDS,
  SINGLE_HOLDER_KINDS,
  type EndHoldingData,
  type ReplaceHoldingData,
  type HoldingFormData,
  type PeriodFormData,
  type PeriodStatus,
  type PositionFormData,
  type PositionKind,
} from "~/validation/leadership";

type Tx = Prisma.TransactionClient;

function isPositionKind(value: string): value is PositionKind {
  return (POSITION_KINDS as readonly string[]).includes(value);
}

/** Records a board change in the transaction, under its period unless another entity is given. */
function audit(
  tx: Tx,
  who: { actorId: string; chapterId: string },
  action: string,
  entity: string | { type: string; id: string },
  change: { before?: unknown; after?: unknown },
) {
  const { type, id } = typeof entity === "string" ? { type: "LeadershipPeriod", id: entity } : entity;
  return recordAudit({ actorId: who.actorId, chapterId: who.chapterId, action, entityType: type, entityId: id, ...change }, tx);
}

// ---------------------------------------------------------------------------------------------
// Positions

/** Gives a chapter the standard positions the first time its list is needed. */
export async function ensureDefaultPositions(chapterId: string) {
  if ((await db.boardPosition.count({ where: { chapterId } })) > 0) return;
  await db.$transaction(async (tx) => {
    if ((await tx.boardPosition.count({ where: { chapterId } })) > 0) return;
    await tx.boardPosition.createMany({
      data: DEFAULT_POSITIONS.map((p, index) => ({
        chapterId,
        title: p.title,
        kind: p.kind,
        bidang: p.bidang ?? null,
        singleHolder: SINGLE_HOLDER_KINDS.includes(p.kind),
        sortOrder: index * 10,
      })),
    });
  });
}

const positionSelect = {
  id: true,
  title: true,
  kind: true,
  bidang: true,
  districtCode: true,
  district: { select: { name: true } },
  singleHolder: true,
  sortOrder: true,
  active: true,
} as const;

function byKindThenOrder<T extends { kind: string; sortOrder: number; title: string }>(a: T, b: T) {
  const ka = isPositionKind(a.kind) ? KIND_ORDER[a.kind] : 99;
  const kb = isPositionKind(b.kind) ? KIND_ORDER[b.kind] : 99;
  return ka - kb || a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, "id");
}

/** The chapter's positions in board order (the standard ones are created on first use). */
export async function listPositions(chapterId: string, options: { activeOnly?: boolean } = {}) {
  await ensureDefaultPositions(chapterId);
  const rows = await db.boardPosition.findMany({
    where: { chapterId, ...(options.activeOnly ? { active: true } : {}) },
    select: positionSelect,
  });
  return rows.sort(byKindThenOrder);
}

/** Kecamatan of the chapter's area, for Koordinator Kecamatan positions. */
export async function listChapterDistricts(chapterId: string) {
  const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { regionCode: true, level: true } });
  if (!chapter) return [];
  if (chapter.level === "kecamatan") {
    return db.region.findMany({ where: { code: chapter.regionCode }, select: { code: true, name: true } });
  }
  return db.region.findMany({
    where: { parentCode: chapter.regionCode, level: "district" },
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function createPosition(input: { chapterId: string; actorId: string; data: PositionFormData }): Promise<Outcome> {
  const { data } = input;
  await ensureDefaultPositions(input.chapterId);
  const taken = await db.boardPosition.findFirst({ where: { chapterId: input.chapterId, title: data.title }, select: { id: true } });
  if (taken) return { ok: false, fieldErrors: { title: t("leadership.error.positionTaken") } };
  let districtCode: string | null = null;
  if (data.kind === "koordinator_kecamatan") {
    const districts = await listChapterDistricts(input.chapterId);
    if (!districts.some((d) => d.code === data.districtCode)) {
      return { ok: false, fieldErrors: { districtCode: t("leadership.error.districtRequired") } };
    }
    districtCode = data.districtCode;
  }
  const last = await db.boardPosition.findFirst({
    where: { chapterId: input.chapterId, kind: data.kind },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  const singleHolder = SINGLE_HOLDER_KINDS.includes(data.kind) || data.singleHolder;
  return db.$transaction(async (tx) => {
    const position = await tx.boardPosition.create({
      data: {
        chapterId: input.chapterId,
        title: data.title,
        kind: data.kind,
        bidang: data.kind === "koordinator_bidang" ? data.bidang : null,
        districtCode,
        singleHolder,
        sortOrder: (last?.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await audit(
      tx,
      input,
      "leadership.position.create",
      { type: "BoardPosition", id: position.id },
      {
        after: { title: data.title, kind: data.kind, bidang: data.bidang, districtCode, singleHolder },
      },
    );
    return { ok: true as const, id: position.id };
  });
}

/** Hides a position from new appointments (its history stays) or brings it back. */
export async function setPositionActive(input: { chapterId: string; actorId: string; positionId: string; active: boolean }) {
  const position = await db.boardPosition.findFirst({
    where: { id: input.positionId, chapterId: input.chapterId },
    select: { id: true, title: true, active: true, kind: true },
  });
  // The core positions cannot be hidden: a period needs a Ketua, and the registry a Sekretaris.
  if (!position || (!input.active && isPositionKind(position.kind) && SINGLE_HOLDER_KINDS.includes(position.kind))) return null;
  await db.$transaction(async (tx) => {
    await tx.boardPosition.update({ where: { id: position.id }, data: { active: input.active } });
    await audit(
      tx,
      input,
      "leadership.position.update",
      { type: "BoardPosition", id: position.id },
      {
        before: { active: position.active },
        after: { active: input.active },
      },
    );
  });
  return position;
}

// ---------------------------------------------------------------------------------------------
// Periods

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

export type PeriodSummary = Prisma.LeadershipPeriodGetPayload<{ select: typeof periodSelect }> & { status: PeriodStatus };

/** The chapter's periods, newest first. */
export async function listPeriods(chapterId: string) {
  const periods = await db.leadershipPeriod.findMany({
    where: { chapterId },
    select: { ...periodSelect, _count: { select: { holdings: true } } },
    orderBy: { startDate: "desc" },
  });
  return periods.map(({ _count, ...p }) => ({ ...p, status: p.status as PeriodStatus, holdingCount: _count.holdings }));
}

/** The chapter's active period, if any. */
export async function getActivePeriod(chapterId: string) {
  return db.leadershipPeriod.findFirst({
    where: { chapterId, status: "active" },
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
async function overlappingPeriod(tx: Tx, chapterId: string, candidate: { start: Date; end: Date; status: string }, exceptId?: string) {
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
      const successorOf = (draft: { start: Date; status: string }, active: { start: Date; status: string }) =>
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
export async function createPeriod(input: { chapterId: string; actorId: string; data: PeriodFormData }): Promise<Outcome> {
  const columns = periodColumns(input.data);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const other = await overlappingPeriod(tx, input.chapterId, { start: columns.startDate, end: columns.endDate, status: "draft" });
      if (other) throw new Refused({ startDate: overlapMessage(other) });
      const period = await tx.leadershipPeriod.create({
        data: { ...columns, chapterId: input.chapterId, status: "draft" },
        select: { id: true },
      });
      await audit(tx, input, "leadership.period.create", period.id, {
        after: periodAudit({ ...columns, status: "draft" }),
      });
      return { ok: true as const, id: period.id };
    }),
  );
}

/** Corrects a period's details; its dates must still hold every position held in it. */
export async function updatePeriod(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  data: PeriodFormData;
}): Promise<Outcome> {
  const columns = periodColumns(input.data);
  const before = await db.leadershipPeriod.findFirst({ where: { id: input.periodId, chapterId: input.chapterId }, select: periodSelect });
  if (!before) return NOT_FOUND;
  return refusable(() =>
    db.$transaction(async (tx) => {
      const other = await overlappingPeriod(
        tx,
        input.chapterId,
        { start: columns.startDate, end: columns.endDate, status: before.status },
        before.id,
      );
      if (other) throw new Refused({ startDate: overlapMessage(other) });
      const outside = await tx.positionHolding.findFirst({
        where: {
          periodId: before.id,
          OR: [{ startDate: { lt: columns.startDate } }, { startDate: { gt: columns.endDate } }, { endDate: { gt: columns.endDate } }],
        },
        select: { id: true },
      });
      if (outside) throw new Refused({ startDate: t("leadership.error.holdingsOutside") });
      await tx.leadershipPeriod.update({ where: { id: before.id }, data: columns });
      await audit(tx, input, "leadership.period.update", before.id, {
        before: periodAudit(before as PeriodSummary),
        after: periodAudit({ ...columns, status: before.status as PeriodStatus }),
      });
      return { ok: true as const, id: before.id };
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

export type PeriodActionError =
  | "notFound"
  | "notDraft"
  | "notStarted"
  | "alreadyOver"
  | "noKetua"
  | "notActive"
  | "notOver"
  | "endOutside"
  | "holdingsAfterEnd"
  | "successorStartsEarlier";

/**
 * Activates a draft period once its start date has come: the period active until now ends at
 * the same moment (one active period per chapter), its term cut to the day before the new one
 * starts when it was planned to run longer. It needs a Ketua on its first day.
 */
export async function activatePeriod(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  timeZone: string;
  now?: Date;
}): Promise<{ ok: true; name: string; previous: string | null } | { ok: false; error: PeriodActionError }> {
  const now = input.now ?? new Date();
  const today = calendarToday(input.timeZone, now);
  return db.$transaction(async (tx) => {
    const period = await tx.leadershipPeriod.findFirst({ where: { id: input.periodId, chapterId: input.chapterId }, select: periodSelect });
    if (!period) return { ok: false as const, error: "notFound" as const };
    if (period.status !== "draft") return { ok: false as const, error: "notDraft" as const };
    if (period.startDate > today) return { ok: false as const, error: "notStarted" as const };
    if (period.endDate < today) return { ok: false as const, error: "alreadyOver" as const };
    const ketua = await tx.positionHolding.count({
      where: {
        periodId: period.id,
        position: { kind: "ketua" },
        member: { status: "aktif" },
        startDate: { lte: today },
        OR: [{ endDate: null }, { endDate: { gte: today } }],
      },
    });
    if (ketua === 0) return { ok: false as const, error: "noKetua" as const };

    const previous = await tx.leadershipPeriod.findFirst({
      where: { chapterId: input.chapterId, status: "active" },
      select: { id: true, name: true, startDate: true, endDate: true },
    });
    if (previous) {
      // The outgoing term ends the day before the new one starts, with the positions in it.
      const lastDay = addDays(period.startDate, -1);
      const cut = previous.endDate > lastDay;
      if (cut && !(await cutHoldingsTo(tx, previous.id, lastDay))) {
        return { ok: false as const, error: "holdingsAfterEnd" as const };
      }
      const endDate = cut ? lastDay : previous.endDate;
      await tx.leadershipPeriod.update({ where: { id: previous.id }, data: { status: "ended", endedAt: now, endDate } });
      await audit(tx, input, "leadership.period.end", previous.id, {
        before: { status: "active", endDate: previous.endDate },
        after: { status: "ended", succeededBy: period.id, endDate },
      });
    }
    await tx.leadershipPeriod.update({ where: { id: period.id }, data: { status: "active", activatedAt: now } });
    await audit(tx, input, "leadership.period.activate", period.id, {
      before: { status: "draft" },
      after: { status: "active", previousPeriodId: previous?.id ?? null },
    });
    return { ok: true as const, name: period.name, previous: previous?.name ?? null };
  });
}

/**
 * Ends the active period on an earlier last day (a musyawarah luar biasa, a decree revoking the
 * board). Holdings running past that day end with it; once the day is past, the period's status
 * is "ended" and its rights stop.
 */
export async function endPeriodEarly(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  endDate: string;
  note: string;
  timeZone: string;
  now?: Date;
}): Promise<{ ok: true; ended: boolean } | { ok: false; error: PeriodActionError }> {
  const now = input.now ?? new Date();
  const today = calendarToday(input.timeZone, now);
  const lastDay = date(input.endDate);
  return db.$transaction(async (tx) => {
    const period = await tx.leadershipPeriod.findFirst({ where: { id: input.periodId, chapterId: input.chapterId }, select: periodSelect });
    if (!period) return { ok: false as const, error: "notFound" as const };
    if (period.status !== "active") return { ok: false as const, error: "notActive" as const };
    if (lastDay < period.startDate || lastDay > period.endDate) return { ok: false as const, error: "endOutside" as const };
    const ended = lastDay < today;
    // A successor draft may overlap the term while it is active; an ended term may not.
    if (ended) {
      const successor = await tx.leadershipPeriod.count({
        where: {
          chapterId: input.chapterId,
          id: { not: period.id },
          status: "draft",
          startDate: { lte: lastDay },
          endDate: { gte: period.startDate },
        },
      });
      if (successor > 0) return { ok: false as const, error: "successorStartsEarlier" as const };
    }
    if (!(await cutHoldingsTo(tx, period.id, lastDay))) return { ok: false as const, error: "holdingsAfterEnd" as const };
    await tx.leadershipPeriod.update({
      where: { id: period.id },
      data: { endDate: lastDay, ...(ended ? { status: "ended", endedAt: now } : {}) },
    });
    await audit(tx, input, "leadership.period.end", period.id, {
      before: { endDate: period.endDate, status: period.status },
      after: { endDate: lastDay, status: ended ? "ended" : period.status, note: input.note },
    });
    return { ok: true as const, ended };
  });
}

/** Records a draft period that lies wholly in the past (entered as history) as ended. */
export async function archivePastPeriod(input: {
  chapterId: string;
  actorId: string;
  periodId: string;
  timeZone: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; error: PeriodActionError }> {
  const now = input.now ?? new Date();
  const today = calendarToday(input.timeZone, now);
  return db.$transaction(async (tx) => {
    const period = await tx.leadershipPeriod.findFirst({ where: { id: input.periodId, chapterId: input.chapterId }, select: periodSelect });
    if (!period) return { ok: false as const, error: "notFound" as const };
    if (period.status !== "draft") return { ok: false as const, error: "notDraft" as const };
    if (period.endDate >= today) return { ok: false as const, error: "notOver" as const };
    await tx.leadershipPeriod.update({ where: { id: period.id }, data: { status: "ended", endedAt: now } });
    await audit(tx, input, "leadership.period.archive", period.id, {
      before: { status: "draft" },
      after: { status: "ended" },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Holdings

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

export type HoldingView = Prisma.PositionHoldingGetPayload<{ select: typeof holdingSelect }>;

/** A period with every holding in it (current and past), in board order. */
export async function getPeriod(chapterId: string, periodId: string) {
  const period = await db.leadershipPeriod.findFirst({
    where: { id: periodId, chapterId },
    select: { ...periodSelect, holdings: { select: holdingSelect } },
  });
  if (!period) return null;
  const holdings = [...period.holdings].sort(
    (a, b) => byKindThenOrder(a.position, b.position) || a.startDate.getTime() - b.startDate.getTime(),
  );
  return { ...period, status: period.status as PeriodStatus, holdings };
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

type HoldingCandidate = {
  periodId: string;
  positionId: string;
  memberId: string;
  start: Date;
  end: Date | null;
  ignoreHoldingId?: string;
};

/** Checks a holding against the period, the member and the other holdings; throws Refused. */
async function checkHolding(tx: Tx, chapterId: string, candidate: HoldingCandidate) {
  const period = await tx.leadershipPeriod.findFirst({
    where: { id: candidate.periodId, chapterId },
    select: { id: true, startDate: true, endDate: true, status: true },
  });
  if (!period) throw new Refused({ form: t("leadership.error.periodMissing") });
  const position = await tx.boardPosition.findFirst({
    where: { id: candidate.positionId, chapterId },
    select: { id: true, title: true, singleHolder: true, active: true },
  });
  if (!position || !position.active) throw new Refused({ positionId: t("leadership.error.positionMissing") });
  const member = await tx.member.findFirst({
    where: { id: candidate.memberId },
    select: { id: true, fullName: true, status: true, chapterId: true },
  });
  if (!member || member.chapterId !== chapterId) throw new Refused({ memberId: t("leadership.error.notMember") });
  if (member.status !== "aktif") throw new Refused({ memberId: t("leadership.error.memberInactive", { name: member.fullName }) });

  const errors: FieldErrors = {};
  if (candidate.start < period.startDate || candidate.start > period.endDate) {
    errors.startDate = t("leadership.error.outsidePeriod", {
      start: formatCalendarDateLong(period.startDate),
      end: formatCalendarDateLong(period.endDate),
    });
  }
  if (candidate.end && candidate.end > period.endDate) {
    errors.endDate = t("leadership.error.outsidePeriod", {
      start: formatCalendarDateLong(period.startDate),
      end: formatCalendarDateLong(period.endDate),
    });
  }
  if (candidate.end && candidate.end < candidate.start) errors.endDate = t("leadership.error.endBeforeStart");
  if (Object.keys(errors).length) throw new Refused(errors);

  const range = { start: candidate.start, end: candidate.end ?? period.endDate };
  const others = await tx.positionHolding.findMany({
    where: {
      periodId: period.id,
      id: candidate.ignoreHoldingId ? { not: candidate.ignoreHoldingId } : undefined,
      OR: [{ positionId: position.id }, { memberId: member.id }],
    },
    select: {
      startDate: true,
      endDate: true,
      memberId: true,
      positionId: true,
      member: { select: { fullName: true } },
      position: { select: { title: true, singleHolder: true } },
    },
  });
  for (const other of others) {
    if (!rangesOverlap(range, { start: other.startDate, end: other.endDate ?? period.endDate })) continue;
    if (other.memberId === member.id && other.positionId === position.id) {
      throw new Refused({ memberId: t("leadership.error.alreadyHolds", { name: member.fullName, position: position.title }) });
    }
    if (other.positionId === position.id && position.singleHolder) {
      throw new Refused({
        memberId: t("leadership.error.positionFilled", { position: position.title, name: other.member.fullName }),
      });
    }
    if (other.memberId === member.id && position.singleHolder && other.position.singleHolder) {
      throw new Refused({
        memberId: t("leadership.error.twoSingleHolder", { name: member.fullName, position: other.position.title }),
      });
    }
  }
  return { period, position, member };
}

function holdingAudit(h: {
  positionTitle: string;
  memberName: string;
  memberId: string;
  start: Date;
  end: Date | null;
  skNumber?: string | null;
}) {
  return {
    position: h.positionTitle,
    member: h.memberName,
    memberId: h.memberId,
    startDate: h.start,
    endDate: h.end,
    skNumber: h.skNumber ?? null,
  };
}

/** Appoints a member to a position in a period. */
export async function addHolding(input: { chapterId: string; actorId: string; periodId: string; data: HoldingFormData }): Promise<Outcome> {
  const candidate = {
    periodId: input.periodId,
    positionId: input.data.positionId,
    memberId: input.data.memberId,
    start: date(input.data.startDate),
    end: optionalDate(input.data.endDate),
  };
  return refusable(() =>
    db.$transaction(async (tx) => {
      const { position, member } = await checkHolding(tx, input.chapterId, candidate);
      const holding = await tx.positionHolding.create({
        data: {
          periodId: input.periodId,
          positionId: position.id,
          memberId: member.id,
          startDate: candidate.start,
          endDate: candidate.end,
          skNumber: input.data.skNumber,
          skDate: optionalDate(input.data.skDate),
        },
        select: { id: true },
      });
      await audit(tx, input, "leadership.holding.create", input.periodId, {
        after: {
          holdingId: holding.id,
          ...holdingAudit({
            positionTitle: position.title,
            memberName: member.fullName,
            memberId: member.id,
            start: candidate.start,
            end: candidate.end,
            skNumber: input.data.skNumber,
          }),
        },
      });
      return { ok: true as const, id: holding.id };
    }),
  );
}

async function findHolding(tx: Tx, chapterId: string, holdingId: string) {
  return tx.positionHolding.findFirst({
    where: { id: holdingId, period: { chapterId } },
    select: {
      id: true,
      periodId: true,
      positionId: true,
      startDate: true,
      endDate: true,
      period: { select: { endDate: true } },
      position: { select: { title: true } },
      member: { select: { id: true, fullName: true } },
      replacedBy: { select: { startDate: true, member: { select: { fullName: true } } } },
    },
  });
}

/** Ends a holding on its last day (resignation, death, dismissal). */
export async function endHolding(input: {
  chapterId: string;
  actorId: string;
  holdingId: string;
  data: EndHoldingData;
}): Promise<Outcome<{ periodId: string; memberName: string; positionTitle: string }>> {
  const lastDay = date(input.data.endDate);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const holding = await findHolding(tx, input.chapterId, input.holdingId);
      if (!holding) return NOT_FOUND;
      const currentEnd = holding.endDate ?? holding.period.endDate;
      if (lastDay < holding.startDate) throw new Refused({ endDate: t("leadership.error.endBeforeStart") });
      if (lastDay > currentEnd) {
        throw new Refused({ endDate: t("leadership.error.endAfterHolding", { date: formatCalendarDateLong(currentEnd) }) });
      }
      await tx.positionHolding.update({
        where: { id: holding.id },
        data: { endDate: lastDay, endReason: input.data.endReason, endNote: input.data.endNote },
      });
      await audit(tx, input, "leadership.holding.end", holding.periodId, {
        before: { holdingId: holding.id, position: holding.position.title, member: holding.member.fullName, endDate: holding.endDate },
        after: { holdingId: holding.id, endDate: lastDay, endReason: input.data.endReason, endNote: input.data.endNote },
      });
      return { ok: true as const, periodId: holding.periodId, memberName: holding.member.fullName, positionTitle: holding.position.title };
    }),
  );
}

/**
 * A mid-term replacement (PAW): the holding ends the day before `startDate` and the new holder
 * holds the same position from `startDate` to where the old holding would have ended. Both
 * stay in the history; the new holding points back to the one it replaced.
 */
export async function replaceHolding(input: {
  chapterId: string;
  actorId: string;
  holdingId: string;
  data: ReplaceHoldingData;
}): Promise<Outcome<{ id: string; periodId: string }>> {
  const start = date(input.data.startDate);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const old = await findHolding(tx, input.chapterId, input.holdingId);
      if (!old) return NOT_FOUND;
      if (old.replacedBy) {
        throw new Refused({
          startDate: t("leadership.error.alreadyReplaced", {
            name: old.replacedBy.member.fullName,
            date: formatCalendarDateLong(old.replacedBy.startDate),
          }),
        });
      }
      const oldEnd = old.endDate ?? old.period.endDate;
      if (start <= old.startDate) {
        throw new Refused({ startDate: t("leadership.error.replaceTooEarly", { date: formatCalendarDateLong(old.startDate) }) });
      }
      if (start > oldEnd) {
        throw new Refused({ startDate: t("leadership.error.replaceAfterEnd", { date: formatCalendarDateLong(oldEnd) }) });
      }
      if (input.data.memberId === old.member.id) throw new Refused({ memberId: t("leadership.error.sameHolder") });
      const lastDay = addDays(start, -1);
      await tx.positionHolding.update({
        where: { id: old.id },
        data: { endDate: lastDay, endReason: input.data.endReason, endNote: input.data.endNote },
      });
      const { position, member } = await checkHolding(tx, input.chapterId, {
        periodId: old.periodId,
        positionId: old.positionId,
        memberId: input.data.memberId,
        start,
        end: old.endDate,
      });
      const created = await tx.positionHolding.create({
        data: {
          periodId: old.periodId,
          positionId: position.id,
          memberId: member.id,
          startDate: start,
          endDate: old.endDate,
          skNumber: input.data.skNumber,
          skDate: optionalDate(input.data.skDate),
          replacesId: old.id,
        },
        select: { id: true },
      });
      await audit(tx, input, "leadership.holding.replace", old.periodId, {
        before: { holdingId: old.id, position: old.position.title, member: old.member.fullName, endDate: old.endDate },
        after: {
          endedHolding: { holdingId: old.id, endDate: lastDay, endReason: input.data.endReason, endNote: input.data.endNote },
          newHolding: {
            holdingId: created.id,
            ...holdingAudit({
              positionTitle: position.title,
              memberName: member.fullName,
              memberId: member.id,
              start,
              end: old.endDate,
              skNumber: input.data.skNumber,
            }),
          },
        },
      });
      return { ok: true as const, id: created.id, periodId: old.periodId };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Rights and history

export type HeldPosition = { title: string; kind: PositionKind; districtCode: string | null };

/**
 * The positions a member holds today in their chapter's active period. This is what board
 * rights follow: nothing is stored on the account, so a right ends the day the holding or the
 * period ends, or the moment the period stops being active, or the member stops being active.
 */
export async function activePositionsOf(memberId: string, timeZone: string, now = new Date()): Promise<HeldPosition[]> {
  const today = calendarToday(timeZone, now);
  const rows = await db.positionHolding.findMany({
    where: {
      memberId,
      member: { status: "aktif" },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { status: "active", startDate: { lte: today }, endDate: { gte: today } },
    },
    select: {
      position: { select: { title: true, kind: true, districtCode: true, chapterId: true } },
      member: { select: { chapterId: true } },
    },
  });
  return rows
    .filter((r) => r.position.chapterId === r.member.chapterId && isPositionKind(r.position.kind))
    .map((r) => ({ title: r.position.title, kind: r.position.kind as PositionKind, districtCode: r.position.districtCode }));
}

/** Every position a member has held in the chapter, newest first, with the decree behind it. */
export async function memberPositionHistory(chapterId: string, memberId: string) {
  const rows = await db.positionHolding.findMany({
    where: { memberId, period: { chapterId } },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      skNumber: true,
      skDate: true,
      endReason: true,
      position: { select: { title: true } },
      period: { select: { id: true, name: true, endDate: true, skNumber: true, skDate: true } },
    },
    orderBy: { startDate: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    position: r.position.title,
    periodId: r.period.id,
    periodName: r.period.name,
    startDate: r.startDate,
    endDate: r.endDate ?? r.period.endDate,
    endReason: r.endReason,
    skNumber: r.skNumber ?? r.period.skNumber,
    skDate: r.skNumber ? r.skDate : r.period.skDate,
  }));
}

/** Audit entries of a period (its own changes and those of its holdings), newest first. */
export async function periodHistory(chapterId: string, periodId: string) {
  return db.auditLog.findMany({
    where: { chapterId, entityType: "LeadershipPeriod", entityId: periodId },
    select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
    orderBy: { at: "desc" },
    take: 200,
  });
}

/** Active members to choose a holder from (name or member number), a few at a time. */
export async function searchActiveMembers(chapterId: string, query: string, take = 20) {
  const q = query.trim();
  return db.member.findMany({
    where: {
      chapterId,
      status: "aktif",
      ...(q ? { OR: [{ fullName: { contains: q } }, { memberNumber: { contains: q } }] } : {}),
    },
    select: { id: true, fullName: true, memberNumber: true },
    orderBy: { fullName: "asc" },
    take,
  });
}

/**
 * The board as it stands on a day (today inside the period, otherwise its last or first day),
 * for the composition page and the susunan pengurus PDF.
 */
export async function boardComposition(chapterId: string, periodId: string, timeZone: string, now = new Date()) {
  const period = await getPeriod(chapterId, periodId);
  if (!period) return null;
  const day = compositionDay(period, calendarToday(timeZone, now));
  const current = period.holdings.filter((h) => holdsOn(h, period.endDate, day));
  return { period, day, holders: current };
}

/** The members holding a position today in the chapter's active period (for choosing a coordinator). */
export async function currentBoardMembers(chapterId: string, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  const rows = await db.positionHolding.findMany({
    where: {
      member: { chapterId, status: "aktif" },
      startDate: { lte: today },
      OR: [{ endDate: null }, { endDate: { gte: today } }],
      period: { chapterId, status: "active", startDate: { lte: today }, endDate: { gte: today } },
    },
    select: { member: { select: { id: true, fullName: true } }, position: { select: { title: true, sortOrder: true } } },
    orderBy: { position: { sortOrder: "asc" } },
  });
  const byMember = new Map<string, { id: string; fullName: string; titles: string[] }>();
  for (const r of rows) {
    const entry = byMember.get(r.member.id) ?? { ...r.member, titles: [] };
    entry.titles.push(r.position.title);
    byMember.set(r.member.id, entry);
  }
  return [...byMember.values()];
}
