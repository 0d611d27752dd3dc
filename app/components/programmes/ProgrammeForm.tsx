import { Form, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { formatCalendarDateShort } from "~/utils/format";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { FUNDING_SOURCES } from "~/validation/activity-codes";
import { type AgreementKind, type ProgrammeFormData } from "~/validation/programmes";
import { MAX_PROGRAMME_PARTNERS, agreementKindLabel } from "~/validation/programme-values";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";
import type { VillageOption } from "../VillagePicker";

const loadProgrammeSchema = () => import("~/validation/programmes").then((m) => m.programmeSchema);

type Input = Record<string, string>;
export type ProgrammeFormChoices = {
  partners: { id: string; name: string; agreements: { id: string; kind: AgreementKind; number: string; endDate: string | Date }[] }[];
  villages: VillageOption[];
  categories: { id: string; number: number | null; name: string }[];
  members: { id: string; fullName: string; memberNumber: string | null }[];
  board: { id: string; fullName: string; titles: string[] }[];
};

function FieldError({ message }: { message?: string }) {
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

/**
 * The programme form: name, goal, dates, budget, funding, coordinator (a serving board member);
 * partners with committed amounts and agreements; target kelurahan; targets by PPKS category;
 * assigned volunteers. Scalar fields are checked in the browser by the same zod schema as on the
 * server; the repeated ones on the server, their errors shown beside them.
 */
export function ProgrammeForm({
  defaults,
  selected,
  fieldErrors,
  choices,
  submitLabel,
}: {
  defaults: Input;
  selected: { villages: string[]; volunteers: string[] };
  fieldErrors?: Record<string, string>;
  choices: ProgrammeFormChoices;
  submitLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, ProgrammeFormData>({
    resolver: useLazyZodResolver(loadProgrammeSchema) as never,
    defaultValues: defaults,
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const errors = formState.errors as Record<string, { message?: string } | undefined>;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={submitLabel}>
      {fieldErrors?.form ? (
        <p className="form-error" role="alert">
          {fieldErrors.form}
        </p>
      ) : null}
      <fieldset>
        <legend>{t("programmes.form.about")}</legend>
        <FormField label={t("programmes.field.name")} error={errors.name?.message} {...register("name")} />
        <div className="field">
          <label htmlFor="goal">{t("programmes.field.goal")}</label>
          <textarea id="goal" rows={3} aria-invalid={errors.goal ? true : undefined} {...register("goal")} />
          <FieldError message={errors.goal?.message} />
        </div>
        <div className="field-row">
          <FormField label={t("programmes.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
          <FormField label={t("programmes.field.endDate")} type="date" error={errors.endDate?.message} {...register("endDate")} />
        </div>
        <FormField
          label={t("programmes.field.budget")}
          inputMode="numeric"
          placeholder="25.000.000"
          error={errors.budget?.message}
          {...register("budget")}
        />
        <SelectField label={t("programmes.field.fundingSource")} error={errors.fundingSource?.message} {...register("fundingSource")}>
          {FUNDING_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`programmes.source.${source}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("programmes.field.coordinator")} error={errors.coordinatorId?.message} {...register("coordinatorId")}>
          <option value="">{t("programmes.field.coordinatorChoose")}</option>
          {choices.board.map((m) => (
            <option key={m.id} value={m.id}>
              {m.fullName} ({m.titles.join(", ")})
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset>
        <legend>{t("programmes.form.partners")}</legend>
        <p className="muted">{t("programmes.form.partnersHelp")}</p>
        <FieldError message={fieldErrors?.partners} />
        {Array.from({ length: MAX_PROGRAMME_PARTNERS }, (_, n) => (
          <div className="field-row" key={n} data-testid={`partner-row-${n}`}>
            <div className="field">
              <label htmlFor={`partner.${n}.partnerId`}>{t("programmes.field.partner", { n: n + 1 })}</label>
              <select id={`partner.${n}.partnerId`} name={`partner.${n}.partnerId`} defaultValue={defaults[`partner.${n}.partnerId`] ?? ""}>
                <option value="">–</option>
                {choices.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <FieldError message={fieldErrors?.[`partner.${n}.partnerId`]} />
            </div>
            <div className="field">
              <label htmlFor={`partner.${n}.committed`}>{t("programmes.field.committed")}</label>
              <input
                id={`partner.${n}.committed`}
                name={`partner.${n}.committed`}
                inputMode="numeric"
                defaultValue={defaults[`partner.${n}.committed`] ?? ""}
              />
              <FieldError message={fieldErrors?.[`partner.${n}.committed`]} />
            </div>
            <div className="field">
              <label htmlFor={`partner.${n}.agreementId`}>{t("programmes.field.agreement")}</label>
              <select
                id={`partner.${n}.agreementId`}
                name={`partner.${n}.agreementId`}
                defaultValue={defaults[`partner.${n}.agreementId`] ?? ""}
              >
                <option value="">–</option>
                {choices.partners.flatMap((p) =>
                  p.agreements.map((a) => (
                    <option key={a.id} value={a.id}>
                      {p.name}: {agreementKindLabel(a.kind)} {a.number} (
                      {t("programmes.field.agreementUntil", { date: formatCalendarDateShort(a.endDate) })})
                    </option>
                  )),
                )}
              </select>
              <FieldError message={fieldErrors?.[`partner.${n}.agreementId`]} />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("programmes.form.targets")}</legend>
        <div className="field">
          <label htmlFor="villages">{t("programmes.field.villages")}</label>
          <select id="villages" name="villages" multiple size={6} defaultValue={selected.villages}>
            {choices.villages.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
                {v.parent ? ` (Kec. ${v.parent.name})` : ""}
              </option>
            ))}
          </select>
          <FieldError message={fieldErrors?.villages} />
        </div>
        <p className="muted">{t("programmes.form.targetsHelp")}</p>
        <FieldError message={fieldErrors?.targets} />
        <details open={choices.categories.some((c) => defaults[`target:${c.id}`])}>
          <summary>{t("programmes.form.targetCategories")}</summary>
          {choices.categories.map((c) => (
            <div className="field" key={c.id}>
              <label htmlFor={`target:${c.id}`}>
                {c.number ? `${c.number}. ` : ""}
                {c.name}
              </label>
              <input id={`target:${c.id}`} name={`target:${c.id}`} inputMode="numeric" defaultValue={defaults[`target:${c.id}`] ?? ""} />
              <FieldError message={fieldErrors?.[`target:${c.id}`]} />
            </div>
          ))}
        </details>
      </fieldset>
      <fieldset>
        <legend>{t("programmes.form.volunteers")}</legend>
        <div className="field">
          <label htmlFor="volunteers">{t("programmes.field.volunteers")}</label>
          <select id="volunteers" name="volunteers" multiple size={8} defaultValue={selected.volunteers}>
            {choices.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName} {m.memberNumber ? `(${m.memberNumber})` : ""}
              </option>
            ))}
          </select>
          <FieldError message={fieldErrors?.volunteers} />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
