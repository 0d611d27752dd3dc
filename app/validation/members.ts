// Member rules that browser and server share: constants, NIK and phone checks, the form schema.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { MembershipType, MemberStatus, Sex } from "~/generated/prisma/enums";
import { MEMBER_STATUSES, MEMBERSHIP_TYPES } from "./member-codes";
import { birthDate, calendarDate, cleanText, optionalCalendarDate, optionalText, parseCalendarDate, requiredText } from "./fields";

export { parseCalendarDate, toDateInput } from "./fields";
export { MEMBERSHIP_TYPES } from "./member-codes";
export { formatMemberNumber, formatPhone, memberFiltersQuery, MEMBER_SORTS, type MemberFilters, type MemberSort } from "./member-values";
import { MEMBER_SORTS, type MemberFilters } from "./member-values";

// The codes are the Prisma enums (prisma/schema.prisma), spelled once; the lists follow their order.
export { MemberStatus, MembershipType, Sex };
export { MEMBER_STATUSES };

/** Candidates and active members may hold a login; leaving the association (the other statuses) ends it. */
export const LOGIN_HOLDER_STATUSES: readonly MemberStatus[] = ["calon", "aktif"];
export function mayHoldLogin(status: MemberStatus): boolean {
  return LOGIN_HOLDER_STATUSES.includes(status);
}
export const SEXES = Object.values(Sex);

/** Members listed per page in /members. */
export const MEMBERS_PAGE_SIZE = 50;

/** Youngest age at joining (Permensos 10/2019). */
export const MIN_AGE_AT_JOINING = 18;

/** The kecamatan code in an NIK's first six digits, dotted: "617101" -> "61.71.01". */
export function nikDistrictCode(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
}

/**
 * Whether the birth date in an NIK (digits 7-12, DDMMYY, day + 40 for women) agrees with the
 * birth date and sex given. The century is not in the NIK, so only day, month and the last two
 * digits of the year are compared.
 */
export function nikMatchesBirth(nik: string, birthDate: Date, sex: Sex): boolean {
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year = Number(nik.slice(10, 12));
  const expectedDay = birthDate.getUTCDate() + (sex === "P" ? 40 : 0);
  return day === expectedDay && month === birthDate.getUTCMonth() + 1 && year === birthDate.getUTCFullYear() % 100;
}

/**
 * An Indonesian mobile number in E.164 ("+6281234567890"), from "0812-3456-7890",
 * "+62 812 3456 7890" or "62812..."; null when it is not one (10-13 digits from the 0).
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, "");
  let national: string;
  if (digits.startsWith("+62")) national = `0${digits.slice(3)}`;
  else if (digits.startsWith("62")) national = `0${digits.slice(2)}`;
  else national = digits;
  if (!/^08\d{8,11}$/.test(national)) return null;
  return `+62${national.slice(1)}`;
}

/** Whole years between two calendar dates. */
export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** The add/edit member form. Fields are strings as a form posts them. */
export const memberFormSchema = z
  .object({
    fullName: requiredText(100),
    nik: z
      .string({ error: t("validation.required") })
      .trim()
      .regex(/^\d{16}$/, t("validation.nik.format")),
    sex: z.enum(Sex, { error: t("validation.sex") }),
    birthDate,
    phone: z
      .string()
      .trim()
      .max(30, t("validation.phone"))
      .optional()
      .refine((v) => !v || normalizePhone(v) !== null, t("validation.phone"))
      .transform((v) => (v ? normalizePhone(v) : null)),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, t("validation.tooLong", { max: 254 }))
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, t("validation.email"))
      .transform((v) => (v ? v : null)),
    address: requiredText(200, { multiline: true }),
    villageCode: z
      .string({ error: t("validation.village") })
      .trim()
      .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, t("validation.village")),
    joinDate: calendarDate,
    membershipType: z.enum(MembershipType, { error: t("validation.required") }).default("biasa"),
    skPsmNumber: optionalText(100),
    skPsmDate: optionalCalendarDate,
    basicBimtekDate: optionalCalendarDate,
  })
  .superRefine((v, ctx) => {
    const birth = parseCalendarDate(v.birthDate);
    const joined = parseCalendarDate(v.joinDate);
    if (birth && /^\d{16}$/.test(v.nik) && (v.sex === "L" || v.sex === "P") && !nikMatchesBirth(v.nik, birth, v.sex)) {
      ctx.addIssue({ code: "custom", path: ["nik"], message: t("validation.nik.birthDate") });
    }
    if (birth && joined && ageOn(birth, joined) < MIN_AGE_AT_JOINING) {
      ctx.addIssue({ code: "custom", path: ["joinDate"], message: t("validation.minAge", { age: MIN_AGE_AT_JOINING }) });
    }
    if (v.skPsmNumber && !v.skPsmDate) {
      ctx.addIssue({ code: "custom", path: ["skPsmDate"], message: t("validation.skDate") });
    }
  });
export type MemberFormInput = z.input<typeof memberFormSchema>;
export type MemberFormData = z.output<typeof memberFormSchema>;

/** Changing a member's status: the new status, from when, and why. */
export const statusChangeSchema = z.object({
  status: z.enum(MemberStatus, { error: t("validation.status") }),
  effectiveDate: calendarDate,
  reason: requiredText(500, { multiline: true }),
});
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

/** What a volunteer may correct on their own profile. */
export const profileFormSchema = z.object({
  phone: memberFormSchema.shape.phone,
  email: memberFormSchema.shape.email,
  address: requiredText(200, { multiline: true }),
});

/** A member number pattern must contain the serial, or numbers could repeat. */
export function isValidMemberNumberPattern(pattern: string): boolean {
  return /\{NOMOR(:\d+)?\}/.test(pattern);
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The longest name search taken from a URL (a full name is at most 100 characters). */
export const MAX_SEARCH_LENGTH = 100;

/** A search typed into a list's search box: cleaned of control characters, at most 100 characters. */
export function searchTerm(value: string | null): string | undefined {
  return (
    cleanText(value ?? "")
      .slice(0, MAX_SEARCH_LENGTH)
      .trim() || undefined
  );
}

/** The /members filters from a URL's query (?q=&status=&kecamatan=&kelurahan=&jenis=&sort=&dir=). */
export function parseMemberFilters(params: URLSearchParams): MemberFilters {
  const region = (value: string | null, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);
  return {
    search: searchTerm(params.get("q")),
    status: pick(MEMBER_STATUSES, params.get("status")),
    districtCode: region(params.get("kecamatan"), /^\d{2}\.\d{2}\.\d{2}$/),
    villageCode: region(params.get("kelurahan"), /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
    membershipType: pick(MEMBERSHIP_TYPES, params.get("jenis")),
    sort: pick(MEMBER_SORTS, params.get("sort")) ?? "name",
    direction: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

/** The chapter's registry settings: member number pattern and card validity. */
export const memberSettingsSchema = z.object({
  memberNumberPattern: requiredText(60).refine(isValidMemberNumberPattern, t("validation.memberNumberPattern")),
  cardValidityYears: z.coerce
    .number({ error: t("validation.cardYears") })
    .int(t("validation.cardYears"))
    .min(1, t("validation.cardYears"))
    .max(10, t("validation.cardYears")),
});
export type MemberSettingsInput = z.input<typeof memberSettingsSchema>;
