// Leadership rules that browser and server share: position kinds, the forms of periods,
// positions and holdings. The rules that need the database (overlaps, single holders, active
// members) live in app/domain/leadership/.
import { HoldingEndReason, PeriodStatus, PositionKind } from "~/generated/prisma/enums";
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { calendarDate, optionalCalendarDate, optionalText, parseCalendarDate, requiredText } from "./fields";
import { POSITION_KINDS, HOLDING_END_REASONS } from "./leadership-values";
export { POSITION_KINDS, SINGLE_HOLDER_KINDS, HOLDING_END_REASONS } from "./leadership-values";

export { HoldingEndReason, PeriodStatus, PositionKind };

/** The positions a new chapter starts with (the chapter can add more). */
export const DEFAULT_POSITIONS: readonly { title: string; kind: PositionKind; bidang?: string }[] = [
  { title: "Ketua", kind: "ketua" },
  { title: "Wakil Ketua", kind: "wakil_ketua" },
  { title: "Sekretaris", kind: "sekretaris" },
  { title: "Wakil Sekretaris", kind: "wakil_sekretaris" },
  { title: "Bendahara", kind: "bendahara" },
  { title: "Wakil Bendahara", kind: "wakil_bendahara" },
  { title: "Koordinator Bidang Pendataan", kind: "koordinator_bidang", bidang: "Pendataan" },
  { title: "Koordinator Bidang Pelatihan", kind: "koordinator_bidang", bidang: "Pelatihan" },
  { title: "Koordinator Bidang Kemitraan dan CSR", kind: "koordinator_bidang", bidang: "Kemitraan dan CSR" },
  { title: "Koordinator Bidang Humas", kind: "koordinator_bidang", bidang: "Humas" },
  { title: "Anggota Pengurus", kind: "anggota_pengurus" },
];

/** Board positions print in this order (then by the chapter's order within a kind). */
export const KIND_ORDER: Record<PositionKind, number> = Object.fromEntries(POSITION_KINDS.map((k, i) => [k, i])) as Record<
  PositionKind,
  number
>;

const id = z
  .string({ error: t("validation.required") })
  .trim()
  .min(1, t("validation.required"));

function laterThan(start: string | undefined, end: string | undefined) {
  const a = start ? parseCalendarDate(start) : null;
  const b = end ? parseCalendarDate(end) : null;
  return !a || !b || b >= a;
}

/** A decree number needs its date. */
function requireSkDate(v: { skNumber: string | null; skDate?: string }, ctx: z.RefinementCtx) {
  if (v.skNumber && !v.skDate) ctx.addIssue({ code: "custom", path: ["skDate"], message: t("leadership.error.skDate") });
}

/** A board term: dates, decree, installation. */
export const periodFormSchema = z
  .object({
    name: requiredText(100),
    startDate: calendarDate,
    endDate: calendarDate,
    skNumber: optionalText(100),
    skDate: optionalCalendarDate,
    skIssuer: optionalText(150),
    installationDate: optionalCalendarDate,
    installationPlace: optionalText(150),
  })
  .superRefine((v, ctx) => {
    if (!laterThan(v.startDate, v.endDate) || v.startDate === v.endDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: t("leadership.error.endBeforeStart") });
    }
    requireSkDate(v, ctx);
  });
export type PeriodFormInput = z.input<typeof periodFormSchema>;
export type PeriodFormData = z.output<typeof periodFormSchema>;

/** Ending the active period early (e.g. after a musyawarah luar biasa): its last day. */
export const endPeriodSchema = z.object({
  endDate: calendarDate,
  note: requiredText(500, { multiline: true }),
});
export type EndPeriodInput = z.input<typeof endPeriodSchema>;
export type EndPeriodData = z.output<typeof endPeriodSchema>;

/** A member taking a position in a period. */
export const holdingFormSchema = z
  .object({
    positionId: id,
    memberId: z
      .string({ error: t("leadership.error.memberRequired") })
      .trim()
      .min(1, t("leadership.error.memberRequired")),
    startDate: calendarDate,
    endDate: optionalCalendarDate,
    skNumber: optionalText(100),
    skDate: optionalCalendarDate,
  })
  .superRefine((v, ctx) => {
    if (!laterThan(v.startDate, v.endDate)) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: t("leadership.error.endBeforeStart") });
    }
    requireSkDate(v, ctx);
  });
export type HoldingFormInput = z.input<typeof holdingFormSchema>;
export type HoldingFormData = z.output<typeof holdingFormSchema>;

/** A holding ends before the period does: its last day and why. */
export const endHoldingSchema = z.object({
  endDate: calendarDate,
  endReason: z.enum(HOLDING_END_REASONS, { error: t("leadership.error.reasonRequired") }),
  endNote: optionalText(500, { multiline: true }),
});
export type EndHoldingInput = z.input<typeof endHoldingSchema>;
export type EndHoldingData = z.output<typeof endHoldingSchema>;

/** A mid-term replacement (PAW): the new holder takes over from startDate. */
export const replaceHoldingSchema = z
  .object({
    memberId: z
      .string({ error: t("leadership.error.memberRequired") })
      .trim()
      .min(1, t("leadership.error.memberRequired")),
    startDate: calendarDate,
    endReason: z.enum(HOLDING_END_REASONS, { error: t("leadership.error.reasonRequired") }),
    skNumber: optionalText(100),
    skDate: optionalCalendarDate,
    endNote: optionalText(500, { multiline: true }),
  })
  .superRefine((v, ctx) => {
    requireSkDate(v, ctx);
  });
export type ReplaceHoldingInput = z.input<typeof replaceHoldingSchema>;
export type ReplaceHoldingData = z.output<typeof replaceHoldingSchema>;

/** A position the chapter adds to its list. */
export const positionFormSchema = z
  .object({
    title: requiredText(100),
    kind: z.enum(POSITION_KINDS, { error: t("leadership.error.kindRequired") }),
    bidang: optionalText(100),
    districtCode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{2}\.\d{2}\.\d{2}$/.test(v), t("leadership.error.districtRequired")),
    singleHolder: z
      .union([z.string(), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "koordinator_kecamatan" && !v.districtCode) {
      ctx.addIssue({ code: "custom", path: ["districtCode"], message: t("leadership.error.districtRequired") });
    }
    if (v.kind === "koordinator_bidang" && !v.bidang) {
      ctx.addIssue({ code: "custom", path: ["bidang"], message: t("leadership.error.bidangRequired") });
    }
  });
export type PositionFormInput = z.input<typeof positionFormSchema>;
export type PositionFormData = z.output<typeof positionFormSchema>;
