import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { holdingEndReasonLabel } from "~/i18n/labels";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type EndHoldingData, type EndHoldingInput, type ReplaceHoldingData, type ReplaceHoldingInput } from "~/validation/leadership";
import { HOLDING_END_REASONS } from "~/validation/leadership-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";
import { MemberOptions, type MemberChoice } from "./HoldingForm";

const loadReplaceHoldingSchema = () => import("~/validation/leadership").then((m) => m.replaceHoldingSchema);
const loadEndHoldingSchema = () => import("~/validation/leadership").then((m) => m.endHoldingSchema);

type Errors = { fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** A mid-term replacement (PAW): who takes over, from when, on which decree. */
export function ReplaceHoldingForm({ members, today, fieldErrors, values }: { members: MemberChoice[]; today: string } & Errors) {
  const { register, handleSubmit, setError, formState } = useForm<ReplaceHoldingInput, unknown, ReplaceHoldingData>({
    resolver: useLazyZodResolver(loadReplaceHoldingSchema),
    defaultValues: values ?? { startDate: today, endReason: "paw" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("leadership.holding.replace")}>
      <input type="hidden" name="intent" value="replace" />
      <SelectField label={t("leadership.field.replacement")} error={errors.memberId?.message} {...register("memberId")}>
        <MemberOptions members={members} />
      </SelectField>
      <FormField label={t("leadership.field.replacementStart")} type="date" error={errors.startDate?.message} {...register("startDate")} />
      <SelectField label={t("leadership.field.endReason")} error={errors.endReason?.message} {...register("endReason")}>
        {HOLDING_END_REASONS.map((r) => (
          <option key={r} value={r}>
            {holdingEndReasonLabel(r)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("leadership.field.pawSkNumber")} error={errors.skNumber?.message} {...register("skNumber")} />
      <FormField label={t("leadership.field.pawSkDate")} type="date" error={errors.skDate?.message} {...register("skDate")} />
      <FormField label={t("leadership.field.endNote")} error={errors.endNote?.message} {...register("endNote")} />
      <div>
        <button type="submit" className="button button--primary">
          {t("leadership.holding.replaceSubmit")}
        </button>
      </div>
    </Form>
  );
}

/** Ends a holding without a successor (resignation, death, dismissal). */
export function EndHoldingForm({ today, fieldErrors, values }: { today: string } & Errors) {
  const { register, handleSubmit, setError, formState } = useForm<EndHoldingInput, unknown, EndHoldingData>({
    resolver: useLazyZodResolver(loadEndHoldingSchema),
    defaultValues: values ?? { endDate: today, endReason: "mengundurkan_diri" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("leadership.holding.end")}>
      <input type="hidden" name="intent" value="end" />
      <FormField label={t("leadership.field.lastDay")} type="date" error={errors.endDate?.message} {...register("endDate")} />
      <SelectField label={t("leadership.field.endReason")} error={errors.endReason?.message} {...register("endReason")}>
        {HOLDING_END_REASONS.filter((r) => r !== "paw").map((r) => (
          <option key={r} value={r}>
            {holdingEndReasonLabel(r)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("leadership.field.endNote")} error={errors.endNote?.message} {...register("endNote")} />
      <div>
        <button type="submit" className="button">
          {t("leadership.holding.endSubmit")}
        </button>
      </div>
    </Form>
  );
}
