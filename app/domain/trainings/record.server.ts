// A member's training record (trainings, hours, certificates, competencies) and the training
// path (the basic bimtek every active PSM needs), the record as a PDF, and training hours for
// reports, kept apart from field activity hours so that neither is counted twice.
import { getChapterLetterhead } from "~/domain/chapters/chapters.server";
import { renderTrainingRecordPdf } from "~/documents/pdf/render.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, notFound, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import type { Attendance, CourseKind, TrainingResult } from "~/validation/trainings";

/** Whether a member has the basic bimtek on record (a passed or attended basic course, an outside one, or the date on their profile). */
function hasBasicBimtek(member: {
  basicBimtekDate: Date | null;
  trainingParticipations: { attendance: Attendance | null; result: TrainingResult | null; event: { course: { kind: CourseKind } } }[];
  externalTrainings: { kind: CourseKind }[];
}) {
  return (
    member.basicBimtekDate !== null ||
    member.trainingParticipations.some(
      (p) => p.event.course.kind === "bimtek_dasar" && (p.result === "lulus" || (p.result === null && p.attendance === "hadir")),
    ) ||
    member.externalTrainings.some((e) => e.kind === "bimtek_dasar")
  );
}

type PathGap = "noBasicBimtek" | "expiredCertificate";

/** One line of a member's training history: an event of the chapter or a training taken outside. */
type TrainingLine = {
  key: string;
  title: string;
  kind: CourseKind;
  /** an organiser code for the chapter's events, the organiser's name for outside trainings */
  organiser: string;
  startDate: Date;
  endDate: Date;
  hours: number;
  attendance: Attendance | null;
  result: TrainingResult | null;
  score: number | null;
  eventId: string | null;
  external: boolean;
};

/**
 * A member's trainings, hours, certificates, competencies and what is missing from the path:
 * the board reads any member of the chapter, a member their own record.
 */
export async function memberTrainingRecord(actor: Actor, memberId: string, now = new Date()) {
  const own = memberId === actor.memberId && can(actor, "read:training:own");
  if (!own && !can(actor, "read:training:chapter")) return forbidden();
  const today = calendarToday(actor.timeZone, now);
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId: actor.chapterId },
    select: {
      id: true,
      fullName: true,
      memberNumber: true,
      status: true,
      basicBimtekDate: true,
      trainingParticipations: {
        select: {
          id: true,
          attendance: true,
          hoursAttended: true,
          result: true,
          score: true,
          event: {
            select: {
              id: true,
              startDate: true,
              endDate: true,
              place: true,
              hours: true,
              course: { select: { name: true, kind: true, organiser: true } },
            },
          },
        },
        orderBy: { event: { startDate: "desc" } },
      },
      externalTrainings: {
        select: { id: true, title: true, kind: true, organiser: true, startDate: true, endDate: true, hours: true },
        orderBy: { startDate: "desc" },
      },
      certificates: {
        select: { id: true, title: true, number: true, issuer: true, issuedOn: true, expiresOn: true, file: true },
        orderBy: { issuedOn: "desc" },
      },
      competencies: {
        select: { level: true, source: true, acquiredOn: true, competency: { select: { id: true, name: true } } },
        orderBy: { competency: { name: "asc" } },
      },
    },
  });
  if (!member) return notFound();
  const trainings: TrainingLine[] = [
    ...member.trainingParticipations.map((p): TrainingLine => ({
      key: `p-${p.id}`,
      title: p.event.course.name,
      kind: p.event.course.kind,
      organiser: p.event.course.organiser,
      startDate: p.event.startDate,
      endDate: p.event.endDate,
      hours: p.hoursAttended ?? 0,
      attendance: p.attendance,
      result: p.result,
      score: p.score,
      eventId: p.event.id,
      external: false,
    })),
    ...member.externalTrainings.map((e): TrainingLine => ({
      key: `e-${e.id}`,
      title: e.title,
      kind: e.kind,
      organiser: e.organiser,
      startDate: e.startDate,
      endDate: e.endDate,
      hours: e.hours,
      attendance: "hadir",
      result: null,
      score: null,
      eventId: null,
      external: true,
    })),
  ].sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  const gaps: PathGap[] = [];
  if (member.status === "aktif" && !hasBasicBimtek(member)) gaps.push("noBasicBimtek");
  const certificates = member.certificates.map((c) => ({ ...c, expired: c.expiresOn !== null && c.expiresOn < today }));
  if (certificates.some((c) => c.expired)) gaps.push("expiredCertificate");
  return ok({
    record: {
      member: { id: member.id, fullName: member.fullName, memberNumber: member.memberNumber, status: member.status },
      trainings,
      totalHours: trainings.reduce((sum, tr) => sum + (tr.hours ?? 0), 0),
      certificates,
      competencies: member.competencies,
      gaps,
    },
  });
}

/**
 * The training record as a PDF: the actor's own, or (for the board) the member asked for; a
 * volunteer asking for someone else gets their own.
 */
export async function trainingRecordPdf(
  actor: Actor,
  askedMemberId: string | null,
  now = new Date(),
): Promise<Outcome<{ bytes: Buffer; fileName: string }>> {
  // Only the board may ask for another member's record: a member naming someone else is refused,
  // never quietly given their own.
  if (askedMemberId && askedMemberId !== actor.memberId && !can(actor, "read:training:chapter")) return forbidden();
  const memberId = askedMemberId || actor.memberId;
  if (!memberId) return notFound();
  const found = await memberTrainingRecord(actor, memberId, now);
  if (!found.ok) return found;
  const { record } = found;
  const chapter = await getChapterLetterhead(actor.chapterId);
  const bytes = await renderTrainingRecordPdf({ chapter, generatedAt: now, ...record });
  return ok({ bytes, fileName: t("trainings.pdf.fileName", { number: (record.member.memberNumber ?? record.member.id).toLowerCase() }) });
}

/** Active members (PSM) without a basic bimtek on record. */
function withoutBasicBimtek(chapterId: string): Prisma.MemberWhereInput {
  return {
    chapterId,
    status: "aktif",
    basicBimtekDate: null,
    externalTrainings: { none: { kind: "bimtek_dasar" } },
    trainingParticipations: {
      none: {
        event: { course: { kind: "bimtek_dasar" } },
        OR: [{ result: "lulus" }, { result: null, attendance: "hadir" }],
      },
    },
  };
}

/** The first of the chapter's active members without a basic bimtek on record, by name, for the board's list. */
export async function membersWithoutBasicBimtek(actor: Actor, take = 200) {
  return db.member.findMany({
    where: withoutBasicBimtek(actor.chapterId),
    select: { id: true, fullName: true, memberNumber: true },
    orderBy: { fullName: "asc" },
    take,
  });
}

/** How many of the chapter's active members have no basic bimtek on record. */
export async function countMembersWithoutBasicBimtek(actor: Actor) {
  return db.member.count({ where: withoutBasicBimtek(actor.chapterId) });
}

/**
 * Training hours in a period (calendar dates, inclusive) for reports: hours attended at the
 * chapter's events and outside trainings, by the members of the chapters. A figure the reports
 * domain reads for the chapters it reports on (it checks the rights), so it takes no actor.
 */
export async function trainingHours(chapterIds: string[], from: Date, to: Date) {
  const [events, external] = await Promise.all([
    db.trainingParticipant.aggregate({
      where: { member: { chapterId: { in: chapterIds } }, event: { startDate: { gte: from, lte: to } } },
      _sum: { hoursAttended: true },
    }),
    db.externalTraining.aggregate({
      where: { member: { chapterId: { in: chapterIds } }, startDate: { gte: from, lte: to } },
      _sum: { hours: true },
    }),
  ]);
  return {
    events: events._sum.hoursAttended ?? 0,
    external: external._sum.hours ?? 0,
    total: (events._sum.hoursAttended ?? 0) + (external._sum.hours ?? 0),
  };
}
