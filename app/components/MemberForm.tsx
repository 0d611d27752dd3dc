import { Form, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { type MemberFormData, type MemberFormInput } from "~/validation/members";
import { MEMBERSHIP_TYPES } from "~/validation/member-codes";
import { FormField } from "./FormField";
import { SelectField } from "./SelectField";
import { VillagePicker, type VillageOption } from "./VillagePicker";

const loadMemberFormSchema = () => import("~/validation/members").then((m) => m.memberFormSchema);

type Props = {
  defaults: Partial<MemberFormInput> & { status?: string };
  villages: VillageOption[];
  fieldErrors?: Record<string, string>;
  submitLabel: string;
  /** Adding a member asks for the first status too (calon or aktif). */
  withStatus?: boolean;
};

/** The add/edit member form: validated in the browser and again on the server with one schema. */
export function MemberForm({ defaults, villages, fieldErrors, submitLabel, withStatus }: Props) {
  const busy = useNavigation().state === "submitting";
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<MemberFormInput, unknown, MemberFormData>({
    resolver: useLazyZodResolver(loadMemberFormSchema),
    defaultValues: defaults,
    mode: "onTouched",
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const err = (name: keyof MemberFormInput) => errors[name]?.message;

  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit}>
      <fieldset>
        <legend>{t("members.section.identity")}</legend>
        <FormField label={t("members.field.fullName")} autoComplete="off" error={err("fullName")} {...register("fullName")} />
        <FormField
          label={t("members.field.nik")}
          inputMode="numeric"
          maxLength={16}
          autoComplete="off"
          error={err("nik")}
          {...register("nik")}
        />
        <SelectField label={t("members.field.sex")} error={err("sex")} {...register("sex")}>
          <option value="">{t("members.choose")}</option>
          <option value="L">{t("member.sex.L")}</option>
          <option value="P">{t("member.sex.P")}</option>
        </SelectField>
        <FormField label={t("members.field.birthDate")} type="date" error={err("birthDate")} {...register("birthDate")} />
      </fieldset>
      <fieldset>
        <legend>{t("members.section.contact")}</legend>
        <FormField
          label={t("members.field.phone")}
          type="tel"
          inputMode="tel"
          placeholder="08xx atau +62xx"
          error={err("phone")}
          {...register("phone")}
        />
        <FormField label={t("members.field.email")} type="email" error={err("email")} {...register("email")} />
        <FormField label={t("members.field.address")} error={err("address")} {...register("address")} />
        <VillagePicker
          label={t("members.field.village")}
          villages={villages}
          selected={watch("villageCode")}
          error={err("villageCode")}
          {...register("villageCode")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("members.section.membership")}</legend>
        <FormField label={t("members.field.joinDate")} type="date" error={err("joinDate")} {...register("joinDate")} />
        <SelectField label={t("members.field.membershipType")} error={err("membershipType")} {...register("membershipType")}>
          {MEMBERSHIP_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`member.type.${type}`)}
            </option>
          ))}
        </SelectField>
        {withStatus ? (
          <div className="field">
            <label htmlFor="status">{t("members.field.status")}</label>
            <select id="status" name="status" defaultValue={defaults.status ?? "calon"}>
              <option value="calon">{memberStatusLabel("calon")}</option>
              <option value="aktif">{memberStatusLabel("aktif")}</option>
            </select>
          </div>
        ) : null}
        <FormField label={t("members.field.skPsmNumber")} error={err("skPsmNumber")} {...register("skPsmNumber")} />
        <FormField label={t("members.field.skPsmDate")} type="date" error={err("skPsmDate")} {...register("skPsmDate")} />
        <FormField label={t("members.field.basicBimtekDate")} type="date" error={err("basicBimtekDate")} {...register("basicBimtekDate")} />
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t("login.submitting") : submitLabel}
      </button>
    </Form>
  );
}
