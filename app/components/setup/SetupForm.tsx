import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { timeZoneOfRegion } from "~/utils/regions";
import { PASSWORD_MIN } from "~/validation/auth-values";
import { CHAPTER_LEVELS, REGION_LEVEL_OF } from "~/validation/chapter-values";
import { setupFormSchema } from "~/validation/setup";
import type { z } from "~/validation/zod";
import { RegionSearch } from "../chapters/RegionSearch";
import { ZONE_NAMES } from "../chapters/ChapterForm";
import { FormField } from "../FormField";
import { ChapterLetterheadFields } from "../chapters/ChapterLetterheadFields";
import { SelectField } from "../SelectField";

const loadSetupFormSchema = () => import("~/validation/setup").then((m) => m.setupFormSchema);

type Input = z.input<typeof setupFormSchema>;

/**
 * The first-run setup form (checked in the browser with the server's schema): the code from the
 * server's log, the first administrator, and the first chapter with its level, region (found by
 * name; the time zone follows it), name, letter code and letterhead.
 */
export function SetupForm({
  defaults,
  fieldErrors,
  formError,
}: {
  defaults: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
  formError?: string;
}) {
  const { register, handleSubmit, setError, setValue, watch, formState } = useForm<Input, unknown, z.output<typeof setupFormSchema>>({
    resolver: useLazyZodResolver(loadSetupFormSchema),
    defaultValues: { level: "kabkota", ...(defaults as Partial<Input>), password: "", confirm: "" },
  });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const level = watch("level");
  const regionCode = watch("regionCode") ?? "";
  const regionLevel = CHAPTER_LEVELS.includes(level as never) ? REGION_LEVEL_OF[level as keyof typeof REGION_LEVEL_OF] : undefined;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      {formError ? (
        <p className="field__error" role="alert">
          {formError}
        </p>
      ) : null}
      <h2>{t("setup.section.code")}</h2>
      <FormField
        label={t("setup.code")}
        autoComplete="off"
        autoCapitalize="characters"
        placeholder={t("setup.codeHint")}
        error={errors.setupCode?.message}
        {...register("setupCode")}
      />
      <h2>{t("setup.section.admin")}</h2>
      <FormField label={t("setup.adminName")} autoComplete="name" error={errors.adminName?.message} {...register("adminName")} />
      <FormField
        label={t("setup.adminEmail")}
        type="email"
        autoComplete="email"
        error={errors.adminEmail?.message}
        {...register("adminEmail")}
      />
      <FormField
        label={t("setup.password")}
        type="password"
        autoComplete="new-password"
        placeholder={t("setup.passwordHint", { min: PASSWORD_MIN })}
        error={errors.password?.message}
        {...register("password")}
      />
      <FormField
        label={t("setup.confirm")}
        type="password"
        autoComplete="new-password"
        error={errors.confirm?.message}
        {...register("confirm")}
      />
      <h2>{t("setup.section.chapter")}</h2>
      <SelectField label={t("chapters.form.level")} error={errors.level?.message} {...register("level")}>
        {CHAPTER_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`chapters.level.${l}`)}
          </option>
        ))}
      </SelectField>
      <RegionSearch
        level={regionLevel}
        searchPath="/setup/regions"
        onPick={(code) => setValue("regionCode", code, { shouldValidate: true })}
      />
      <FormField label={t("chapters.form.region")} inputMode="decimal" error={errors.regionCode?.message} {...register("regionCode")} />
      {/^\d{2}/.test(regionCode) ? (
        <p className="muted" data-testid="setup-time-zone">
          {t("chapters.form.timeZone", { zone: ZONE_NAMES[timeZoneOfRegion(regionCode)] ?? "" })}
        </p>
      ) : null}
      <FormField label={t("chapters.form.name")} error={errors.name?.message} {...register("name")} />
      <FormField label={t("chapters.form.code")} autoCapitalize="characters" error={errors.code?.message} {...register("code")} />
      <ChapterLetterheadFields field={(name) => register(name)} error={(name) => errors[name]?.message} />
      <button type="submit" className="button button--primary">
        {t("setup.submit")}
      </button>
    </Form>
  );
}
