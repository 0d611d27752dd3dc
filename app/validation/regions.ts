// The display name a chapter's board gives a kelurahan/desa (the data source runs some names
// together: "Daratsekip" shown as "Darat Sekip"). The same schema checks the form in the browser
// and on the server.
import { t } from "~/i18n";
import { text } from "~/validation/fields";
import { z } from "~/validation/zod";
import { REGION_NAME_MAX } from "./chapter-values";
export { REGION_NAME_MAX } from "./chapter-values";

export const villageNameSchema = z.object({
  code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, t("regions.error.code")),
  name: text({ max: REGION_NAME_MAX, min: 2, minMessage: t("regions.error.nameShort") })
    // "Darat   Sekip" is stored as "Darat Sekip": one space between words.
    .overwrite((v) => v.replace(/\s+/g, " "))
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .'()/-]*$/u, t("regions.error.nameChars")),
});
export type VillageNameInput = z.input<typeof villageNameSchema>;
export type VillageName = z.output<typeof villageNameSchema>;

/** What a region picker may ask for: a few typed letters, a level, a parent code. */
export const regionSearchSchema = z.object({
  q: z.string().max(100).catch(""),
  level: z.enum(["province", "regency", "district", "village"]).optional().catch(undefined),
  under: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2})?)?$/)
    .optional()
    .catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).catch(20),
});
