// Activity rules that browser and server share: statuses, funding sources, the activity form
// (scalar fields by zod, people reached and aid as repeated fields). The rules that need the
// database or the clock of the chapter (closing days, no future date, coordinator scope,
// idempotency) live in app/domain/activities/.
import { z } from "~/validation/zod";
import { ActivityStatus, AgeBand, FollowUpStatus, FundingSource, Sex } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import {
  ACTIVITY_STATUSES,
  FOLLOW_UP_FILTERS,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_UPDATE_STATUSES,
  FUNDING_SOURCES,
  MAX_PHOTOS,
} from "./activity-codes";
import { calendarDate, cleanText, optionalText, parseCalendarDate, parsePage, parseRupiah, readRupiah, text, toDateInput } from "./fields";

export { parseRupiah };

// The codes are the Prisma enums (prisma/schema.prisma), spelled once; the lists follow their order.
export { ActivityStatus, AgeBand, FollowUpStatus, FundingSource };
export { ACTIVITY_STATUSES, FOLLOW_UP_FILTERS, FOLLOW_UP_STATUSES, FOLLOW_UP_UPDATE_STATUSES, FUNDING_SOURCES, MAX_PHOTOS };
export const AGE_BANDS = Object.values(AgeBand);
const SEXES = Object.values(Sex);

export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** Whether a posted value is one of the codes of the list (and so of its enum). */
const isCode = <T extends string>(codes: readonly T[], value: string | null | undefined): value is T =>
  (codes as readonly string[]).includes(value ?? "");

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 24 * 60;
export const MAX_AID_ROWS = 5;
export const ACTIVITIES_PAGE_SIZE = 50;

/** The activity types a chapter starts with; the list is chapter data and can grow. */
export const DEFAULT_ACTIVITY_TYPES = [
  "Kunjungan rumah / validasi data PPKS",
  "Verval DTSEN (ground check)",
  "Tanggap darurat / bencana",
  "Penyaluran bantuan",
  "Tindak lanjut pengaduan",
  "Pendampingan dan rujukan",
  "Asesmen RTLH",
  "Sosialisasi / penyuluhan",
  "Musdes / muskel",
  "Rapat dan koordinasi IPSM",
  "Bakti sosial",
  "Kegiatan program mitra CSR",
] as const;

/** The 26 PPKS categories (Permensos 08/2012); the first seven are children's. */
export const NATIONAL_PPKS = [
  "Anak Balita Terlantar",
  "Anak Terlantar",
  "Anak yang Berhadapan dengan Hukum (ABH)",
  "Anak Jalanan",
  "Anak dengan Kedisabilitasan (ADK)",
  "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
  "Anak yang Memerlukan Perlindungan Khusus (AMPK)",
  "Lanjut Usia Terlantar",
  "Penyandang Disabilitas",
  "Tuna Susila",
  "Gelandangan",
  "Pengemis",
  "Pemulung",
  "Kelompok Minoritas",
  "Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)",
  "Orang dengan HIV/AIDS (ODHA)",
  "Korban Penyalahgunaan NAPZA",
  "Korban Trafficking",
  "Korban Tindak Kekerasan",
  "Pekerja Migran Bermasalah Sosial (PMBS)",
  "Korban Bencana Alam",
  "Korban Bencana Sosial",
  "Perempuan Rawan Sosial Ekonomi (PRSE)",
  "Fakir Miskin",
  "Keluarga Bermasalah Sosial Psikologis",
  "Komunitas Adat Terpencil (KAT)",
] as const;
export const CHILDREN_PPKS_COUNT = 7;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const wholeCount = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d+$/.test(v), t("activities.error.count"))
    .transform((v) => (v ? Number(v) : 0))
    .refine((n) => n <= max, t("activities.error.tooMany", { max }));

function minutesOf(time: string) {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** The scalar fields of the activity form. */
export const activityFormSchema = z
  .object({
    idempotencyKey: z.string().trim().min(8).max(100),
    date: calendarDate,
    startTime: z.string().trim().max(5, t("activities.error.time")).optional(),
    endTime: z.string().trim().max(5, t("activities.error.time")).optional(),
    durationMinutes: z.string().trim().max(6, t("activities.error.duration")).optional(),
    typeId: z
      .string({ error: t("activities.error.type") })
      .trim()
      .min(1, t("activities.error.type")),
    villageCode: z
      .string({ error: t("validation.village") })
      .trim()
      .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, t("validation.village")),
    rt: z.string().trim().max(3, t("activities.error.rtRw")).regex(/^\d*$/, t("activities.error.rtRw")).optional(),
    rw: z.string().trim().max(3, t("activities.error.rtRw")).regex(/^\d*$/, t("activities.error.rtRw")).optional(),
    households: wholeCount(100_000),
    narrative: optionalText(2000, { multiline: true }),
    programmeId: z.string().trim().max(64).optional(),
    latitude: z.string().trim().max(30).optional(),
    longitude: z.string().trim().max(30).optional(),
    locationAccuracy: z.string().trim().max(30).optional(),
    locatedAt: z.string().trim().max(40).optional(),
  })
  .transform((v, ctx) => {
    let duration: number | null = null;
    const hasTimes = Boolean(v.startTime || v.endTime);
    if (hasTimes) {
      if (!v.startTime || !TIME.test(v.startTime))
        ctx.addIssue({ code: "custom", path: ["startTime"], message: t("activities.error.time") });
      if (!v.endTime || !TIME.test(v.endTime)) ctx.addIssue({ code: "custom", path: ["endTime"], message: t("activities.error.time") });
      if (v.startTime && v.endTime && TIME.test(v.startTime) && TIME.test(v.endTime)) {
        duration = minutesOf(v.endTime) - minutesOf(v.startTime);
        if (duration <= 0) ctx.addIssue({ code: "custom", path: ["endTime"], message: t("activities.error.endBeforeStart") });
      }
    } else if (v.durationMinutes) {
      if (!/^\d+$/.test(v.durationMinutes))
        ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: t("activities.error.count") });
      else duration = Number(v.durationMinutes);
    } else {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: t("activities.error.durationRequired") });
    }
    // (end before start already has its message)
    const endBeforeStart = hasTimes && duration !== null && duration <= 0;
    if (duration !== null && !endBeforeStart && (duration < MIN_DURATION_MINUTES || duration > MAX_DURATION_MINUTES)) {
      ctx.addIssue({ code: "custom", path: [hasTimes ? "endTime" : "durationMinutes"], message: t("activities.error.duration") });
    }
    const lat = v.latitude ? Number(v.latitude) : null;
    const lng = v.longitude ? Number(v.longitude) : null;
    const located =
      lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    // what the phone said of the fix: its accuracy in metres and when it was taken (kept only with a location)
    const accuracy = v.locationAccuracy ? Number(v.locationAccuracy) : null;
    const takenAt = v.locatedAt ? new Date(v.locatedAt) : null;
    return {
      idempotencyKey: v.idempotencyKey,
      date: v.date,
      startTime: hasTimes ? (v.startTime ?? null) : null,
      endTime: hasTimes ? (v.endTime ?? null) : null,
      durationMinutes: duration ?? 0,
      typeId: v.typeId,
      villageCode: v.villageCode,
      rt: v.rt || null,
      rw: v.rw || null,
      households: v.households,
      narrative: v.narrative,
      programmeId: v.programmeId || null,
      latitude: located ? lat : null,
      longitude: located ? lng : null,
      locationAccuracy: located && accuracy !== null && Number.isFinite(accuracy) && accuracy >= 0 ? Math.round(accuracy) : null,
      locatedAt: located && takenAt !== null && Number.isFinite(takenAt.getTime()) ? takenAt : null,
    };
  });
export type ActivityFormData = z.output<typeof activityFormSchema>;

export type ReachEntry = { categoryId: string; sex: Sex; ageBand: AgeBand | null; count: number };
export type AidEntry = { item: string; quantity: number; unit: string | null; value: number; source: FundingSource };

/**
 * People reached as the form posts them: `reach:<categoryId>:<L|P>:<ageBand or ->` = count.
 * Empty and zero counts are skipped; a count that is not a whole number is an error.
 */
export function parseReach(formData: FormData): { entries: ReachEntry[]; fieldErrors: Record<string, string> } {
  const entries: ReachEntry[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [key, raw] of formData) {
    if (typeof raw !== "string" || !key.startsWith("reach:")) continue;
    const [, categoryId, sex, band] = key.split(":");
    const value = raw.trim();
    if (!value) continue;
    if (!/^\d+$/.test(value) || Number(value) > 100_000) {
      fieldErrors[key] = t("activities.error.count");
      continue;
    }
    const count = Number(value);
    if (count === 0 || !categoryId || !isCode(SEXES, sex)) continue;
    const ageBand = isCode(AGE_BANDS, band) ? band : null;
    entries.push({ categoryId, sex, ageBand, count });
  }
  return { entries, fieldErrors };
}

/** Aid rows as the form posts them: `aid.<n>.item`, `.quantity`, `.unit`, `.value`, `.source`. */
export function parseAid(formData: FormData): { entries: AidEntry[]; fieldErrors: Record<string, string> } {
  const entries: AidEntry[] = [];
  const fieldErrors: Record<string, string> = {};
  for (let n = 0; n < MAX_AID_ROWS; n++) {
    const field = (name: string) => cleanText(String(formData.get(`aid.${n}.${name}`) ?? ""));
    const item = field("item");
    const quantity = field("quantity");
    const value = field("value");
    const unit = field("unit");
    if (!item && !quantity && !value) continue;
    if (!item) fieldErrors[`aid.${n}.item`] = t("validation.required");
    else if (item.length > 200) fieldErrors[`aid.${n}.item`] = t("validation.tooLong", { max: 200 });
    if (unit.length > 30) fieldErrors[`aid.${n}.unit`] = t("validation.tooLong", { max: 30 });
    if (!/^\d{1,9}$/.test(quantity) || Number(quantity) === 0) fieldErrors[`aid.${n}.quantity`] = t("activities.error.count");
    const reading = value ? readRupiah(value, { allowZero: true }) : ({ ok: true, value: 0 } as const);
    const rupiah = reading.ok ? reading.value : null;
    if (!reading.ok)
      fieldErrors[`aid.${n}.value`] = reading.message === t("validation.rupiahOrZero") ? t("activities.error.rupiah") : reading.message;
    const source = field("source");
    if (!isCode(FUNDING_SOURCES, source)) {
      fieldErrors[`aid.${n}.source`] = t("activities.error.source");
      continue;
    }
    if (["item", "quantity", "unit", "value"].some((name) => fieldErrors[`aid.${n}.${name}`])) continue;
    entries.push({ item, quantity: Number(quantity), unit: unit || null, value: rupiah ?? 0, source });
  }
  return { entries, fieldErrors };
}

/** A resident's NIK or KK number kept with a follow-up: 16 digits. */
export const CASE_IDENTIFIER = /^\d{16}$/;

/** A follow-up opened with the activity (optional); the identifier only where the chapter keeps them. */
export const followUpSchema = z.object({
  institution: text({ max: 200 }),
  description: text({ max: 500, multiline: true }),
  caseIdentifier: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .refine((v) => v === "" || CASE_IDENTIFIER.test(v), t("activities.error.caseIdentifier"))
    .transform((v) => v || null),
});
export type FollowUpInput = z.output<typeof followUpSchema>;

/** A later activity moving an open follow-up on: in process, or done. */
export const followUpUpdateSchema = z.object({
  followUpId: z.string().trim().min(1),
  status: z.enum(FOLLOW_UP_UPDATE_STATUSES, { error: t("activities.error.followUpStatus") }),
  note: optionalText(300, { multiline: true }),
});
export type FollowUpUpdateInput = z.output<typeof followUpUpdateSchema>;

/** The chapter's activity settings: the closing rule and whether follow-ups keep NIK/KK. */
export const activitySettingsSchema = z.object({
  activityClosingDays: z
    .string({ error: t("activities.settings.error.closingDays") })
    .trim()
    .regex(/^\d+$/, t("activities.settings.error.closingDays"))
    .transform(Number)
    .refine((n) => n >= 1 && n <= 366, t("activities.settings.error.closingDays")),
  keepCaseIdentifiers: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type ActivitySettingsInput = z.input<typeof activitySettingsSchema>;

/** A name for a new activity type or a chapter's own PPKS category. */
export const catalogueNameSchema = z.object({
  name: text({ max: 120, min: 3, minMessage: t("activities.settings.error.name") }),
  forChildren: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** Returning an activity needs a reason the volunteer can act on. */
export const returnSchema = z.object({
  reason: text({ max: 500, multiline: true, min: 5, minMessage: t("activities.error.reason") }),
});

export type ActivityFilters = {
  from: string | null;
  to: string | null;
  districtCode: string | null;
  villageCode: string | null;
  typeId: string | null;
  memberId: string | null;
  status: ActivityStatus | null;
  categoryId: string | null;
  programmeId: string | null;
  page: number;
};

/** The follow-up list's filter from the query string: the open ones unless a known one is asked for. */
export function parseFollowUpFilter(value: string | null): FollowUpFilter {
  return isCode(FOLLOW_UP_FILTERS, value) ? value : "open";
}

/** Filters of the board's list, from the query string (unknown values ignored). */
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  const dateOrNull = (v: string | null) => (v && parseCalendarDate(v) ? v : null);
  const status = params.get("status");
  return {
    from: dateOrNull(params.get("from")),
    to: dateOrNull(params.get("to")),
    districtCode: params.get("kecamatan") || null,
    villageCode: params.get("kelurahan") || null,
    typeId: params.get("jenis") || null,
    memberId: params.get("relawan") || null,
    status: isCode(ACTIVITY_STATUSES, status) ? status : null,
    categoryId: params.get("kategori") || null,
    programmeId: params.get("program") || null,
    page: parsePage(params.get("page")),
  };
}

export type ActivitySubmission = {
  data: ActivityFormData;
  reach: ReachEntry[];
  aid: AidEntry[];
  coVolunteerIds: string[];
  followUp: FollowUpInput | null;
  followUpUpdate: FollowUpUpdateInput | null;
  submit: boolean;
};

/** The board list's filters; without a period, the month of `today` (a whole history is asked for explicitly). */
export function parseBoardFilters(params: URLSearchParams, today: Date): ActivityFilters {
  const filters = parseActivityFilters(params);
  if (!params.has("from") && !params.has("to")) {
    filters.from = toDateInput(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
    filters.to = toDateInput(today);
  }
  return filters;
}

/** Everything the activity form posts, checked: the scalar fields, reach, aid, co-volunteers, follow-ups. */
export function parseActivitySubmission(
  formData: FormData,
): ({ ok: true } & ActivitySubmission) | { ok: false; fieldErrors: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  const fieldErrors: Record<string, string> = {};
  const scalar = activityFormSchema.safeParse(values);
  if (!scalar.success) for (const issue of scalar.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  const reach = parseReach(formData);
  const aid = parseAid(formData);
  Object.assign(fieldErrors, reach.fieldErrors, aid.fieldErrors);
  const opened = {
    institution: (values["followUp.institution"] ?? "").trim(),
    description: (values["followUp.description"] ?? "").trim(),
    caseIdentifier: values["followUp.caseIdentifier"] ?? "",
  };
  let followUp: FollowUpInput | null = null;
  if (opened.institution || opened.description || opened.caseIdentifier.trim()) {
    const checked = followUpSchema.safeParse(opened);
    if (checked.success) followUp = checked.data;
    else if (checked.error.issues.some((i) => i.path[0] === "caseIdentifier"))
      fieldErrors["followUp.caseIdentifier"] = t("activities.error.caseIdentifier");
    else fieldErrors.followUp = t("activities.error.followUp");
  }
  let followUpUpdate: FollowUpUpdateInput | null = null;
  if ((values["followUpUpdate.followUpId"] ?? "").trim()) {
    const checked = followUpUpdateSchema.safeParse({
      followUpId: values["followUpUpdate.followUpId"],
      status: values["followUpUpdate.status"] ?? "",
      note: values["followUpUpdate.note"] ?? "",
    });
    if (checked.success) followUpUpdate = checked.data;
    else fieldErrors["followUpUpdate.status"] = checked.error.issues[0]?.message ?? t("activities.error.followUpStatus");
  }
  if (!scalar.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return {
    ok: true,
    data: scalar.data,
    reach: reach.entries,
    aid: aid.entries,
    coVolunteerIds: formData.getAll("coVolunteers").map(String).filter(Boolean),
    followUp,
    followUpUpdate,
    submit: values.intent === "submit",
  };
}
