// Chapter forms that browser and server share: the administrator's chapter form (level, region,
// parent, name, code and letterhead) and the board's own profile (letterhead, contact, letter
// code), and the Dinas Sosial login form. Region rules that need the database (the region's
// level, inside the parent's) are checked by the domain.
import { ChapterLevel } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import { newPasswordField } from "./auth";
import { memberFormSchema } from "~/validation/members";
import { optionalText, requiredText } from "~/validation/fields";
import { z } from "~/validation/zod";
export { CHAPTER_LEVELS, DINSOS_PASSWORD_MIN, REGION_LEVEL_OF } from "./chapter-values";

/** The order of the levels, top first: a sub-chapter's level is below its parent's. */
export const LEVEL_RANK: Record<ChapterLevel, number> = { provinsi: 0, kabkota: 1, kecamatan: 2, kelurahan: 3 };

/** What a chapter's board sets itself: the letterhead, contacts and the letter code. */
export const chapterProfileSchema = z.object({
  code: z
    .string({ error: t("validation.required") })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,6}(-[A-Z]{2,6})?$/, t("chapters.error.code")),
  letterheadSubtitle: requiredText(120),
  letterPlace: requiredText(60),
  address: requiredText(200, { multiline: true }),
  phone: optionalText(30),
  email: memberFormSchema.shape.email,
  website: optionalText(200),
});
export type ChapterProfileData = z.output<typeof chapterProfileSchema>;

/** The administrator's chapter form: the profile plus the chapter's place in the tree. */
export const chapterFormSchema = chapterProfileSchema.extend({
  name: requiredText(120),
  level: z.enum(ChapterLevel, { error: t("chapters.error.level") }),
  regionCode: z
    .string({ error: t("chapters.error.region") })
    .trim()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, t("chapters.error.region")),
  parentId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ChapterFormData = z.output<typeof chapterFormSchema>;

/** A Dinas Sosial login bound to a province or a kab/kota. */
export const dinsosLoginSchema = z.object({
  name: requiredText(100),
  email: z
    .string({ error: t("validation.required") })
    .trim()
    .toLowerCase()
    .max(254, t("validation.tooLong", { max: 254 }))
    .refine((v) => z.email().safeParse(v).success, t("validation.email")),
  regionCode: z
    .string({ error: t("chapters.dinsos.error.region") })
    .trim()
    .regex(/^\d{2}(\.\d{2})?$/, t("chapters.dinsos.error.region")),
  /** the first password, given to the officer by the administrator (changed later in /profile) */
  password: newPasswordField,
});
export type DinsosLoginData = z.output<typeof dinsosLoginSchema>;
