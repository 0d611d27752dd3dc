import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "~/validation/zod";
import { t } from "~/i18n";
import { formatRupiah } from "~/utils/format";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { financeSettingsSchema } from "~/validation/programmes";
import { FormField } from "../FormField";

const loadFinanceSettingsSchema = () => import("~/validation/programmes").then((m) => m.financeSettingsSchema);

/** The Ketua's approval threshold (whole rupiah, 0 for every entry), checked in the browser by the server's schema. */
export function FinanceSettingsForm({
  threshold,
  defaults,
  fieldErrors,
}: {
  threshold: number;
  defaults: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof financeSettingsSchema>,
    unknown,
    z.output<typeof financeSettingsSchema>
  >({
    resolver: useLazyZodResolver(loadFinanceSettingsSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <FormField
        label={t("programmes.settings.threshold")}
        inputMode="numeric"
        error={errors.financeApprovalThreshold?.message}
        {...register("financeApprovalThreshold")}
      />
      <p className="muted">{t("programmes.settings.thresholdHelp", { amount: formatRupiah(threshold) })}</p>
      <button type="submit" className="button button--primary">
        {t("programmes.settings.save")}
      </button>
    </Form>
  );
}
