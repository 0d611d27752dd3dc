import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { retentionSchema } from "~/validation/privacy";
import { RETENTION_MONTHS } from "~/validation/privacy-values";
import type { z } from "~/validation/zod";
import { FormField } from "../FormField";

const loadRetentionSchema = () => import("~/validation/privacy").then((m) => m.retentionSchema);

/** The chapter's retention periods (docs/privacy.md): departed members, and residents' NIK/KK on closed follow-ups. */
export function RetentionSettingsForm({
  settings,
  fieldErrors,
}: {
  settings: { memberRetentionMonths: number; caseIdentifierRetentionMonths: number };
  fieldErrors?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof retentionSchema>>({
    resolver: useLazyZodResolver(loadRetentionSchema),
    defaultValues: {
      memberRetentionMonths: String(settings.memberRetentionMonths),
      caseIdentifierRetentionMonths: String(settings.caseIdentifierRetentionMonths),
    },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit} aria-labelledby="retention-title">
      <h2 id="retention-title">{t("privacy.retention.settings.title")}</h2>
      <input type="hidden" name="intent" value="retention" />
      <FormField
        label={t("privacy.retention.settings.members")}
        type="number"
        inputMode="numeric"
        min={RETENTION_MONTHS.min}
        max={RETENTION_MONTHS.max}
        error={errors.memberRetentionMonths?.message}
        {...register("memberRetentionMonths")}
      />
      <p className="muted">{t("privacy.retention.settings.members.hint")}</p>
      <FormField
        label={t("privacy.retention.settings.cases")}
        type="number"
        inputMode="numeric"
        min={RETENTION_MONTHS.min}
        max={RETENTION_MONTHS.max}
        error={errors.caseIdentifierRetentionMonths?.message}
        {...register("caseIdentifierRetentionMonths")}
      />
      <p className="muted">{t("privacy.retention.settings.cases.hint")}</p>
      <button type="submit" className="button button--primary">
        {t("members.settings.submit")}
      </button>
    </Form>
  );
}
