// The training catalogue: the national competencies and courses every chapter starts with, and
// the chapter's own. A name is used once in what a chapter sees; a course gives its
// competencies at a level.
import { can, type Actor } from "~/domain/shared/actor.server";
import { forbidden, invalid, ok, type Outcome } from "~/domain/shared/outcome.server";
import { t } from "~/i18n/index";
import { db } from "~/utils/db.server";
import { NATIONAL_COMPETENCIES, NATIONAL_COURSES, type CompetencyLevel, type CourseFormData } from "~/validation/trainings";
import { audit, visibleTo } from "./shared.server";

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

/** The competencies the actor's chapter sees: national ones first, then its own. */
export async function listCompetencies(actor: Actor) {
  await ensureNationalCatalogue();
  return db.competency.findMany({
    where: visibleTo(actor.chapterId),
    select: { id: true, name: true, description: true, chapterId: true },
    orderBy: [{ chapterId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

/** The board adds a competency of the chapter's own; its name must be new to the chapter. */
export async function createCompetency(
  actor: Actor,
  input: { name: string; description: string | null },
): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  await ensureNationalCatalogue();
  const taken = await db.competency.findFirst({ where: { ...visibleTo(actor.chapterId), name: input.name }, select: { id: true } });
  if (taken) return invalid({ name: t("trainings.error.competencyTaken") });
  const last = await db.competency.findFirst({
    where: { chapterId: actor.chapterId },
    orderBy: { sortOrder: "desc" },
    select: { sortOrder: true },
  });
  return db.$transaction(async (tx) => {
    const competency = await tx.competency.create({
      data: { chapterId: actor.chapterId, name: input.name, description: input.description, sortOrder: (last?.sortOrder ?? 1000) + 10 },
      select: { id: true },
    });
    await audit(tx, actor, "training.competency.create", { type: "Competency", id: competency.id }, { after: { name: input.name } });
    return ok({ id: competency.id });
  });
}

/** The courses the actor's chapter sees: national ones first, then its own, by name. */
export async function listCourses(actor: Actor, options: { activeOnly?: boolean } = {}) {
  await ensureNationalCatalogue();
  return db.course.findMany({
    where: { ...visibleTo(actor.chapterId), ...(options.activeOnly ? { active: true } : {}) },
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

/** The board adds a course of the chapter's own, with the competencies it gives at their levels. */
export async function createCourse(
  actor: Actor,
  input: { data: CourseFormData; competencies: { id: string; level: CompetencyLevel }[] },
): Promise<Outcome<{ id: string }>> {
  if (!can(actor, "update:training:chapter")) return forbidden();
  await ensureNationalCatalogue();
  const known = await db.competency.findMany({
    where: { ...visibleTo(actor.chapterId), id: { in: input.competencies.map((c) => c.id) } },
    select: { id: true },
  });
  if (known.length !== new Set(input.competencies.map((c) => c.id)).size) {
    return invalid({ competencies: t("trainings.error.competency") });
  }
  const taken = await db.course.findFirst({ where: { ...visibleTo(actor.chapterId), name: input.data.name }, select: { id: true } });
  if (taken) return invalid({ name: t("trainings.error.courseTaken") });
  const { data } = input;
  return db.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        chapterId: actor.chapterId,
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
      actor,
      "training.course.create",
      { type: "Course", id: course.id },
      { after: { ...data, competencies: input.competencies } },
    );
    return ok({ id: course.id });
  });
}
