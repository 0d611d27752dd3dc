import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type HoldingFormData, type HoldingFormInput } from "~/validation/leadership";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

const loadHoldingFormSchema = () => import("~/validation/leadership").then((m) => m.holdingFormSchema);

export type MemberChoice = { id: string; fullName: string; memberNumber: string | null };
type PositionChoice = { id: string; title: string };

/** The options of a select of active members: "Name (member number)". */
export function MemberOptions({ members }: { members: MemberChoice[] }) {
  return (
    <>
      <option value="">{t("leadership.field.memberChoose")}</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.memberNumber ? `${m.fullName} (${m.memberNumber})` : m.fullName}
        </option>
      ))}
    </>
  );
}

/** Appoints an active member to a position of the period. */
export function HoldingForm({
  positions,
  members,
  defaults,
  fieldErrors,
}: {
  positions: PositionChoice[];
  members: MemberChoice[];
  defaults: Partial<Record<keyof HoldingFormInput, string>>;
  fieldErrors?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<HoldingFormInput, unknown, HoldingFormData>({
    resolver: useLazyZodResolver(loadHoldingFormSchema),
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("leadership.holding.add")}>
      <input type="hidden" name="intent" value="addHolding" />
      {fieldErrors?.form ? (
        <p className="form-error" role="alert">
          {fieldErrors.form}
        </p>
      ) : null}
      <SelectField label={t("leadership.field.position")} error={errors.positionId?.message} {...register("positionId")}>
        <option value="">{t("leadership.field.positionChoose")}</option>
        {positions.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("leadership.field.member")} error={errors.memberId?.message} {...register("memberId")}>
        <MemberOptions members={members} />
      </SelectField>
      <FormField label={t("leadership.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
      <FormField label={t("leadership.field.holdingEnd")} type="date" error={errors.endDate?.message} {...register("endDate")} />
      <FormField label={t("leadership.field.holdingSkNumber")} error={errors.skNumber?.message} {...register("skNumber")} />
      <FormField label={t("leadership.field.holdingSkDate")} type="date" error={errors.skDate?.message} {...register("skDate")} />
      <div>
        <button type="submit" className="button button--primary">
          {t("leadership.holding.addSubmit")}
        </button>
      </div>
    </Form>
  );
}
