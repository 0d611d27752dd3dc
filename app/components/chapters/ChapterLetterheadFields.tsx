import type { UseFormRegisterReturn } from "react-hook-form";
import { t } from "~/i18n";
import { FormField } from "../FormField";

export type LetterheadField = "letterheadSubtitle" | "letterPlace" | "address" | "phone" | "email" | "website";

/**
 * A chapter's letterhead and contacts, as the administrator's chapter form, the board's profile
 * and the first-run setup all ask for them: each form passes its own `register` and messages.
 */
export function ChapterLetterheadFields({
  field,
  error,
}: {
  field: (name: LetterheadField) => UseFormRegisterReturn;
  error: (name: LetterheadField) => string | undefined;
}) {
  return (
    <>
      <FormField label={t("chapters.form.letterheadSubtitle")} error={error("letterheadSubtitle")} {...field("letterheadSubtitle")} />
      <FormField label={t("chapters.form.letterPlace")} error={error("letterPlace")} {...field("letterPlace")} />
      <FormField label={t("chapters.form.address")} error={error("address")} {...field("address")} />
      <FormField label={t("chapters.form.phone")} type="tel" error={error("phone")} {...field("phone")} />
      <FormField label={t("chapters.form.email")} type="email" error={error("email")} {...field("email")} />
      <FormField label={t("chapters.form.website")} error={error("website")} {...field("website")} />
    </>
  );
}
