import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type PartnerData, type PartnerInput } from "~/validation/programmes";
import { PARTNER_KINDS, PARTNER_STATUSES } from "~/validation/programme-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

const loadPartnerSchema = () => import("~/validation/programmes").then((m) => m.partnerSchema);

/** A partner's name, kind, sector, address, status and notes (new or edited). */
export function PartnerForm({
  defaults,
  fieldErrors,
  submitLabel,
}: {
  defaults?: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
  submitLabel: string;
}) {
  const { register, handleSubmit, setError, formState } = useForm<PartnerInput, unknown, PartnerData>({
    resolver: useLazyZodResolver(loadPartnerSchema),
    defaultValues: { kind: "perusahaan", status: "aktif", ...defaults },
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label={submitLabel}>
      <input type="hidden" name="intent" value="partner" />
      <FormField label={t("programmes.partners.name")} error={errors.name?.message} {...register("name")} />
      <SelectField label={t("programmes.partners.kind")} error={errors.kind?.message} {...register("kind")}>
        {PARTNER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`programmes.partnerKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("programmes.partners.sector")} error={errors.sector?.message} {...register("sector")} />
      <FormField label={t("programmes.partners.address")} error={errors.address?.message} {...register("address")} />
      <SelectField label={t("programmes.partners.status")} error={errors.status?.message} {...register("status")}>
        {PARTNER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`programmes.partnerStatus.${status}`)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("programmes.partners.notes")} error={errors.notes?.message} {...register("notes")} />
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
    </Form>
  );
}
