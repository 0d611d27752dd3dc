// The first-run setup form (/setup) and `npm run setup`: the one-time code from the server's log,
// the first administrator, and the first chapter (no parent: it is the top of its tree).
import { t } from "~/i18n";
import { z } from "~/validation/zod";
import { newPasswordField } from "./auth";
import { chapterFormSchema } from "./chapters";
import { requiredText } from "./fields";

/** The setup code as printed: three groups of four letters and digits; typed with or without dashes and spaces, in any case. */
export const setupCodeField = z
  .string({ error: t("setup.error.codeRequired") })
  .transform((v) => v.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().min(1, t("setup.error.codeRequired")).max(40, t("setup.error.codeWrong")));

const adminFields = {
  adminName: requiredText(100),
  adminEmail: z
    .string({ error: t("validation.required") })
    .trim()
    .toLowerCase()
    .max(254, t("validation.tooLong", { max: 254 }))
    .refine((v) => z.email().safeParse(v).success, t("validation.email")),
  password: newPasswordField,
};

/** Everything setup needs but the code (the command line has no code: it runs on the server itself). */
export const installationSchema = chapterFormSchema.omit({ parentId: true }).extend(adminFields);
export type InstallationData = z.output<typeof installationSchema>;

/** The browser's setup form: the code, the password typed twice, and the installation. */
export const setupFormSchema = installationSchema
  .extend({ setupCode: setupCodeField, confirm: z.string({ error: t("validation.passwordRequired") }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t("validation.passwordMismatch") });
export type SetupFormData = z.output<typeof setupFormSchema>;
