// The public application form (/apply/:code, "Daftar menjadi PSM"): what the registry needs of a
// prospective member, their motivation, and an explicit consent to the privacy notice. The fields
// follow the member form's rules (NIK from anywhere in Indonesia, matching the birth date and sex;
// names with apostrophes; dates in common forms), and the board's accept/decline form.
import { t } from "~/i18n";
import { z } from "~/validation/zod";
import { requiredText } from "./fields";
import { ageOn, MIN_AGE_AT_JOINING, memberFormSchema, nikMatchesBirth } from "./members";
import { parseCalendarDate } from "./fields";

const member = memberFormSchema.shape;

export const applicationSchema = z
  .object({
    fullName: member.fullName,
    nik: member.nik,
    sex: member.sex,
    birthDate: member.birthDate,
    phone: member.phone.refine((v) => v !== null, t("applications.error.phoneRequired")),
    email: member.email,
    address: member.address,
    villageCode: member.villageCode,
    motivation: requiredText(1000, { multiline: true, min: 20, minMessage: t("applications.error.motivationShort", { min: 20 }) }),
    consent: z.literal("ya", { error: t("applications.error.consent") }),
  })
  .superRefine((v, ctx) => {
    const birth = parseCalendarDate(v.birthDate);
    if (birth && (v.sex === "L" || v.sex === "P") && /^\d{16}$/.test(v.nik) && !nikMatchesBirth(v.nik, birth, v.sex)) {
      ctx.addIssue({ code: "custom", path: ["nik"], message: t("validation.nik.birthDate") });
    }
    if (birth && ageOn(birth, new Date()) < MIN_AGE_AT_JOINING) {
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: t("validation.minAge", { age: MIN_AGE_AT_JOINING }) });
    }
  });
export type ApplicationInput = z.input<typeof applicationSchema>;
export type ApplicationData = z.output<typeof applicationSchema>;

/** The board's decision on an application. */
export const applicationDecisionSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  applicationId: z.string().trim().min(1).max(40),
});
