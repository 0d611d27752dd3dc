import type { UseFormRegisterReturn } from "react-hook-form";
import { t } from "~/i18n";
import { PASSWORD_MIN } from "~/validation/auth-values";
import { FormField } from "../FormField";

/** A new password typed twice (`password`, `confirm`), as every form that sets one asks for it. */
export function NewPasswordFields({
  field,
  error,
}: {
  field: (name: "password" | "confirm") => UseFormRegisterReturn;
  error: (name: "password" | "confirm") => string | undefined;
}) {
  return (
    <>
      <FormField
        label={t("password.new")}
        type="password"
        autoComplete="new-password"
        placeholder={t("password.newHint", { min: PASSWORD_MIN })}
        error={error("password")}
        {...field("password")}
      />
      <FormField label={t("password.confirm")} type="password" autoComplete="new-password" error={error("confirm")} {...field("confirm")} />
    </>
  );
}
