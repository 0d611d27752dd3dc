import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type PeriodFormData, type PeriodFormInput } from "~/validation/leadership";
import { FormField } from "../FormField";

const loadPeriodFormSchema = () => import("~/validation/leadership").then((m) => m.periodFormSchema);

/** A board term's details: name, dates, decree, installation. Used to add and to correct. */
export function PeriodForm({
  defaults,
  fieldErrors,
  submitLabel,
}: {
  defaults: Partial<Record<keyof PeriodFormInput, string>>;
  fieldErrors?: Record<string, string>;
  submitLabel: string;
}) {
  const { register, handleSubmit, setError, formState } = useForm<PeriodFormInput, unknown, PeriodFormData>({
    resolver: useLazyZodResolver(loadPeriodFormSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit}>
      {fieldErrors?.form ? (
        <p className="form-error" role="alert">
          {fieldErrors.form}
        </p>
      ) : null}
      <fieldset>
        <legend>{t("leadership.column.period")}</legend>
        <FormField label={t("leadership.field.name")} placeholder="Periode 2026-2031" error={errors.name?.message} {...register("name")} />
        <FormField label={t("leadership.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
        <FormField label={t("leadership.field.endDate")} type="date" error={errors.endDate?.message} {...register("endDate")} />
      </fieldset>
      <fieldset>
        <legend>{t("leadership.detail.sk")}</legend>
        <FormField label={t("leadership.field.skNumber")} error={errors.skNumber?.message} {...register("skNumber")} />
        <FormField label={t("leadership.field.skDate")} type="date" error={errors.skDate?.message} {...register("skDate")} />
        <FormField
          label={t("leadership.field.skIssuer")}
          placeholder={t("leadership.field.skIssuerHint")}
          error={errors.skIssuer?.message}
          {...register("skIssuer")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("leadership.detail.installation")}</legend>
        <FormField
          label={t("leadership.field.installationDate")}
          type="date"
          error={errors.installationDate?.message}
          {...register("installationDate")}
        />
        <FormField
          label={t("leadership.field.installationPlace")}
          error={errors.installationPlace?.message}
          {...register("installationPlace")}
        />
      </fieldset>
      <div>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
