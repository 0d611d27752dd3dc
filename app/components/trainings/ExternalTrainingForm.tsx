import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { courseKindLabel } from "~/i18n/labels";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type ExternalTrainingData, type ExternalTrainingInput } from "~/validation/trainings";
import { COURSE_KINDS } from "~/validation/training-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

const loadExternalTrainingSchema = () => import("~/validation/trainings").then((m) => m.externalTrainingSchema);

/** A training taken outside the chapter, with its certificate (number, dates, scan) when there is one. */
export function ExternalTrainingForm({
  fieldErrors,
  formError,
  values,
}: {
  fieldErrors?: Record<string, string>;
  /** a refusal's sentence for the whole form (a certificate number already on record) */
  formError?: string;
  values?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<ExternalTrainingInput, unknown, ExternalTrainingData>({
    resolver: useLazyZodResolver(loadExternalTrainingSchema),
    defaultValues: values ?? { kind: "diklat" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      className="form-grid"
      onSubmit={onSubmit}
      aria-label={t("trainings.member.external")}
    >
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="external" />
      <FormField label={t("trainings.field.title")} error={errors.title?.message} {...register("title")} />
      <SelectField label={t("trainings.field.kind")} error={errors.kind?.message} {...register("kind")}>
        {COURSE_KINDS.map((k) => (
          <option key={k} value={k}>
            {courseKindLabel(k)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("trainings.field.externalOrganiser")} error={errors.organiser?.message} {...register("organiser")} />
      <FormField label={t("trainings.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
      <FormField label={t("trainings.field.endDate")} type="date" error={errors.endDate?.message} {...register("endDate")} />
      <FormField label={t("trainings.field.externalHours")} inputMode="decimal" error={errors.hours?.message} {...register("hours")} />
      <FormField
        label={t("trainings.field.certificateNumber")}
        error={errors.certificateNumber?.message}
        {...register("certificateNumber")}
      />
      <FormField
        label={t("trainings.field.certificateIssuedOn")}
        type="date"
        error={errors.certificateIssuedOn?.message}
        {...register("certificateIssuedOn")}
      />
      <FormField
        label={t("trainings.field.certificateExpiresOn")}
        type="date"
        error={errors.certificateExpiresOn?.message}
        {...register("certificateExpiresOn")}
      />
      <FormField
        label={t("trainings.field.file")}
        type="file"
        name="file"
        accept="application/pdf,image/jpeg,image/png"
        error={fieldErrors?.file}
      />
      <div>
        <button type="submit" className="button button--primary">
          {t("trainings.member.externalSubmit")}
        </button>
      </div>
    </Form>
  );
}
