// Who holds which position when: appointing a member, ending a holding, and a mid-term
// replacement (PAW). The rules:
// - a position is held by an active member of the chapter, inside the period's dates;
// - a single-holder position has one holder at a time, and a member never holds two
//   single-holder positions at once;
// - a replacement ends one holding the day before the next starts; both stay as history;
// - every change is audited under the period.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, refusable, Refused, type FieldErrors, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { addDays, rangesOverlap } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { notInRunningImport, notInRunningImportSql } from "~/domain/members/linkable.server";
import { inIdOrder, searchMemberIds } from "~/domain/members/search.server";
import { formatCalendarDateLong } from "~/utils/format";
import { calendarDateOf as date, optionalCalendarDateOf as optionalDate } from "~/validation/fields";
import type { EndHoldingData, HoldingFormData, ReplaceHoldingData } from "~/validation/leadership";
import { audit, type Tx } from "./audit.server";

function canManage(actor: Actor) {
  return can(actor, "update:leadership:chapter");
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
  if (!period) throw new Refused(invalid({ form: t("leadership.error.periodMissing") }));
  const position = await tx.boardPosition.findFirst({
    where: { id: candidate.positionId, chapterId },
    select: { id: true, title: true, singleHolder: true, active: true },
  });
  if (!position || !position.active) throw new Refused(invalid({ positionId: t("leadership.error.positionMissing") }));
  const member = await tx.member.findFirst({
    where: { id: candidate.memberId, AND: [await notInRunningImport(chapterId, tx)] },
    select: { id: true, fullName: true, status: true, chapterId: true },
  });
  if (!member || member.chapterId !== chapterId) throw new Refused(invalid({ memberId: t("leadership.error.notMember") }));
  if (member.status !== "aktif") throw new Refused(invalid({ memberId: t("leadership.error.memberInactive", { name: member.fullName }) }));

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
  if (Object.keys(errors).length) throw new Refused(invalid(errors));

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
      throw new Refused(invalid({ memberId: t("leadership.error.alreadyHolds", { name: member.fullName, position: position.title }) }));
    }
    if (other.positionId === position.id && position.singleHolder) {
      throw new Refused(
        invalid({
          memberId: t("leadership.error.positionFilled", { position: position.title, name: other.member.fullName }),
        }),
      );
    }
    if (other.memberId === member.id && position.singleHolder && other.position.singleHolder) {
      throw new Refused(
        invalid({
          memberId: t("leadership.error.twoSingleHolder", { name: member.fullName, position: other.position.title }),
        }),
      );
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
export async function addHolding(
  actor: Actor,
  periodId: string,
  data: HoldingFormData,
): Promise<Outcome<{ id: string; memberName: string; positionTitle: string }>> {
  if (!canManage(actor)) return forbidden();
  const candidate = {
    periodId,
    positionId: data.positionId,
    memberId: data.memberId,
    start: date(data.startDate),
    end: optionalDate(data.endDate),
  };
  return refusable(() =>
    db.$transaction(async (tx) => {
      const { position, member } = await checkHolding(tx, actor.chapterId, candidate);
      const holding = await tx.positionHolding.create({
        data: {
          periodId,
          positionId: position.id,
          memberId: member.id,
          startDate: candidate.start,
          endDate: candidate.end,
          skNumber: data.skNumber,
          skDate: optionalDate(data.skDate),
        },
        select: { id: true },
      });
      await audit(tx, actor, "leadership.holding.create", periodId, {
        after: {
          holdingId: holding.id,
          ...holdingAudit({
            positionTitle: position.title,
            memberName: member.fullName,
            memberId: member.id,
            start: candidate.start,
            end: candidate.end,
            skNumber: data.skNumber,
          }),
        },
      });
      return ok({ id: holding.id, memberName: member.fullName, positionTitle: position.title });
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
export async function endHolding(
  actor: Actor,
  holdingId: string,
  data: EndHoldingData,
): Promise<Outcome<{ periodId: string; memberName: string; positionTitle: string }>> {
  if (!canManage(actor)) return forbidden();
  const lastDay = date(data.endDate);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const holding = await findHolding(tx, actor.chapterId, holdingId);
      if (!holding) return notFound();
      const currentEnd = holding.endDate ?? holding.period.endDate;
      if (lastDay < holding.startDate) throw new Refused(invalid({ endDate: t("leadership.error.endBeforeStart") }));
      if (lastDay > currentEnd) {
        throw new Refused(invalid({ endDate: t("leadership.error.endAfterHolding", { date: formatCalendarDateLong(currentEnd) }) }));
      }
      await tx.positionHolding.update({
        where: { id: holding.id },
        data: { endDate: lastDay, endReason: data.endReason, endNote: data.endNote },
      });
      await audit(tx, actor, "leadership.holding.end", holding.periodId, {
        before: { holdingId: holding.id, position: holding.position.title, member: holding.member.fullName, endDate: holding.endDate },
        after: { holdingId: holding.id, endDate: lastDay, endReason: data.endReason, endNote: data.endNote },
      });
      return ok({ periodId: holding.periodId, memberName: holding.member.fullName, positionTitle: holding.position.title });
    }),
  );
}

/**
 * A mid-term replacement (PAW): the holding ends the day before `startDate` and the new holder
 * holds the same position from `startDate` to where the old holding would have ended. Both
 * stay in the history; the new holding points back to the one it replaced.
 */
export async function replaceHolding(
  actor: Actor,
  holdingId: string,
  data: ReplaceHoldingData,
): Promise<Outcome<{ id: string; periodId: string; memberName: string }>> {
  if (!canManage(actor)) return forbidden();
  const start = date(data.startDate);
  return refusable(() =>
    db.$transaction(async (tx) => {
      const old = await findHolding(tx, actor.chapterId, holdingId);
      if (!old) return notFound();
      if (old.replacedBy) {
        throw new Refused(
          invalid({
            startDate: t("leadership.error.alreadyReplaced", {
              name: old.replacedBy.member.fullName,
              date: formatCalendarDateLong(old.replacedBy.startDate),
            }),
          }),
        );
      }
      const oldEnd = old.endDate ?? old.period.endDate;
      if (start <= old.startDate) {
        throw new Refused(invalid({ startDate: t("leadership.error.replaceTooEarly", { date: formatCalendarDateLong(old.startDate) }) }));
      }
      if (start > oldEnd) {
        throw new Refused(invalid({ startDate: t("leadership.error.replaceAfterEnd", { date: formatCalendarDateLong(oldEnd) }) }));
      }
      if (data.memberId === old.member.id) throw new Refused(invalid({ memberId: t("leadership.error.sameHolder") }));
      const lastDay = addDays(start, -1);
      await tx.positionHolding.update({
        where: { id: old.id },
        data: { endDate: lastDay, endReason: data.endReason, endNote: data.endNote },
      });
      const { position, member } = await checkHolding(tx, actor.chapterId, {
        periodId: old.periodId,
        positionId: old.positionId,
        memberId: data.memberId,
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
          skNumber: data.skNumber,
          skDate: optionalDate(data.skDate),
          replacesId: old.id,
        },
        select: { id: true },
      });
      await audit(tx, actor, "leadership.holding.replace", old.periodId, {
        before: { holdingId: old.id, position: old.position.title, member: old.member.fullName, endDate: old.endDate },
        after: {
          endedHolding: { holdingId: old.id, endDate: lastDay, endReason: data.endReason, endNote: data.endNote },
          newHolding: {
            holdingId: created.id,
            ...holdingAudit({
              positionTitle: position.title,
              memberName: member.fullName,
              memberId: member.id,
              start,
              end: old.endDate,
              skNumber: data.skNumber,
            }),
          },
        },
      });
      return ok({ id: created.id, periodId: old.periodId, memberName: member.fullName });
    }),
  );
}

/**
 * Active members of the actor's chapter to choose a holder from (name or member number), a few at
 * a time; not the new members of an import still committing.
 */
export async function searchActiveMembers(actor: Actor, query: string, take = 20) {
  const where = Prisma.sql`m."status" = 'aktif' AND ${notInRunningImportSql()}`;
  const ids = await searchMemberIds({ chapterId: actor.chapterId, search: query, where, take });
  const rows = await db.member.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, memberNumber: true } });
  return inIdOrder(ids, rows);
}
