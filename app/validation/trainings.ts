// Training rules that browser and server share: kinds, organisers, levels, the forms of courses,
// events, results, certificates and outside trainings. The rules that need the database
// (registered participants, unique certificate numbers, hours of the event) live in
// app/domain/trainings/.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { Attendance, CompetencyLevel, CompetencySource, CourseKind, Organiser, TrainingResult } from "~/generated/prisma/enums";
import { calendarDate, optionalCalendarDate, optionalText, parseCalendarDate, requiredText } from "./fields";
import { COURSE_KINDS, ORGANISERS, ATTENDANCE, RESULTS, COMPETENCY_LEVELS } from "./training-values";
export { COURSE_KINDS, ORGANISERS, ATTENDANCE, RESULTS, COMPETENCY_LEVELS, EXPIRY_WINDOW_DAYS } from "./training-values";

// The codes are the Prisma enums (prisma/schema.prisma), spelled once; the lists follow their order.
export { Attendance, CompetencyLevel, CompetencySource, CourseKind, Organiser, TrainingResult };

/**
 * The competencies ticked in the course form (`competency`, several), each with the level chosen
 * beside it (`level.<id>`; "dasar" when the form sends none). A level outside the list is refused,
 * never replaced by a default.
 */
export function parseCourseCompetencies(formData: FormData): {
  entries: { id: string; level: CompetencyLevel }[];
  fieldErrors: Record<string, string>;
} {
  const entries: { id: string; level: CompetencyLevel }[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const id of new Set(formData.getAll("competency").map(String).filter(Boolean))) {
    const level = String(formData.get(`level.${id}`) ?? "dasar");
    const known = COMPETENCY_LEVELS.find((l) => l === level);
    if (known) entries.push({ id, level: known });
    else fieldErrors[`level.${id}`] = t("trainings.error.level");
  }
  return { entries, fieldErrors };
}
export const LEVEL_RANK: Record<CompetencyLevel, number> = { dasar: 1, menengah: 2, mahir: 3 };

/** Competencies every chapter starts with (national list); a chapter adds its own. */
export const NATIONAL_COMPETENCIES = [
  "Pendataan dan verval DTSEN",
  "Asesmen PPKS",
  "Pendampingan dan rujukan",
  "Pertolongan pertama psikologis",
  "Manajemen kasus",
  "Penanganan bencana",
  "Advokasi sosial",
] as const;

/** National courses shared by all chapters: the training path of a PSM. */
export const NATIONAL_COURSES: readonly {
  name: string;
  kind: CourseKind;
  organiser: Organiser;
  hours: number;
  validityYears: number | null;
  competencies: { name: (typeof NATIONAL_COMPETENCIES)[number]; level: CompetencyLevel }[];
}[] = [
  {
    name: "Bimbingan Teknis Dasar Pekerja Sosial Masyarakat",
    kind: "bimtek_dasar",
    organiser: "dinsos",
    hours: 24,
    validityYears: null,
    competencies: [
      { name: "Pendataan dan verval DTSEN", level: "dasar" },
      { name: "Asesmen PPKS", level: "dasar" },
    ],
  },
  {
    name: "Bimtek Pendataan dan Verifikasi Validasi DTSEN",
    kind: "bimtek_teknis",
    organiser: "dinsos",
    hours: 16,
    validityYears: null,
    competencies: [{ name: "Pendataan dan verval DTSEN", level: "menengah" }],
  },
  {
    name: "Diklat Pendampingan Sosial (Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial)",
    kind: "diklat",
    organiser: "kemensos",
    hours: 40,
    validityYears: null,
    competencies: [
      { name: "Pendampingan dan rujukan", level: "menengah" },
      { name: "Manajemen kasus", level: "dasar" },
    ],
  },
  {
    name: "Sertifikasi Kompetensi Pekerja Sosial Masyarakat (LSP Kemensos)",
    kind: "sertifikasi",
    organiser: "lsp",
    hours: 8,
    validityYears: 5,
    competencies: [
      { name: "Asesmen PPKS", level: "menengah" },
      { name: "Pendampingan dan rujukan", level: "menengah" },
    ],
  },
];

const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: t("validation.required") })
    .trim()
    .min(1, t("validation.required"))
    .regex(/^\d+$/, t("trainings.error.wholeNumber"))
    .transform(Number)
    .refine((n) => n >= min && n <= max, t("trainings.error.range", { min, max }));

const optionalWholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d+$/.test(v), t("trainings.error.wholeNumber"))
    .transform((v) => (v ? Number(v) : null))
    .refine((n) => n === null || (n >= min && n <= max), t("trainings.error.range", { min, max }));

/** Hours such as "6" or "1,5" (Indonesian decimal comma) or "1.5". */
function parseHours(value: string): number | null {
  const normalized = value.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

const optionalHours = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parseHours(v) !== null, t("trainings.error.hours"))
  .transform((v) => (v ? parseHours(v) : null));

const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

function notBefore(ctx: z.RefinementCtx, start: string | undefined, end: string | undefined, path: string, message: string) {
  const a = start ? parseCalendarDate(start) : null;
  const b = end ? parseCalendarDate(end) : null;
  if (a && b && b < a) ctx.addIssue({ code: "custom", path: [path], message });
}

export const courseFormSchema = z
  .object({
    name: requiredText(200),
    kind: z.enum(COURSE_KINDS, { error: t("trainings.error.kind") }),
    organiser: z.enum(ORGANISERS, { error: t("trainings.error.organiser") }),
    hours: wholeNumber(1, 1000),
    issuesCertificate: checkbox,
    certificateValidityYears: optionalWholeNumber(1, 20),
    description: optionalText(1000, { multiline: true }),
  })
  .superRefine((v, ctx) => {
    if (!v.issuesCertificate && v.certificateValidityYears) {
      ctx.addIssue({ code: "custom", path: ["certificateValidityYears"], message: t("trainings.error.validityWithoutCertificate") });
    }
  });
export type CourseFormInput = z.input<typeof courseFormSchema>;
export type CourseFormData = z.output<typeof courseFormSchema>;

export const competencyFormSchema = z.object({
  name: requiredText(150),
  description: optionalText(500, { multiline: true }),
});
export type CompetencyFormInput = z.input<typeof competencyFormSchema>;

export const eventFormSchema = z
  .object({
    courseId: z
      .string({ error: t("trainings.error.course") })
      .trim()
      .min(1, t("trainings.error.course")),
    startDate: calendarDate,
    endDate: calendarDate,
    place: requiredText(200),
    organiser: requiredText(200),
    trainers: optionalText(500),
    capacity: optionalWholeNumber(1, 10000),
    hours: optionalHours,
  })
  .superRefine((v, ctx) => {
    notBefore(ctx, v.startDate, v.endDate, "endDate", t("trainings.error.endBeforeStart"));
    if (v.hours !== null && v.hours !== undefined && (v.hours <= 0 || v.hours > 1000)) {
      ctx.addIssue({ code: "custom", path: ["hours"], message: t("trainings.error.hours") });
    }
  });
export type EventFormInput = z.input<typeof eventFormSchema>;
export type EventFormData = z.output<typeof eventFormSchema>;

/** One participant's attendance and result, as the results table posts it. */
export const resultRowSchema = z
  .object({
    participantId: z.string().min(1),
    attendance: z.enum(ATTENDANCE).nullable(),
    hoursAttended: z.number().min(0).nullable(),
    result: z.enum(RESULTS).nullable(),
    score: z.number().min(0).max(100).nullable(),
  })
  .strict();
export type ResultRow = z.output<typeof resultRowSchema>;

export const certificateFormSchema = z
  .object({
    number: requiredText(100),
    issuer: requiredText(200),
    issuedOn: calendarDate,
    expiresOn: optionalCalendarDate,
  })
  .superRefine((v, ctx) => notBefore(ctx, v.issuedOn, v.expiresOn, "expiresOn", t("trainings.error.expiryBeforeIssue")));
export type CertificateFormInput = z.input<typeof certificateFormSchema>;
export type CertificateFormData = z.output<typeof certificateFormSchema>;

/** Training a member attended outside the chapter, with its certificate when there is one. */
export const externalTrainingSchema = z
  .object({
    title: requiredText(200),
    kind: z.enum(COURSE_KINDS, { error: t("trainings.error.kind") }),
    organiser: requiredText(200),
    startDate: calendarDate,
    endDate: calendarDate,
    hours: z
      .string({ error: t("validation.required") })
      .trim()
      .min(1, t("validation.required"))
      .refine((v) => parseHours(v) !== null && parseHours(v)! > 0 && parseHours(v)! <= 1000, t("trainings.error.hours"))
      .transform((v) => parseHours(v)!),
    certificateNumber: optionalText(100),
    certificateIssuedOn: optionalCalendarDate,
    certificateExpiresOn: optionalCalendarDate,
  })
  .superRefine((v, ctx) => {
    notBefore(ctx, v.startDate, v.endDate, "endDate", t("trainings.error.endBeforeStart"));
    if (v.certificateNumber && !v.certificateIssuedOn) {
      ctx.addIssue({ code: "custom", path: ["certificateIssuedOn"], message: t("trainings.error.issuedOnRequired") });
    }
    notBefore(ctx, v.certificateIssuedOn, v.certificateExpiresOn, "certificateExpiresOn", t("trainings.error.expiryBeforeIssue"));
  });
export type ExternalTrainingInput = z.input<typeof externalTrainingSchema>;
export type ExternalTrainingData = z.output<typeof externalTrainingSchema>;

/**
 * The members ticked in the "add participants" form (`memberIds`, several): at least one. The
 * browser's form gives one id, several or none; the server reads `formData.getAll("memberIds")`.
 */
export const participantsFormSchema = z.object({
  memberIds: z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
    z.array(z.string().min(1)).min(1, t("trainings.error.noMembers")),
  ),
});

/** The board confirms a member's competency. */
export const memberCompetencySchema = z.object({
  competencyId: z
    .string({ error: t("trainings.error.competency") })
    .trim()
    .min(1, t("trainings.error.competency")),
  level: z.enum(COMPETENCY_LEVELS, { error: t("trainings.error.level") }),
});
export type MemberCompetencyInput = z.input<typeof memberCompetencySchema>;
export type MemberCompetencyData = z.output<typeof memberCompetencySchema>;

/**
 * The rows of the results table as a form posts them (`attendance.<id>`, `hoursAttended.<id>`,
 * `result.<id>`, `score.<id>` for each `participant` id), with errors keyed `<id>.<field>`.
 */
export function parseResultRows(formData: FormData): { rows: ResultRow[]; fieldErrors: Record<string, string> } {
  const rows: ResultRow[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const id of formData.getAll("participant").map(String)) {
    const text = (name: string) => String(formData.get(`${name}.${id}`) ?? "").trim();
    const attendance = text("attendance");
    const result = text("result");
    const hours = text("hoursAttended");
    const score = text("score");
    const hoursValue = hours ? parseHours(hours) : null;
    const scoreValue = score ? parseHours(score) : null;
    if (hours && hoursValue === null) fieldErrors[`${id}.hoursAttended`] = t("trainings.error.hours");
    if (score && (scoreValue === null || scoreValue > 100)) fieldErrors[`${id}.score`] = t("trainings.error.range", { min: 0, max: 100 });
    const row = resultRowSchema.safeParse({
      participantId: id,
      attendance: attendance || null,
      hoursAttended: hoursValue,
      result: result || null,
      score: scoreValue !== null && scoreValue <= 100 ? scoreValue : null,
    });
    if (!row.success) fieldErrors[`${id}.result`] ??= t("trainings.error.badRow");
    else rows.push(row.data);
  }
  return { rows, fieldErrors };
}
