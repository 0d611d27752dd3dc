// Training events: a course held on dates at a place, its participants (active members or
// candidates, within the capacity), and their attendance and results. Rules kept here:
// - attendance hours never exceed the event's hours; results only for registered participants;
// - passing gives the course's competencies (never lowering a level already held);
// - "upcoming" and "past" are counted from today in the chapter's time zone;
// - the members added to an event are invited (docs/decisions/029) in the same transaction.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, notFound, ok, refusable, Refused, type FieldErrors, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { calendarToday } from "~/utils/dates";
import { notify } from "~/domain/notifications/notify.server";
import { usersOfMembers } from "~/domain/notifications/recipients.server";
import { db } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { notInRunningImport, notInRunningImportSql } from "~/domain/members/linkable.server";
import { inIdOrder, searchMemberIds } from "~/domain/members/search.server";
import { formatCalendarDateShort, formatHours } from "~/utils/format";
import { calendarDateOf as date } from "~/validation/fields";
import type { EventFormData, ResultRow } from "~/validation/trainings";
import { grantCompetency } from "./competencies.server";
import { listCourses } from "./courses.server";
import { audit, visibleTo } from "./shared.server";

/** The Sekretaris schedules an event of a course the chapter sees; its hours are the course's unless given. */
export async function createEvent(actor: Actor, data: EventFormData): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const course = await db.course.findFirst({
    where: { id: data.courseId, ...visibleTo(actor.chapterId) },
    select: { id: true, hours: true, name: true },
  });
  if (!course) return invalid({ courseId: t("trainings.error.course") });
  return db.$transaction(async (tx) => {
    const event = await tx.trainingEvent.create({
      data: {
        chapterId: actor.chapterId,
        courseId: course.id,
        startDate: date(data.startDate),
        endDate: date(data.endDate),
        place: data.place,
        organiser: data.organiser,
        trainers: data.trainers,
        capacity: data.capacity,
        hours: data.hours ?? course.hours,
      },
      select: { id: true },
    });
    await audit(tx, actor, "training.event.create", { type: "TrainingEvent", id: event.id }, { after: { course: course.name, ...data } });
    return ok({ id: event.id });
  });
}

/** The chapter's events: upcoming first (soonest first), then past (latest first). */
export async function listEvents(actor: Actor, now = new Date()) {
  const today = calendarToday(actor.timeZone, now);
  const chapterId = actor.chapterId;
  const select = {
    id: true,
    startDate: true,
    endDate: true,
    place: true,
    hours: true,
    capacity: true,
    course: { select: { name: true, kind: true } },
    _count: { select: { participants: true } },
  } as const;
  const [upcoming, past] = await Promise.all([
    db.trainingEvent.findMany({ where: { chapterId, endDate: { gte: today } }, select, orderBy: { startDate: "asc" }, take: 50 }),
    db.trainingEvent.findMany({ where: { chapterId, endDate: { lt: today } }, select, orderBy: { startDate: "desc" }, take: 50 }),
  ]);
  const shape = (e: (typeof upcoming)[number]) => ({ ...e, participantCount: e._count.participants });
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

/** An event of the chapter with its course and participants, for the board. */
export async function getEvent(actor: Actor, eventId: string) {
  if (!can(actor, "read:training:chapter")) return forbidden();
  const event = await db.trainingEvent.findFirst({
    where: { id: eventId, chapterId: actor.chapterId },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      place: true,
      organiser: true,
      trainers: true,
      capacity: true,
      hours: true,
      course: {
        select: {
          id: true,
          name: true,
          kind: true,
          issuesCertificate: true,
          certificateValidityYears: true,
          organiser: true,
          competencies: { select: { level: true, competency: { select: { name: true } } } },
        },
      },
      participants: {
        select: {
          id: true,
          attendance: true,
          hoursAttended: true,
          result: true,
          score: true,
          member: { select: { id: true, fullName: true, memberNumber: true } },
          certificate: { select: { id: true, number: true, issuedOn: true, expiresOn: true, file: true } },
        },
        orderBy: { member: { fullName: "asc" } },
      },
    },
  });
  return event ? ok({ event }) : notFound();
}

/**
 * Members the Sekretaris may register (active or candidate, not the new members of an import still
 * committing), searched by name or number; none for anyone else.
 */
export async function searchRegistrableMembers(actor: Actor, query: string, excludeEventId?: string, take = 50) {
  if (!can(actor, "update:training:chapter")) return [];
  const notYetRegistered = excludeEventId
    ? Prisma.sql` AND NOT EXISTS (SELECT 1 FROM "TrainingParticipant" p WHERE p."memberId" = m."id" AND p."eventId" = ${excludeEventId})`
    : Prisma.empty;
  const ids = await searchMemberIds({
    chapterId: actor.chapterId,
    search: query,
    where: Prisma.sql`m."status" IN ('aktif', 'calon') AND ${notInRunningImportSql()}${notYetRegistered}`,
    take,
  });
  const rows = await db.member.findMany({
    where: { id: { in: ids } },
    select: { id: true, fullName: true, memberNumber: true, status: true, village: { select: { name: true } } },
  });
  return inIdOrder(ids, rows);
}

/** Registers members for an event (several at once); the already registered are skipped. */
export async function addParticipants(
  actor: Actor,
  eventId: string,
  memberIds: string[],
): Promise<Outcome<{ added: number; skipped: number }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  return refusable(() =>
    db.$transaction(async (tx) => {
      const event = await tx.trainingEvent.findFirst({
        where: { id: eventId, chapterId: actor.chapterId },
        select: {
          id: true,
          capacity: true,
          startDate: true,
          endDate: true,
          place: true,
          course: { select: { name: true } },
          _count: { select: { participants: true } },
        },
      });
      if (!event) throw new Refused(notFound(t("trainings.error.eventMissing")));
      const ids = [...new Set(memberIds)];
      if (ids.length === 0) throw new Refused(invalid({ memberIds: t("trainings.error.noMembers") }));
      const members = await tx.member.findMany({
        where: {
          id: { in: ids },
          chapterId: actor.chapterId,
          status: { in: ["aktif", "calon"] },
          AND: [await notInRunningImport(actor.chapterId, tx)],
        },
        select: { id: true, fullName: true },
      });
      if (members.length !== ids.length) throw new Refused(invalid({ memberIds: t("trainings.error.notRegistrable") }));
      const already = new Set(
        (await tx.trainingParticipant.findMany({ where: { eventId: event.id, memberId: { in: ids } }, select: { memberId: true } })).map(
          (p) => p.memberId,
        ),
      );
      const fresh = members.filter((m) => !already.has(m.id));
      if (event.capacity !== null && event._count.participants + fresh.length > event.capacity) {
        throw new Refused(
          invalid({
            memberIds: t("trainings.error.capacity", {
              capacity: event.capacity,
              free: Math.max(0, event.capacity - event._count.participants),
            }),
          }),
        );
      }
      await tx.trainingParticipant.createMany({ data: fresh.map((m) => ({ eventId: event.id, memberId: m.id })) });
      await audit(
        tx,
        actor,
        "training.participants.add",
        { type: "TrainingEvent", id: event.id },
        { after: { members: fresh.map((m) => m.fullName) } },
      );
      // the members just added are invited, in the portal (and by email if they wish)
      const start = formatCalendarDateShort(event.startDate);
      const end = formatCalendarDateShort(event.endDate);
      await notify(tx, {
        kind: "training_invitation",
        chapterId: actor.chapterId,
        eventKey: `training-invitation:${event.id}`,
        recipients: await usersOfMembers(
          tx,
          fresh.map((m) => m.id),
        ),
        link: "/trainings",
        params: {
          event: event.course.name,
          date: start === end ? start : t("notifications.training_invitation.dates", { start, end }),
          place: event.place,
        },
      });
      return ok({ added: fresh.length, skipped: members.length - fresh.length });
    }),
  );
}

/**
 * Records attendance and results for an event's participants, all or nothing. A row for someone
 * not registered for the event, hours above the event's, or a "lulus" for someone absent is
 * refused (field errors keyed by participant id). Passing gives the course's competencies.
 */
export async function recordResults(actor: Actor, eventId: string, rows: ResultRow[]): Promise<Outcome<{ saved: number; passed: number }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  return refusable(() =>
    db.$transaction(async (tx) => {
      const event = await tx.trainingEvent.findFirst({
        where: { id: eventId, chapterId: actor.chapterId },
        select: {
          id: true,
          hours: true,
          endDate: true,
          course: { select: { competencies: { select: { competencyId: true, level: true } } } },
          participants: { select: { id: true, memberId: true, attendance: true, hoursAttended: true, result: true, score: true } },
        },
      });
      if (!event) throw new Refused(notFound(t("trainings.error.eventMissing")));
      const registered = new Map(event.participants.map((p) => [p.id, p]));
      const errors: FieldErrors = {};
      for (const row of rows) {
        if (!registered.has(row.participantId)) {
          errors[`${row.participantId}.result`] = t("trainings.error.notParticipant");
          continue;
        }
        if (row.hoursAttended !== null && row.hoursAttended > event.hours) {
          errors[`${row.participantId}.hoursAttended`] = t("trainings.error.hoursAboveEvent", { hours: formatHours(event.hours) });
        }
        if (row.attendance === "tidak_hadir" && row.hoursAttended) {
          errors[`${row.participantId}.hoursAttended`] = t("trainings.error.hoursWhenAbsent");
        }
        if (row.result === "lulus" && row.attendance === "tidak_hadir") {
          errors[`${row.participantId}.result`] = t("trainings.error.passedWhenAbsent");
        }
      }
      if (Object.keys(errors).length) throw new Refused(invalid(errors));

      let passed = 0;
      for (const row of rows) {
        const before = registered.get(row.participantId)!;
        const hours =
          row.attendance === "hadir" && row.hoursAttended === null ? event.hours : row.attendance === "tidak_hadir" ? 0 : row.hoursAttended;
        await tx.trainingParticipant.update({
          where: { id: row.participantId },
          data: { attendance: row.attendance, hoursAttended: hours, result: row.result, score: row.score },
        });
        if (row.result === "lulus") {
          passed += 1;
          for (const c of event.course.competencies) {
            await grantCompetency(tx, {
              memberId: before.memberId,
              competencyId: c.competencyId,
              level: c.level,
              source: "training",
              sourceId: row.participantId,
              acquiredOn: event.endDate,
            });
          }
        }
        await audit(
          tx,
          actor,
          "training.result",
          { type: "TrainingEvent", id: event.id },
          {
            before: {
              participantId: before.id,
              attendance: before.attendance,
              hoursAttended: before.hoursAttended,
              result: before.result,
              score: before.score,
            },
            after: { participantId: before.id, attendance: row.attendance, hoursAttended: hours, result: row.result, score: row.score },
          },
        );
      }
      return ok({ saved: rows.length, passed });
    }),
  );
}

/** What the new-event form offers: the chapter's active courses, and its name as the default organiser. */
export async function newEventForm(actor: Actor) {
  if (!can(actor, "update:training:chapter")) return forbidden();
  const [courses, chapter] = await Promise.all([
    listCourses(actor, { activeOnly: true }),
    db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { name: true } }),
  ]);
  return ok({ courses: courses.map((c) => ({ id: c.id, name: c.name, kind: c.kind, hours: c.hours })), chapterName: chapter.name });
}
