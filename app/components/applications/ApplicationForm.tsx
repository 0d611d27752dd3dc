import { Form, Link } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type ApplicationData, type ApplicationInput } from "~/validation/applications";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";
import { VillagePicker, type VillageOption } from "../VillagePicker";

const loadApplicationSchema = () => import("~/validation/applications").then((m) => m.applicationSchema);

/** The public application form: checked in the browser with the server's schema; works without JavaScript too. */
export function ApplicationForm({
  villages,
  defaults,
  fieldErrors,
  formError,
}: {
  villages: VillageOption[];
  defaults: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: string;
}) {
  const { register, handleSubmit, setError, watch, formState } = useForm<ApplicationInput, unknown, ApplicationData>({
    resolver: useLazyZodResolver(loadApplicationSchema),
    defaultValues: { ...(defaults as Partial<ApplicationInput>), consent: undefined },
    mode: "onTouched",
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const err = (name: keyof ApplicationInput) => formState.errors[name]?.message;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <FormField label={t("members.field.fullName")} autoComplete="name" error={err("fullName")} {...register("fullName")} />
      <FormField
        label={t("members.field.nik")}
        inputMode="numeric"
        maxLength={16}
        autoComplete="off"
        error={err("nik")}
        {...register("nik")}
      />
      <SelectField label={t("members.field.sex")} error={err("sex")} {...register("sex")}>
        <option value="">{t("members.choose")}</option>
        <option value="L">{t("member.sex.L")}</option>
        <option value="P">{t("member.sex.P")}</option>
      </SelectField>
      <FormField label={t("members.field.birthDate")} type="date" error={err("birthDate")} {...register("birthDate")} />
      <FormField
        label={t("members.field.phone")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder="08xx atau +62xx"
        error={err("phone")}
        {...register("phone")}
      />
      <FormField label={t("members.field.email")} type="email" autoComplete="email" error={err("email")} {...register("email")} />
      <FormField label={t("members.field.address")} autoComplete="street-address" error={err("address")} {...register("address")} />
      <VillagePicker
        label={t("members.field.village")}
        villages={villages}
        selected={watch("villageCode")}
        error={err("villageCode")}
        {...register("villageCode")}
      />
      <div className="field">
        <label htmlFor="motivation">{t("apply.motivation")}</label>
        <textarea id="motivation" rows={4} aria-invalid={err("motivation") ? true : undefined} {...register("motivation")} />
        {err("motivation") ? (
          <p className="field__error" role="alert">
            {err("motivation")}
          </p>
        ) : null}
      </div>
      <p>
        <Link to="/privacy" target="_blank">
          {t("apply.privacyLink")}
        </Link>
      </p>
      <label className="checkbox">
        <input type="checkbox" value="ya" {...register("consent")} />
        <span>{t("apply.consent")}</span>
      </label>
      {err("consent") ? (
        <p className="field__error" role="alert">
          {err("consent")}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--block">
        {t("apply.submit")}
      </button>
    </Form>
  );
}
