import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { Sex } from "~/generated/prisma/enums";
import { t } from "~/i18n";
import { formatCalendarDateShort } from "~/utils/format";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyForm } from "~/utils/lazy-form";
import { FOLLOW_UP_UPDATE_STATUSES, FUNDING_SOURCES } from "~/validation/activity-codes";
import { FormField } from "../FormField";
import { PhotoInput } from "./PhotoInput";
import { SelectField } from "../SelectField";
import { VillagePicker, type VillageOption } from "../VillagePicker";
import { CoVolunteerPicker } from "./CoVolunteerPicker";
import type { CoVolunteer } from "~/validation/co-volunteers";

type Option = { id: string; name: string };
type Category = { id: string; number: number | null; name: string; forChildren: boolean };
type Input = Record<string, string>;
export type FollowUpChoice = {
  id: string;
  status: string;
  institution: string;
  description: string;
  openedBy: { date: string | Date; village: { name: string } };
};

/** The form's zod schema (and zod) come after the first paint: they only matter at submit (docs/decisions/028). */
const loadSchema = () => import("~/validation/activities").then((m) => m.activityFormSchema);

/** Which age band a category's counts are kept under: children's and elderly categories say it. */
export function reachKey(category: Category, sex: Sex) {
  const band = category.forChildren ? "anak" : category.number === 8 ? "lansia" : "-";
  return `reach:${category.id}:${sex}:${band}`;
}

/**
 * The activity form, made for a 360 px phone: date and time, type and place, people reached by
 * PPKS category (open a category to count), households, aid, co-volunteers, a follow-up, and the
 * phone's location when the volunteer allows it. Two buttons: save as draft, or send for
 * verification. The idempotency key makes a double tap one activity.
 */
export function ActivityForm({
  defaults,
  fieldErrors,
  formError,
  types,
  categories,
  villages,
  chosenVolunteers,
  recentVolunteers,
  storedPhotos = 0,
  followUps = [],
  programmes = [],
  keepCaseIdentifiers = false,
  storedIdentifier = null,
  localId,
  keptPhotos,
}: {
  defaults: Input;
  fieldErrors?: Record<string, string>;
  /** a message for the whole form (the activity is locked, the form was already sent...) */
  formError?: string;
  types: Option[];
  categories: Category[];
  villages: VillageOption[];
  /** the co-volunteers already chosen (the stored ones, or those a refused form kept) */
  chosenVolunteers: CoVolunteer[];
  /** the volunteer's recent co-volunteers, offered as quick chips */
  recentVolunteers: CoVolunteer[];
  storedPhotos?: number;
  /** open follow-ups this activity may move on */
  followUps?: FollowUpChoice[];
  /** programmes the activity can be logged under */
  programmes?: Option[];
  keepCaseIdentifiers?: boolean;
  /** the masked NIK/KK already kept with this activity's follow-up */
  storedIdentifier?: string | null;
  /** an activity kept on the phone without signal, opened to change and send it (app/offline) */
  localId?: string;
  /** its photos, as kept on the phone */
  keptPhotos?: File[];
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { register, handleSubmit, setError, setValue, formState } = useLazyForm({ schema: loadSchema, defaultValues: defaults });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const errors = formState.errors as Record<string, { message?: string } | undefined>;
  const [located, setLocated] = useState<string | null>(defaults.latitude ? t("activities.form.located") : null);
  const locate = () => {
    if (!("geolocation" in navigator)) return setLocated(t("activities.form.noLocation"));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setValue("latitude", position.coords.latitude.toFixed(6));
        setValue("longitude", position.coords.longitude.toFixed(6));
        setValue("locationAccuracy", String(Math.round(position.coords.accuracy)));
        setValue("locatedAt", new Date(position.timestamp).toISOString());
        setLocated(t("activities.form.located"));
      },
      () => setLocated(t("activities.form.noLocation")),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const countError = (key: string) => fieldErrors?.[key];
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      className="form-grid"
      onSubmit={onSubmit}
      aria-label={t("activities.form.title")}
    >
      <input type="hidden" {...register("idempotencyKey")} />
      {localId ? <input type="hidden" name="localId" value={localId} /> : null}
      <input type="hidden" {...register("latitude")} />
      <input type="hidden" {...register("longitude")} />
      <input type="hidden" {...register("locationAccuracy")} />
      <input type="hidden" {...register("locatedAt")} />
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <fieldset>
        <legend>{t("activities.form.when")}</legend>
        <FormField label={t("activities.field.date")} type="date" error={errors.date?.message} {...register("date")} />
        <div className="field-row">
          <FormField label={t("activities.field.startTime")} type="time" error={errors.startTime?.message} {...register("startTime")} />
          <FormField label={t("activities.field.endTime")} type="time" error={errors.endTime?.message} {...register("endTime")} />
        </div>
        <FormField
          label={t("activities.field.duration")}
          inputMode="numeric"
          error={errors.durationMinutes?.message}
          {...register("durationMinutes")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("activities.form.what")}</legend>
        <SelectField label={t("activities.field.type")} error={errors.typeId?.message} {...register("typeId")}>
          <option value="">{t("activities.field.typeChoose")}</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </SelectField>
        {programmes.length ? (
          <SelectField label={t("activities.field.programme")} error={errors.programmeId?.message} {...register("programmeId")}>
            <option value="">{t("activities.field.programmeNone")}</option>
            {programmes.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <VillagePicker
          label={t("activities.field.village")}
          villages={villages}
          selected={defaults.villageCode}
          error={errors.villageCode?.message}
          {...register("villageCode")}
        />
        <div className="field-row">
          <FormField label="RT" inputMode="numeric" error={errors.rt?.message} {...register("rt")} />
          <FormField label="RW" inputMode="numeric" error={errors.rw?.message} {...register("rw")} />
        </div>
        <button type="button" className="button button--ghost" onClick={locate}>
          {t("activities.form.locate")}
        </button>
        {located ? <p className="muted">{located}</p> : null}
      </fieldset>
      <fieldset>
        <legend>{t("activities.form.reach")}</legend>
        <p className="muted">{t("activities.form.reachHelp")}</p>
        {fieldErrors?.reach ? (
          <p className="field__error" role="alert">
            {fieldErrors.reach}
          </p>
        ) : null}
        {categories.map((category) => {
          const keys = [reachKey(category, "L"), reachKey(category, "P")] as const;
          const filled = keys.some((k) => defaults[k]) || keys.some((k) => countError(k));
          return (
            <details key={category.id} className="reach" open={filled}>
              <summary>
                {category.number ? `${category.number}. ` : ""}
                {category.name}
              </summary>
              <div className="field-row">
                {(["L", "P"] as const).map((sex) => {
                  const key = reachKey(category, sex);
                  return (
                    <div className="field" key={sex}>
                      <label htmlFor={key}>{t(sex === "L" ? "activities.field.male" : "activities.field.female")}</label>
                      <input
                        id={key}
                        name={key}
                        inputMode="numeric"
                        aria-label={`${t(sex === "L" ? "activities.field.male" : "activities.field.female")}: ${category.name}`}
                        defaultValue={defaults[key] ?? ""}
                        aria-invalid={countError(key) ? true : undefined}
                      />
                      {countError(key) ? (
                        <p className="field__error" role="alert">
                          {countError(key)}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </details>
          );
        })}
        <FormField
          label={t("activities.field.households")}
          inputMode="numeric"
          error={errors.households?.message}
          {...register("households")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("activities.form.aid")}</legend>
        {[0, 1].map((n) => (
          <div key={n} className="aid-row">
            {(["item", "quantity", "unit", "value"] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`aid.${n}.${field}`}>{t(`activities.field.aid.${field}`)}</label>
                <input
                  id={`aid.${n}.${field}`}
                  name={`aid.${n}.${field}`}
                  inputMode={field === "quantity" || field === "value" ? "numeric" : undefined}
                  defaultValue={defaults[`aid.${n}.${field}`] ?? ""}
                />
                {fieldErrors?.[`aid.${n}.${field}`] ? (
                  <p className="field__error" role="alert">
                    {fieldErrors[`aid.${n}.${field}`]}
                  </p>
                ) : null}
              </div>
            ))}
            <div className="field">
              <label htmlFor={`aid.${n}.source`}>{t("activities.field.aid.source")}</label>
              <select id={`aid.${n}.source`} name={`aid.${n}.source`} defaultValue={defaults[`aid.${n}.source`] ?? "apbd"}>
                {FUNDING_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`activities.source.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("activities.form.more")}</legend>
        <CoVolunteerPicker chosen={chosenVolunteers} recent={recentVolunteers} error={fieldErrors?.coVolunteers} />
        <FormField label={t("activities.field.narrative")} error={errors.narrative?.message} {...register("narrative")} />
        <PhotoInput error={fieldErrors?.photos} stored={storedPhotos} kept={keptPhotos} />
        <details open={Boolean(defaults["followUp.institution"] || fieldErrors?.followUp || fieldErrors?.["followUp.caseIdentifier"])}>
          <summary>{t("activities.form.followUp")}</summary>
          <div className="field">
            <label htmlFor="followUp.institution">{t("activities.field.followUpInstitution")}</label>
            <input id="followUp.institution" name="followUp.institution" defaultValue={defaults["followUp.institution"] ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="followUp.description">{t("activities.field.followUpDescription")}</label>
            <input id="followUp.description" name="followUp.description" defaultValue={defaults["followUp.description"] ?? ""} />
            {fieldErrors?.followUp ? (
              <p className="field__error" role="alert">
                {fieldErrors.followUp}
              </p>
            ) : null}
          </div>
          {keepCaseIdentifiers ? (
            <div className="field">
              <label htmlFor="followUp.caseIdentifier">{t("activities.field.caseIdentifier")}</label>
              <input
                id="followUp.caseIdentifier"
                name="followUp.caseIdentifier"
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                defaultValue={defaults["followUp.caseIdentifier"] ?? ""}
                aria-invalid={fieldErrors?.["followUp.caseIdentifier"] ? true : undefined}
              />
              <small className="muted">
                {storedIdentifier
                  ? t("activities.field.caseIdentifierKept", { masked: storedIdentifier })
                  : t("activities.field.caseIdentifierHelp")}
              </small>
              {fieldErrors?.["followUp.caseIdentifier"] ? (
                <p className="field__error" role="alert">
                  {fieldErrors["followUp.caseIdentifier"]}
                </p>
              ) : null}
            </div>
          ) : null}
        </details>
        {followUps.length ? (
          <details
            open={Boolean(
              defaults["followUpUpdate.followUpId"] || fieldErrors?.["followUpUpdate.followUpId"] || fieldErrors?.["followUpUpdate.status"],
            )}
          >
            <summary>{t("activities.form.followUpUpdate")}</summary>
            <div className="field">
              <label htmlFor="followUpUpdate.followUpId">{t("activities.field.followUpUpdate")}</label>
              <select
                id="followUpUpdate.followUpId"
                name="followUpUpdate.followUpId"
                defaultValue={defaults["followUpUpdate.followUpId"] ?? ""}
              >
                <option value="">{t("activities.field.followUpUpdateNone")}</option>
                {followUps.map((f) => (
                  <option key={f.id} value={f.id}>
                    {formatCalendarDateShort(f.openedBy.date)} · {f.openedBy.village.name} · {f.institution}: {f.description}
                  </option>
                ))}
              </select>
              {fieldErrors?.["followUpUpdate.followUpId"] ? (
                <p className="field__error" role="alert">
                  {fieldErrors["followUpUpdate.followUpId"]}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="followUpUpdate.status">{t("activities.field.followUpUpdateStatus")}</label>
              <select id="followUpUpdate.status" name="followUpUpdate.status" defaultValue={defaults["followUpUpdate.status"] ?? "proses"}>
                {FOLLOW_UP_UPDATE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`activities.followUp.${status}`)}
                  </option>
                ))}
              </select>
              {fieldErrors?.["followUpUpdate.status"] ? (
                <p className="field__error" role="alert">
                  {fieldErrors["followUpUpdate.status"]}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="followUpUpdate.note">{t("activities.field.followUpUpdateNote")}</label>
              <input
                id="followUpUpdate.note"
                name="followUpUpdate.note"
                defaultValue={defaults["followUpUpdate.note"] ?? ""}
                maxLength={300}
              />
            </div>
          </details>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" name="intent" value="submit" className="button button--primary" disabled={busy}>
          {t("activities.form.submit")}
        </button>
        <button type="submit" name="intent" value="draft" className="button" disabled={busy}>
          {t("activities.form.draft")}
        </button>
      </div>
    </Form>
  );
}
