// Chapter levels, the Dinas Sosial password length and the longest village name, without zod: the
// chapter and setup forms show them before anything is typed (docs/decisions/028).
// app/validation/chapters.ts and regions.ts re-export them with their schemas.
import { ChapterLevel } from "~/generated/prisma/enums";
import { PASSWORD_MIN } from "./auth-values";

export const CHAPTER_LEVELS = Object.values(ChapterLevel);

/** The Kemendagri region level of each chapter level. */
export const REGION_LEVEL_OF: Record<ChapterLevel, "province" | "regency" | "district" | "village"> = {
  provinsi: "province",
  kabkota: "regency",
  kecamatan: "district",
  kelurahan: "village",
};

export const DINSOS_PASSWORD_MIN = PASSWORD_MIN;

/** The longest name a chapter may give a village (app/validation/regions.ts re-exports it). */
export const REGION_NAME_MAX = 80;
