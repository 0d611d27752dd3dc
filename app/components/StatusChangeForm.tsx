import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type MemberStatus, type StatusChangeInput } from "~/validation/members";
import { MEMBER_STATUSES } from "~/validation/member-codes";
import { FormField } from "./FormField";
import { SelectField } from "./SelectField";

const loadStatusChangeSchema = () => import("~/validation/members").then((m) => m.statusChangeSchema);

/** Changes a member's status with the date it takes effect and the reason. */
export function StatusChangeForm({
  current,
  today,
  fieldErrors,
}: {
  current: MemberStatus;
  today: string;
  fieldErrors?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<StatusChangeInput>({
    resolver: useLazyZodResolver(loadStatusChangeSchema),
    defaultValues: { status: current, effectiveDate: today, reason: "" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="status" />
      <SelectField label={t("members.field.status")} error={errors.status?.message} {...register("status")}>
        {MEMBER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {memberStatusLabel(s)}
          </option>
        ))}
      </SelectField>
      <FormField
        label={t("members.field.effectiveDate")}
        type="date"
        error={errors.effectiveDate?.message}
        {...register("effectiveDate")}
      />
      <FormField label={t("members.field.reason")} error={errors.reason?.message} {...register("reason")} />
      <button type="submit" className="button">
        {t("members.status.submit")}
      </button>
    </Form>
  );
}
