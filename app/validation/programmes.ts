// CSR partner programme rules that browser and server share: partners and their contacts and
// agreements, programmes (partners with committed amounts, target kelurahan, targets by PPKS
// category, volunteers), and money entries. Rules that need the database (the budget, the
// programme period, an agreement's validity, who may record or approve) live in
// app/domain/programmes/programmes.server.ts and app/domain/programmes/money.server.ts.
import { z } from "~/validation/zod";
import { t } from "~/i18n";
import { FUNDING_SOURCES } from "./activities";
import { calendarDate, optionalText, parseCalendarDate, readRupiah, requiredText, rupiahAmount, rupiahAmountOrZero, text } from "./fields";
import { memberFormSchema } from "./members";

import { AgreementKind, MoneyKind, MoneyStatus, PartnerKind, PartnerStatus } from "~/generated/prisma/enums";
import { PARTNER_KINDS, PARTNER_STATUSES, AGREEMENT_KINDS, MONEY_KINDS, MAX_PROGRAMME_PARTNERS } from "./programme-values";
export {
  PARTNER_KINDS,
  PARTNER_STATUSES,
  AGREEMENT_KINDS,
  MONEY_KINDS,
  MAX_PROGRAMME_PARTNERS,
  MAX_REPORT_PHOTOS,
  agreementKindLabel,
} from "./programme-values";
export { AgreementKind, MoneyKind, MoneyStatus, PartnerKind, PartnerStatus };
export const MONEY_STATUSES = Object.values(MoneyStatus);
/** Programme status is derived from its dates: planned, running, finished. */
export const PROGRAMME_PHASES = ["rencana", "berjalan", "selesai"] as const;
export type ProgrammePhase = (typeof PROGRAMME_PHASES)[number];
export const DEFAULT_APPROVAL_THRESHOLD = 5_000_000;

export const partnerSchema = z.object({
  name: requiredText(200),
  kind: z.enum(PARTNER_KINDS, { error: t("programmes.error.partnerKind") }),
  sector: optionalText(120),
  address: optionalText(300, { multiline: true }),
  status: z.enum(PARTNER_STATUSES, { error: t("validation.status") }),
  notes: optionalText(1000, { multiline: true }),
});
export type PartnerInput = z.input<typeof partnerSchema>;
export type PartnerData = z.output<typeof partnerSchema>;

export const contactSchema = z.object({
  name: requiredText(120),
  position: optionalText(120),
  phone: memberFormSchema.shape.phone,
  email: memberFormSchema.shape.email,
});
export type ContactData = z.output<typeof contactSchema>;

export const agreementSchema = z
  .object({
    kind: z.enum(AGREEMENT_KINDS, { error: t("programmes.error.agreementKind") }),
    number: requiredText(120),
    signedOn: calendarDate,
    startDate: calendarDate,
    endDate: calendarDate,
  })
  .superRefine((v, ctx) => {
    const start = parseCalendarDate(v.startDate);
    const end = parseCalendarDate(v.endDate);
    if (start && end && end < start) ctx.addIssue({ code: "custom", path: ["endDate"], message: t("programmes.error.endBeforeStart") });
  });
export type AgreementData = z.output<typeof agreementSchema>;

/** The scalar fields of the programme form. */
export const programmeSchema = z
  .object({
    name: requiredText(200),
    goal: requiredText(2000, { multiline: true }),
    startDate: calendarDate,
    endDate: calendarDate,
    budget: rupiahAmount,
    fundingSource: z.enum(FUNDING_SOURCES, { error: t("activities.error.source") }),
    coordinatorId: z
      .string({ error: t("programmes.error.coordinator") })
      .trim()
      .min(1, t("programmes.error.coordinator")),
  })
  .superRefine((v, ctx) => {
    const start = parseCalendarDate(v.startDate);
    const end = parseCalendarDate(v.endDate);
    if (start && end && end < start) ctx.addIssue({ code: "custom", path: ["endDate"], message: t("programmes.error.endBeforeStart") });
  });
export type ProgrammeFormInput = z.input<typeof programmeSchema>;
export type ProgrammeFormData = z.output<typeof programmeSchema>;

export type ProgrammePartnerEntry = { partnerId: string; committed: number; agreementId: string | null };
export type ProgrammeTargetEntry = { categoryId: string; target: number };

export type ProgrammeSubmission = {
  data: ProgrammeFormData;
  partners: ProgrammePartnerEntry[];
  villageCodes: string[];
  targets: ProgrammeTargetEntry[];
  volunteerIds: string[];
};

/**
 * Everything the programme form posts: the scalar fields; partners as `partner.<n>.partnerId`,
 * `.committed`, `.agreementId`; `villages` and `volunteers` (several values); targets as
 * `target:<categoryId>` = count.
 */
export function parseProgrammeSubmission(
  formData: FormData,
): ({ ok: true } & ProgrammeSubmission) | { ok: false; fieldErrors: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  const fieldErrors: Record<string, string> = {};
  const scalar = programmeSchema.safeParse(values);
  if (!scalar.success) for (const issue of scalar.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;

  const partners: ProgrammePartnerEntry[] = [];
  for (let n = 0; n < MAX_PROGRAMME_PARTNERS; n++) {
    const partnerId = (values[`partner.${n}.partnerId`] ?? "").trim();
    const committedText = (values[`partner.${n}.committed`] ?? "").trim();
    if (!partnerId && !committedText) continue;
    if (!partnerId) fieldErrors[`partner.${n}.partnerId`] = t("programmes.error.partner");
    const reading = readRupiah(committedText, { allowZero: true });
    const committed = reading.ok ? reading.value : null;
    if (!reading.ok) fieldErrors[`partner.${n}.committed`] = reading.message;
    if (partnerId && committed !== null)
      partners.push({ partnerId, committed, agreementId: (values[`partner.${n}.agreementId`] ?? "").trim() || null });
  }
  if (new Set(partners.map((p) => p.partnerId)).size !== partners.length) fieldErrors.partners = t("programmes.error.partnerTwice");

  const targets: ProgrammeTargetEntry[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (!key.startsWith("target:")) continue;
    const value = raw.trim();
    if (!value) continue;
    if (!/^\d+$/.test(value) || Number(value) > 1_000_000) {
      fieldErrors[key] = t("activities.error.count");
      continue;
    }
    if (Number(value) > 0) targets.push({ categoryId: key.slice("target:".length), target: Number(value) });
  }
  if (!scalar.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return {
    ok: true,
    data: scalar.data,
    partners,
    villageCodes: [...new Set(formData.getAll("villages").map(String).filter(Boolean))],
    targets,
    volunteerIds: [...new Set(formData.getAll("volunteers").map(String).filter(Boolean))],
  };
}

/** A money entry as the ledger form posts it. */
export const moneyEntrySchema = z.object({
  idempotencyKey: z.string().trim().min(8).max(100),
  kind: z.enum(MONEY_KINDS, { error: t("programmes.error.moneyKind") }),
  date: calendarDate,
  amount: rupiahAmount,
  purpose: requiredText(300),
  partnerId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  overBudgetReason: optionalText(500, { multiline: true }),
});
export type MoneyEntryInput = z.input<typeof moneyEntrySchema>;
export type MoneyEntryData = z.output<typeof moneyEntrySchema>;

/** Rejecting a pending entry or reversing an approved one needs a reason. */
export const moneyReasonSchema = z.object({
  reason: text({ max: 500, multiline: true, min: 5, minMessage: t("programmes.error.reason") }),
});

export const financeSettingsSchema = z.object({
  financeApprovalThreshold: rupiahAmountOrZero,
});

/** A programme's phase on a day: before its start, within its dates, after its end. */
export function programmePhase(programme: { startDate: Date; endDate: Date }, today: Date): ProgrammePhase {
  if (today < programme.startDate) return "rencana";
  if (today > programme.endDate) return "selesai";
  return "berjalan";
}
