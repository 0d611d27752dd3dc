import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "~/validation/zod";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { agreementSchema, type AgreementData } from "~/validation/programmes";
import { AGREEMENT_KINDS, agreementKindLabel } from "~/validation/programme-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

const loadAgreementSchema = () => import("~/validation/programmes").then((m) => m.agreementSchema);

/**
 * An agreement of a partner (MoU or PKS: number, dates) with its scan, checked in the browser by
 * the server's schema; the scan's content and a number used twice are checked by the server.
 */
export function AgreementForm({
  defaults,
  fieldErrors,
}: {
  defaults?: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof agreementSchema>, unknown, AgreementData>({
    resolver: useLazyZodResolver(loadAgreementSchema),
    defaultValues: { kind: "pks", ...defaults },
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" encType="multipart/form-data" noValidate aria-label={t("programmes.partners.addAgreement")} onSubmit={onSubmit}>
      <h3>{t("programmes.partners.addAgreement")}</h3>
      <input type="hidden" name="intent" value="agreement" />
      <SelectField label={t("programmes.partners.agreementKind")} error={errors.kind?.message} {...register("kind")}>
        {AGREEMENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {agreementKindLabel(kind)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("programmes.partners.agreementNumber")} error={errors.number?.message} {...register("number")} />
      <FormField label={t("programmes.partners.signedOn")} type="date" error={errors.signedOn?.message} {...register("signedOn")} />
      <div className="field-row">
        <FormField label={t("programmes.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
        <FormField label={t("programmes.field.endDate")} type="date" error={errors.endDate?.message} {...register("endDate")} />
      </div>
      <FormField
        label={t("programmes.partners.scanFile")}
        name="file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        error={fieldErrors?.file}
      />
      <button type="submit" className="button">
        {t("programmes.partners.addAgreement")}
      </button>
    </Form>
  );
}
