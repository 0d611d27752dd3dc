import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type MoneyEntryData, type MoneyEntryInput } from "~/validation/programmes";
import { MONEY_KINDS } from "~/validation/programme-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

const loadMoneyEntrySchema = () => import("~/validation/programmes").then((m) => m.moneyEntrySchema);

/**
 * A money entry of the ledger (received or spent), with its receipt scan: checked in the browser
 * by the server's schema; the budget, the programme's dates and the partner's agreement are
 * checked by the server. A new form (a new idempotency key) is mounted after each saved entry.
 */
export function MoneyEntryForm({
  defaults,
  partners,
  fieldErrors,
  formError,
  busy,
}: {
  defaults: Record<string, string>;
  partners: { id: string; name: string }[];
  fieldErrors?: Record<string, string | undefined>;
  formError?: string;
  busy: boolean;
}) {
  const { register, handleSubmit, setError, formState } = useForm<MoneyEntryInput, unknown, MoneyEntryData>({
    resolver: useLazyZodResolver(loadMoneyEntrySchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" encType="multipart/form-data" noValidate aria-label={t("programmes.money.record")} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="record" />
      <input type="hidden" {...register("idempotencyKey")} />
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <SelectField label={t("programmes.money.kind")} error={errors.kind?.message} {...register("kind")}>
        {MONEY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`programmes.money.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("programmes.money.date")} type="date" error={errors.date?.message} {...register("date")} />
      <FormField
        label={t("programmes.money.amount")}
        inputMode="numeric"
        placeholder="1.250.000"
        error={errors.amount?.message}
        {...register("amount")}
      />
      <FormField label={t("programmes.money.purpose")} error={errors.purpose?.message} {...register("purpose")} />
      {partners.length ? (
        <SelectField label={t("programmes.money.partner")} error={errors.partnerId?.message} {...register("partnerId")}>
          <option value="">{t("programmes.money.ownFunds")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <FormField
        label={t("programmes.money.overBudgetReason")}
        error={errors.overBudgetReason?.message}
        {...register("overBudgetReason")}
      />
      <FormField
        label={t("programmes.money.receipt")}
        name="receipt"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        error={fieldErrors?.receipt}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("programmes.money.save")}
      </button>
    </Form>
  );
}
