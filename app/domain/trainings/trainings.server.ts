// Trainings and competencies: the course catalogue (national and the chapter's own), training
// events with their participants, attendance and results, trainings taken outside the chapter,
// certificates (unique numbers, expiry), members' competencies, and the training path.
// Rules kept here:
// - attendance hours never exceed the event's hours; results only for registered participants;
// - a certificate's number is unique in the chapter and it never expires before it is issued;
// - passing a course gives its competencies (never lowering a level already held);
// - expiry windows and "today" are computed in the chapter's time zone;
// - training hours are kept apart from field activity hours (trainingHours, for reports).
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { addDays, calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { refusable, Refused, type FieldErrors } from "~/domain/shared/legacy-outcome.server";

export type { FieldErrors };
import { formatHours } from "~/utils/format";
import { calendarDateOf as date, optionalCalendarDateOf as optionalDate } from "~/validation/fields";
import {
  EXPIRY_WINDOW_DAYS,
  LEVEL_RANK,
  NATIONAL_COMPETENCIES,
  NATIONAL_COURSES,
  type CertificateFormData,
  type CompetencyLevel,
  type CourseFormData,
  type EventFormData,
  type ExternalTrainingData,
  type ResultRow,
} from "~/validation/trainings";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import {
  checkDocument,
  planDocument,
  readDocument,
  removeDocument,
  type DocumentError,
  type DocumentUpload,
} from "~/domain/shared/scans.server";

type Tx = Prisma.TransactionClient;

function audit(
  tx: Tx,
  who: { actorId: string; chapterId: string },
  action: string,
  entity: { type: string; id: string },
  change: { before?: unknown; after?: unknown },
) {
  return recordAudit(
    { actorId: who.actorId, chapterId: who.chapterId, action, entityType: entity.type, entityId: entity.id, ...change },
    tx,
  );
}

/** Courses and competencies visible to a chapter: national ones and its own. */
const visibleTo = (chapterId: string) => ({ OR: [{ chapterId: null }, { chapterId }] });

// ---------------------------------------------------------------------------------------------
// Catalogue

/** Loads the national competencies and courses the first time they are needed. */
export async function ensureNationalCatalogue() {
  if ((await db.competency.count({ where: { chapterId: null } })) > 0) return;
  await db.$transaction(async (tx) => {
    if ((await tx.competency.count({ where: { chapterId: null } })) > 0) return;
    const ids = new Map<string, string>();
    for (const [index, name] of NATIONAL_COMPETENCIES.entries()) {
      const competency = await tx.competency.create({ data: { name, sortOrder: index * 10 }, select: { id: true } });
      ids.set(name, competency.id);
    }
    for (const course of NATIONAL_COURSES) {
      await tx.course.create({
        data: {
          name: course.name,
          kind: course.kind,
          organiser: course.organiser,
          hours: course.hours,
          issuesCertificate: course.validityYears !== null || course.kind !== "webinar",
          certificateValidityYears: course.validityYears,
          competencies: { create: course.competencies.map((c) => ({ competencyId: ids.get(c.name)!, level: c.level })) },
        },
      });
    }
  });
}

export async function listCompetencies(chapterId: string) {
  await ensureNationalCatalogue();
  return db.competency.findMany({
    where: visibleTo(chapterId),
    select: { id: true, name: true, description: true, chapterId: true },
    orderBy: [{ chapterId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

export async function createCompetency(input: { chapterId: string; actorId: string; name: string; description: string | null }) {
  await ensureNationalCatalogue();
  const taken = await db.competency.findFirst({ where: { ...visibleTo(input.chapterId), name: input.name }, select: { id: true } });
  if (taken) return { ok: false as const, fieldErrors: { name: t("trainings.error.competencyTaken") } };
  const last = await db.competency.findFirst({
    where: { chapterId: input.chapterId },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  return db.$transaction(async (tx) => {
    const competency = await tx.competency.create({
      data: { chapterId: input.chapterId, name: input.name, description: input.description, sortOrder: (last?.sortOrder ?? 1000) + 10 },
      select: { id: true },
    });
    await audit(tx, input, "training.competency.create", { type: "Competency", id: competency.id }, { after: { name: input.name } });
    return { ok: true as const, id: competency.id };
  });
}

export async function listCourses(chapterId: string, options: { activeOnly?: boolean } = {}) {
  await ensureNationalCatalogue();
  return db.course.findMany({
    where: { ...visibleTo(chapterId), ...(options.activeOnly ? { active: true } : {}) },
    select: {
      id: true,
      name: true,
      kind: true,
      organiser: true,
      hours: true,
      issuesCertificate: true,
      certificateValidityYears: true,
      chapterId: true,
      active: true,
      competencies: { select: { level: true, competency: { select: { id: true, name: true } } } },
    },
    orderBy: [{ chapterId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

export async function createCourse(input: {
  chapterId: string;
  actorId: string;
  data: CourseFormData;
  competencies: { id: string; level: CompetencyLevel }[];
}) {
  await ensureNationalCatalogue();
  const known = await db.competency.findMany({
    where: { ...visibleTo(input.chapterId), id: { in: input.competencies.map((c) => c.id) } },
    select: { id: true },
  });
  if (known.length !== new Set(input.competencies.map((c) => c.id)).size) {
    return { ok: false as const, fieldErrors: { competencies: t("trainings.error.competency") } as FieldErrors };
  }
  const taken = await db.course.findFirst({ where: { ...visibleTo(input.chapterId), name: input.data.name }, select: { id: true } });
  if (taken) return { ok: false as const, fieldErrors: { name: t("trainings.error.courseTaken") } as FieldErrors };
  const { data } = input;
  return db.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        chapterId: input.chapterId,
        name: data.name,
        kind: data.kind,
        organiser: data.organiser,
        hours: data.hours,
        issuesCertificate: data.issuesCertificate,
        certificateValidityYears: data.issuesCertificate ? data.certificateValidityYears : null,
        description: data.description,
        competencies: { create: input.competencies.map((c) => ({ competencyId: c.id, level: c.level })) },
      },
      select: { id: true },
    });
    await audit(
      tx,
      input,
      "training.course.create",
      { type: "Course", id: course.id },
      { after: { ...data, competencies: input.competencies } },
    );
    return { ok: true as const, id: course.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Events and participants

export async function createEvent(input: { chapterId: string; actorId: string; data: EventFormData }) {
  const course = await db.course.findFirst({
    where: { id: input.data.courseId, ...visibleTo(input.chapterId) },
    select: { id: true, hours: true, name: true },
  });
  if (!course) return { ok: false as const, fieldErrors: { courseId: t("trainings.error.course") } };
  const { data } = input;
  return db.$transaction(async (tx) => {
    const event = await tx.trainingEvent.create({
      data: {
        chapterId: input.chapterId,
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
    await audit(tx, input, "training.event.create", { type: "TrainingEvent", id: event.id }, { after: { course: course.name, ...data } });
    return { ok: true as const, id: event.id };
  });
}

/** The chapter's events: upcoming first (soonest first), then past (latest first). */
export async function listEvents(chapterId: string, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
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

export async function getEvent(chapterId: string, eventId: string) {
  return db.trainingEvent.findFirst({
    where: { id: eventId, chapterId },
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
}

/** Members who may be registered (active or candidate), searched by name or number. */
export async function searchRegistrableMembers(chapterId: string, query: string, excludeEventId?: string, take = 50) {
  const q = query.trim();
  return db.member.findMany({
    where: {
      chapterId,
      status: { in: ["aktif", "calon"] },
      ...(q ? { OR: [{ fullName: { contains: q } }, { memberNumber: { contains: q } }] } : {}),
      ...(excludeEventId ? { trainingParticipations: { none: { eventId: excludeEventId } } } : {}),
    },
    select: { id: true, fullName: true, memberNumber: true, status: true, village: { select: { name: true } } },
    orderBy: { fullName: "asc" },
    take,
  });
}

/** Registers members for an event (several at once); the already registered are skipped. */
export async function addParticipants(input: { chapterId: string; actorId: string; eventId: string; memberIds: string[] }) {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const event = await tx.trainingEvent.findFirst({
        where: { id: input.eventId, chapterId: input.chapterId },
        select: { id: true, capacity: true, _count: { select: { participants: true } } },
      });
      if (!event) throw new Refused({ form: t("trainings.error.eventMissing") });
      const ids = [...new Set(input.memberIds)];
      if (ids.length === 0) throw new Refused({ memberIds: t("trainings.error.noMembers") });
      const members = await tx.member.findMany({
        where: { id: { in: ids }, chapterId: input.chapterId, status: { in: ["aktif", "calon"] } },
        select: { id: true, fullName: true },
      });
      if (members.length !== ids.length) throw new Refused({ memberIds: t("trainings.error.notRegistrable") });
      const already = new Set(
        (await tx.trainingParticipant.findMany({ where: { eventId: event.id, memberId: { in: ids } }, select: { memberId: true } })).map(
          (p) => p.memberId,
        ),
      );
      const fresh = members.filter((m) => !already.has(m.id));
      if (event.capacity !== null && event._count.participants + fresh.length > event.capacity) {
        throw new Refused({
          memberIds: t("trainings.error.capacity", {
            capacity: event.capacity,
            free: Math.max(0, event.capacity - event._count.participants),
          }),
        });
      }
      await tx.trainingParticipant.createMany({ data: fresh.map((m) => ({ eventId: event.id, memberId: m.id })) });
      await audit(
        tx,
        input,
        "training.participants.add",
        { type: "TrainingEvent", id: event.id },
        { after: { members: fresh.map((m) => m.fullName) } },
      );
      return { ok: true as const, added: fresh.length, skipped: members.length - fresh.length };
    }),
  );
}

/**
 * Records attendance and results for an event's participants, all or nothing. A row for someone
 * not registered for the event, hours above the event's, or a "lulus" for someone absent is
 * refused (field errors keyed by participant id). Passing gives the course's competencies.
 */
export async function recordResults(input: { chapterId: string; actorId: string; eventId: string; rows: ResultRow[] }) {
  return refusable(() =>
    db.$transaction(async (tx) => {
      const event = await tx.trainingEvent.findFirst({
        where: { id: input.eventId, chapterId: input.chapterId },
        select: {
          id: true,
          hours: true,
          endDate: true,
          course: { select: { competencies: { select: { competencyId: true, level: true } } } },
          participants: { select: { id: true, memberId: true, attendance: true, hoursAttended: true, result: true, score: true } },
        },
      });
      if (!event) throw new Refused({ form: t("trainings.error.eventMissing") });
      const registered = new Map(event.participants.map((p) => [p.id, p]));
      const errors: FieldErrors = {};
      for (const row of input.rows) {
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
      if (Object.keys(errors).length) throw new Refused(errors);

      let passed = 0;
      for (const row of input.rows) {
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
              level: c.level as CompetencyLevel,
              source: "training",
              sourceId: row.participantId,
              acquiredOn: event.endDate,
            });
          }
        }
        await audit(
          tx,
          input,
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
      return { ok: true as const, saved: input.rows.length, passed };
    }),
  );
}

/** Gives a member a competency at a level, unless they already hold it at that level or above. */
async function grantCompetency(
  tx: Tx,
  input: {
    memberId: string;
    competencyId: string;
    level: CompetencyLevel;
    source: "training" | "certificate" | "board";
    sourceId: string | null;
    acquiredOn: Date;
    confirmedById?: string;
  },
) {
  const held = await tx.memberCompetency.findUnique({
    where: { memberId_competencyId: { memberId: input.memberId, competencyId: input.competencyId } },
    select: { id: true, level: true },
  });
  if (held && LEVEL_RANK[held.level as CompetencyLevel] >= LEVEL_RANK[input.level] && input.source !== "board") return;
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

/** The board confirms (or corrects) a member's competency at a level. */
export async function confirmCompetency(input: {
  chapterId: string;
  actorId: string;
  memberId: string;
  competencyId: string;
  level: CompetencyLevel;
  timeZone: string;
}) {
  const [member, competency] = await Promise.all([
    db.member.findFirst({ where: { id: input.memberId, chapterId: input.chapterId }, select: { id: true, fullName: true } }),
    db.competency.findFirst({ where: { id: input.competencyId, ...visibleTo(input.chapterId) }, select: { id: true, name: true } }),
  ]);
  if (!member) return { ok: false as const, notFound: true as const };
  if (!competency) return { ok: false as const, fieldErrors: { competencyId: t("trainings.error.competency") } };
  await db.$transaction(async (tx) => {
    await grantCompetency(tx, {
      memberId: member.id,
      competencyId: competency.id,
      level: input.level,
      source: "board",
      sourceId: null,
      acquiredOn: calendarToday(input.timeZone),
      confirmedById: input.actorId,
    });
    await audit(
      tx,
      input,
      "training.competency.confirm",
      { type: "Member", id: member.id },
      { after: { competency: competency.name, level: input.level } },
    );
  });
  return { ok: true as const, memberName: member.fullName, competency: competency.name };
}

// ---------------------------------------------------------------------------------------------
// Certificates and outside trainings

async function assertNumberFree(tx: Tx, chapterId: string, number: string, exceptId?: string) {
  const taken = await tx.certificate.findFirst({
    where: { chapterId, number, id: exceptId ? { not: exceptId } : undefined },
    select: { member: { select: { fullName: true } } },
  });
  if (taken) throw new Refused({ number: t("trainings.error.certificateTaken", { name: taken.member.fullName }) });
}

/** The default expiry: the course's validity counted from the issue date (null: no expiry). */
function defaultExpiry(issuedOn: Date, validityYears: number | null) {
  if (!validityYears) return null;
  const d = new Date(issuedOn);
  d.setUTCFullYear(d.getUTCFullYear() + validityYears);
  return addDays(d, -1);
}

/**
 * Records the certificate of a participant who passed (and its scan, when one is given). The
 * expiry defaults to the course's validity. A second call replaces the details.
 */
export async function saveParticipantCertificate(input: {
  chapterId: string;
  actorId: string;
  eventId: string;
  participantId: string;
  data: CertificateFormData;
  file: DocumentUpload | null;
}) {
  const checked = input.file ? checkDocument(input.file) : null;
  if (checked && "error" in checked) return { ok: false as const, fieldErrors: { file: t(`trainings.file.error.${checked.error}`) } };
  return refusable(async () => {
    const participant = await db.trainingParticipant.findFirst({
      where: { id: input.participantId, eventId: input.eventId, event: { chapterId: input.chapterId } },
      select: {
        id: true,
        result: true,
        memberId: true,
        member: { select: { fullName: true } },
        certificate: { select: { id: true, file: true } },
        event: {
          select: {
            course: {
              select: {
                name: true,
                certificateValidityYears: true,
                competencies: { select: { competencyId: true, level: true } },
                kind: true,
              },
            },
          },
        },
      },
    });
    if (!participant) throw new Refused({ form: t("trainings.error.notParticipant") });
    if (participant.result !== "lulus") throw new Refused({ number: t("trainings.error.certificateNotPassed") });
    const issuedOn = date(input.data.issuedOn);
    const expiresOn = optionalDate(input.data.expiresOn) ?? defaultExpiry(issuedOn, participant.event.course.certificateValidityYears);
    // The scan is written first and the certificate saved with it, or neither (uploads.server.ts).
    const file = checked ? planDocument("certificates", participant.memberId, input.file!.bytes, checked.extension) : null;
    const fileName = file?.fileName ?? null;
    const saved = await saveWithFiles(file ? [file] : [], () =>
      db.$transaction(async (tx) => {
        await assertNumberFree(tx, input.chapterId, input.data.number, participant.certificate?.id);
        const data = {
          chapterId: input.chapterId,
          memberId: participant.memberId,
          participantId: participant.id,
          title: participant.event.course.name,
          number: input.data.number,
          issuer: input.data.issuer,
          issuedOn,
          expiresOn,
          ...(fileName ? { file: fileName, fileType: (checked as { type: string }).type } : {}),
        };
        const certificate = participant.certificate
          ? await tx.certificate.update({ where: { id: participant.certificate.id }, data, select: { id: true } })
          : await tx.certificate.create({ data, select: { id: true } });
        if (participant.event.course.kind === "sertifikasi") {
          for (const c of participant.event.course.competencies) {
            await grantCompetency(tx, {
              memberId: participant.memberId,
              competencyId: c.competencyId,
              level: c.level as CompetencyLevel,
              source: "certificate",
              sourceId: certificate.id,
              acquiredOn: issuedOn,
            });
          }
        }
        await audit(
          tx,
          input,
          "training.certificate.save",
          { type: "Member", id: participant.memberId },
          {
            after: { certificateId: certificate.id, number: input.data.number, issuedOn, expiresOn, file: fileName },
          },
        );
        return certificate;
      }),
    );
    if (isStorageFault(saved)) throw new Refused({ file: t("upload.storageFault") });
    if (fileName && participant.certificate?.file) await removeDocument("certificates", participant.certificate.file);
    return { ok: true as const, id: saved.id, memberName: participant.member.fullName };
  });
}

/** A training taken outside the chapter, for one member, with its certificate when given. */
export async function addExternalTraining(input: {
  chapterId: string;
  actorId: string;
  memberId: string;
  data: ExternalTrainingData;
  file: DocumentUpload | null;
}) {
  const checked = input.file ? checkDocument(input.file) : null;
  if (checked && "error" in checked) return { ok: false as const, fieldErrors: { file: t(`trainings.file.error.${checked.error}`) } };
  if (checked && !input.data.certificateNumber)
    return { ok: false as const, fieldErrors: { certificateNumber: t("trainings.error.certificateNumberForFile") } };
  const member = await db.member.findFirst({
    where: { id: input.memberId, chapterId: input.chapterId },
    select: { id: true, fullName: true },
  });
  if (!member) return { ok: false as const, notFound: true as const };
  const { data } = input;
  return refusable(async () => {
    // The scan is written first and the training saved with it, or neither (uploads.server.ts).
    const file = checked ? planDocument("certificates", member.id, input.file!.bytes, checked.extension) : null;
    const fileName = file?.fileName ?? null;
    const saved = await saveWithFiles(file ? [file] : [], () =>
      db.$transaction(async (tx) => {
        const training = await tx.externalTraining.create({
          data: {
            memberId: member.id,
            title: data.title,
            kind: data.kind,
            organiser: data.organiser,
            startDate: date(data.startDate),
            endDate: date(data.endDate),
            hours: data.hours,
          },
          select: { id: true },
        });
        if (data.certificateNumber) {
          await assertNumberFree(tx, input.chapterId, data.certificateNumber);
          await tx.certificate.create({
            data: {
              chapterId: input.chapterId,
              memberId: member.id,
              externalTrainingId: training.id,
              title: data.title,
              number: data.certificateNumber,
              issuer: data.organiser,
              issuedOn: date(data.certificateIssuedOn!),
              expiresOn: optionalDate(data.certificateExpiresOn),
              ...(fileName ? { file: fileName, fileType: (checked as { type: string }).type } : {}),
            },
          });
        }
        await audit(tx, input, "training.external.create", { type: "Member", id: member.id }, { after: { ...data, file: fileName } });
        return { ok: true as const, id: training.id, memberName: member.fullName };
      }),
    );
    if (isStorageFault(saved)) throw new Refused({ file: t("upload.storageFault") });
    return saved;
  });
}

/** A certificate's scan, for the chapter's board or the member it belongs to. */
export async function readCertificateFile(chapterId: string, certificateId: string, onlyMemberId?: string) {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, chapterId, ...(onlyMemberId ? { memberId: onlyMemberId } : {}) },
    select: { number: true, file: true, fileType: true },
  });
  if (!certificate?.file || !certificate.fileType) return null;
  const bytes = await readDocument("certificates", certificate.file);
  return bytes
    ? { bytes, type: certificate.fileType, name: `Sertifikat ${certificate.number}.${certificate.file.split(".").pop()}` }
    : null;
}

export type { DocumentError };

/** Whose certificates the expiry list follows: members still with the chapter (not those who left or died). */
const EXPIRY_MEMBER_STATUSES = ["aktif", "calon", "nonaktif"];

/**
 * Certificates that have expired or expire within the window, counted from today in the
 * chapter's time zone: expired (expiresOn before today) and expiring (today .. today + window).
 */
export async function expiringCertificates(chapterId: string, timeZone: string, now = new Date(), windowDays = EXPIRY_WINDOW_DAYS) {
  const today = calendarToday(timeZone, now);
  const until = addDays(today, windowDays);
  const rows = await db.certificate.findMany({
    where: { chapterId, expiresOn: { not: null, lte: until }, member: { status: { in: EXPIRY_MEMBER_STATUSES } } },
    select: {
      id: true,
      number: true,
      title: true,
      expiresOn: true,
      member: { select: { id: true, fullName: true, memberNumber: true } },
    },
    orderBy: { expiresOn: "asc" },
  });
  const withDays = rows.map((r) => ({ ...r, daysLeft: Math.round((r.expiresOn!.getTime() - today.getTime()) / 86_400_000) }));
  return { today, expired: withDays.filter((r) => r.daysLeft < 0), expiring: withDays.filter((r) => r.daysLeft >= 0) };
}

/** Counts for the dashboard card. */
export async function expiryCounts(chapterId: string, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  const member = { status: { in: EXPIRY_MEMBER_STATUSES } };
  const [expired, expiring] = await Promise.all([
    db.certificate.count({ where: { chapterId, member, expiresOn: { lt: today } } }),
    db.certificate.count({ where: { chapterId, member, expiresOn: { gte: today, lte: addDays(today, EXPIRY_WINDOW_DAYS) } } }),
  ]);
  return { expired, expiring };
}

// ---------------------------------------------------------------------------------------------
// A member's record and the training path

/** Whether a member has the basic bimtek on record (a passed or attended basic course, an outside one, or the date on their profile). */
function hasBasicBimtek(member: {
  basicBimtekDate: Date | null;
  trainingParticipations: { attendance: string | null; result: string | null; event: { course: { kind: string } } }[];
  externalTrainings: { kind: string }[];
}) {
  return (
    member.basicBimtekDate !== null ||
    member.trainingParticipations.some(
      (p) => p.event.course.kind === "bimtek_dasar" && (p.result === "lulus" || (p.result === null && p.attendance === "hadir")),
    ) ||
    member.externalTrainings.some((e) => e.kind === "bimtek_dasar")
  );
}

export type PathGap = "noBasicBimtek" | "expiredCertificate";

/** A member's trainings, hours, certificates, competencies and what is missing from the path. */
export async function memberTrainingRecord(chapterId: string, memberId: string, timeZone: string, now = new Date()) {
  const today = calendarToday(timeZone, now);
  const member = await db.member.findFirst({
    where: { id: memberId, chapterId },
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
  if (!member) return null;
  const trainings = [
    ...member.trainingParticipations.map((p) => ({
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
    ...member.externalTrainings.map((e) => ({
      key: `e-${e.id}`,
      title: e.title,
      kind: e.kind,
      organiser: e.organiser,
      startDate: e.startDate,
      endDate: e.endDate,
      hours: e.hours,
      attendance: "hadir" as string | null,
      result: null as string | null,
      score: null as number | null,
      eventId: null as string | null,
      external: true,
    })),
  ].sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  const gaps: PathGap[] = [];
  if (member.status === "aktif" && !hasBasicBimtek(member)) gaps.push("noBasicBimtek");
  const certificates = member.certificates.map((c) => ({ ...c, expired: c.expiresOn !== null && c.expiresOn < today }));
  if (certificates.some((c) => c.expired)) gaps.push("expiredCertificate");
  return {
    member: { id: member.id, fullName: member.fullName, memberNumber: member.memberNumber, status: member.status },
    trainings,
    totalHours: trainings.reduce((sum, tr) => sum + (tr.hours ?? 0), 0),
    certificates,
    competencies: member.competencies,
    gaps,
  };
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

/** The first of the active members without a basic bimtek on record, by name, for the board's list. */
export async function membersWithoutBasicBimtek(chapterId: string, take = 200) {
  return db.member.findMany({
    where: withoutBasicBimtek(chapterId),
    select: { id: true, fullName: true, memberNumber: true },
    orderBy: { fullName: "asc" },
    take,
  });
}

/** How many active members have no basic bimtek on record. */
export async function countMembersWithoutBasicBimtek(chapterId: string) {
  return db.member.count({ where: withoutBasicBimtek(chapterId) });
}

/**
 * Training hours in a period (calendar dates, inclusive) for reports: hours attended at the
 * chapter's events and outside trainings, by the members of the chapter. Kept apart from field
 * activity hours, so that neither is counted twice.
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

// ---------------------------------------------------------------------------------------------
// Competency matrix

export const MATRIX_PAGE_SIZE = 100;

/** Active members x competencies (level held), optionally for one kecamatan, a page at a time. */
export async function competencyMatrix(chapterId: string, options: { districtCode?: string | null; page?: number; all?: boolean } = {}) {
  const competencies = await listCompetencies(chapterId);
  const where: Prisma.MemberWhereInput = {
    chapterId,
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
  return {
    competencies: competencies.map((c) => ({ id: c.id, name: c.name })),
    rows: members.map((m) => ({
      id: m.id,
      fullName: m.fullName,
      memberNumber: m.memberNumber,
      village: m.village.name,
      district: m.village.parent?.name ?? "",
      levels: Object.fromEntries(m.competencies.map((c) => [c.competencyId, c.level])) as Record<string, string>,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MATRIX_PAGE_SIZE)),
  };
}

/** The competency matrix (all matching members) as an .xlsx workbook. */
export async function competencyMatrixXlsx(chapterId: string, districtCode: string | null) {
  const { default: ExcelJS } = await import("exceljs");
  const matrix = await competencyMatrix(chapterId, { districtCode, all: true });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("trainings.matrix.sheet"));
  sheet.columns = [
    { header: t("trainings.column.name"), width: 28 },
    { header: t("trainings.column.number"), width: 16 },
    { header: t("trainings.column.district"), width: 20 },
    { header: t("trainings.column.village"), width: 20 },
    ...matrix.competencies.map((c) => ({ header: c.name, width: Math.max(12, Math.min(30, c.name.length)) })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  const levelText = (level: string | undefined) => (level ? t(`trainings.level.${level}` as Parameters<typeof t>[0]) : "");
  for (const row of matrix.rows) {
    sheet.addRow([
      row.fullName,
      row.memberNumber ?? "",
      row.district,
      row.village,
      ...matrix.competencies.map((c) => levelText(row.levels[c.id])),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
