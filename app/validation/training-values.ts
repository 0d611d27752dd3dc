// Training codes and the certificate expiry window, without zod: the training forms and lists show
// them before anything is typed (docs/decisions/028). app/validation/trainings.ts re-exports them.
import { Attendance, CompetencyLevel, CourseKind, Organiser, TrainingResult } from "~/generated/prisma/enums";

export const COURSE_KINDS = Object.values(CourseKind);

export const ORGANISERS = Object.values(Organiser);

export const ATTENDANCE = Object.values(Attendance);

export const RESULTS = Object.values(TrainingResult);

export const COMPETENCY_LEVELS = Object.values(CompetencyLevel);

/** Certificates expiring within this many days are listed (and those already expired). */
export const EXPIRY_WINDOW_DAYS = 90;
