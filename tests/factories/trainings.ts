// Builders for training tests: the forms as the shared schemas parse them, the national
// catalogue's ids, members to train, events, participation with a result, and what the
// assertions read back (competencies held, stored scans). Used by the trainings domain and route tests.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { ensureNationalCatalogue } from "~/domain/trainings/courses.server";
import { addParticipants, createEvent, recordResults } from "~/domain/trainings/events.server";
import type { Actor } from "~/domain/shared/actor.server";
import { db } from "~/utils/db.server";
import type { MemberStatus } from "~/validation/members";
import {
  certificateFormSchema,
  courseFormSchema,
  eventFormSchema,
  externalTrainingSchema,
  resultRowSchema,
  type Attendance,
  type CertificateFormInput,
  type CourseFormInput,
  type EventFormInput,
  type ExternalTrainingInput,
  type TrainingResult,
} from "~/validation/trainings";
import { expectOk } from "../support/outcomes";
import { PLACES } from "../support/timeline";
import { buildMember } from "./index";

/** The course form as posted (strings), parsed by the shared schema: a 12-hour diklat by IPSM. */
export const courseData = (overrides: Partial<CourseFormInput> = {}) =>
  courseFormSchema.parse({
    name: "Pelatihan Uji",
    kind: "diklat",
    organiser: "ipsm",
    hours: "12",
    issuesCertificate: "",
    certificateValidityYears: "",
    description: "",
    ...overrides,
  });

/** The event form: 10-12 February 2026 at the Dinas Sosial, the course's hours. */
export const eventData = (courseId: string, overrides: Partial<EventFormInput> = {}) =>
  eventFormSchema.parse({
    courseId,
    startDate: "2026-02-10",
    endDate: "2026-02-12",
    place: "Aula Dinas Sosial Kota Pontianak",
    organiser: "Dinas Sosial Kota Pontianak",
    trainers: "",
    capacity: "",
    hours: "",
    ...overrides,
  });

/** The certificate form: issued 15 January 2026, the course's validity. */
export const certificateData = (overrides: Partial<CertificateFormInput> = {}) =>
  certificateFormSchema.parse({
    number: "LSP-UJI/0001",
    issuer: "LSP Pekerja Sosial",
    issuedOn: "2026-01-15",
    expiresOn: "",
    ...overrides,
  });

/** The outside-training form: a 12-hour Kemensos diklat in November 2025, no certificate. */
export const externalData = (overrides: Partial<ExternalTrainingInput> = {}) =>
  externalTrainingSchema.parse({
    title: "Diklat Tagana Kementerian Sosial",
    kind: "diklat",
    organiser: "Kementerian Sosial RI",
    startDate: "2025-11-03",
    endDate: "2025-11-05",
    hours: "12",
    certificateNumber: "",
    certificateIssuedOn: "",
    certificateExpiresOn: "",
    ...overrides,
  });

/** One row of the results table. */
export const resultRow = (
  participantId: string,
  attendance: Attendance | null,
  hoursAttended: number | null,
  result: TrainingResult | null,
  score: number | null = null,
) => resultRowSchema.parse({ participantId, attendance, hoursAttended, result, score });

/** The id of a national course, by name. */
export async function nationalCourseId(name: string) {
  await ensureNationalCatalogue();
  return (await db.course.findFirstOrThrow({ where: { chapterId: null, name }, select: { id: true } })).id;
}

/** The id of a national competency, by name. */
export async function nationalCompetencyId(name: string) {
  await ensureNationalCatalogue();
  return (await db.competency.findFirstOrThrow({ where: { chapterId: null, name }, select: { id: true } })).id;
}

/** A member of the chapter (active, in Benuamelayu Laut unless told otherwise); their id. */
export async function trainee(chapterId: string, fullName: string, options: { villageCode?: string; status?: MemberStatus } = {}) {
  const member = await buildMember({
    chapterId,
    villageCode: options.villageCode ?? PLACES.V1002,
    fullName,
    status: options.status ?? "aktif",
  });
  return member.id;
}

/** An event of the course in the actor's chapter, scheduled by the actor; its id. */
export async function trainingEvent(actor: Actor, courseId: string, overrides: Partial<EventFormInput> = {}) {
  return expectOk(await createEvent(actor, eventData(courseId, overrides))).id;
}

/** The participant id of a member registered for an event. */
export async function participantOf(eventId: string, memberId: string) {
  return (await db.trainingParticipant.findUniqueOrThrow({ where: { eventId_memberId: { eventId, memberId } }, select: { id: true } })).id;
}

/** Registers the member for the event and records one result row (unless both are null); the participant id. */
export async function takePart(
  actor: Actor,
  eventId: string,
  memberId: string,
  attendance: Attendance | null,
  hours: number | null,
  result: TrainingResult | null,
) {
  expectOk(await addParticipants(actor, eventId, [memberId]));
  const participantId = await participantOf(eventId, memberId);
  if (attendance !== null || result !== null)
    expectOk(await recordResults(actor, eventId, [resultRow(participantId, attendance, hours, result)]));
  return participantId;
}

/** A member's competencies by name: level, source, when and by whom. */
export async function competenciesOf(memberId: string) {
  const rows = await db.memberCompetency.findMany({
    where: { memberId },
    select: { level: true, source: true, sourceId: true, acquiredOn: true, confirmedById: true, competency: { select: { name: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.competency.name, r]));
}

/** The certificate scans stored under an uploads folder, sorted. */
export async function storedCertificateFiles(uploadsDir: string) {
  try {
    return (await readdir(path.join(uploadsDir, "certificates"))).sort();
  } catch {
    return [];
  }
}
