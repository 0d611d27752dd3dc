import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { timeZoneOfRegion } from "~/utils/regions";
import { chapterFormSchema } from "~/validation/chapters";
import { CHAPTER_LEVELS, REGION_LEVEL_OF } from "~/validation/chapter-values";
import type { z } from "~/validation/zod";
import { FormField } from "../FormField";
import { ChapterLetterheadFields } from "./ChapterLetterheadFields";
import { SelectField } from "../SelectField";
import { RegionSearch } from "./RegionSearch";

const loadChapterFormSchema = () => import("~/validation/chapters").then((m) => m.chapterFormSchema);

export type ParentChoice = { id: string; name: string; level: string; regionCode: string; regionName: string; depth: number };

export const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/**
 * The administrator's chapter form (checked in the browser with the server's schema): level,
 * region (typed as a code, or found by name under the parent's region), parent, name, code and
 * the letterhead. The server checks the region's level and that it lies inside the parent's.
 */
export function ChapterForm({
  defaults,
  parents,
  fieldErrors,
  formError,
}: {
  defaults: Record<string, string>;
  parents: ParentChoice[];
  fieldErrors?: Record<string, string | undefined>;
  formError?: string;
}) {
  const form = useForm<z.input<typeof chapterFormSchema>, unknown, z.output<typeof chapterFormSchema>>({
    resolver: useLazyZodResolver(loadChapterFormSchema),
    defaultValues: { level: "kabkota", ...defaults },
  });
  const { register, handleSubmit, setError, setValue, watch, formState } = form;
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const level = watch("level");
  const parentId = watch("parentId");
  const regionCode = watch("regionCode") ?? "";
  const parent = parents.find((p) => p.id === parentId);
  const regionLevel = CHAPTER_LEVELS.includes(level as never) ? REGION_LEVEL_OF[level as keyof typeof REGION_LEVEL_OF] : undefined;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      {formError ? (
        <p className="field__error" role="alert">
          {formError}
        </p>
      ) : null}
      <SelectField label={t("chapters.form.level")} error={errors.level?.message} {...register("level")}>
        {CHAPTER_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`chapters.level.${l}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("chapters.form.parent")} error={errors.parentId?.message} {...register("parentId")}>
        <option value="">{t("chapters.form.noParent")}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {`${"\u2014 ".repeat(p.depth)}${p.name} (${p.regionName})`}
          </option>
        ))}
      </SelectField>
      <RegionSearch
        level={regionLevel}
        under={parent?.regionCode}
        onPick={(code) => setValue("regionCode", code, { shouldValidate: true })}
      />
      <FormField label={t("chapters.form.region")} inputMode="decimal" error={errors.regionCode?.message} {...register("regionCode")} />
      {/^\d{2}/.test(regionCode) ? (
        <p className="muted">{t("chapters.form.timeZone", { zone: ZONE_NAMES[timeZoneOfRegion(regionCode)] ?? "" })}</p>
      ) : null}
      <FormField label={t("chapters.form.name")} error={errors.name?.message} {...register("name")} />
      <FormField label={t("chapters.form.code")} autoCapitalize="characters" error={errors.code?.message} {...register("code")} />
      <ChapterLetterheadFields field={(name) => register(name)} error={(name) => errors[name]?.message} />
      <button type="submit" className="button button--primary">
        {t("chapters.form.save")}
      </button>
    </Form>
  );
}
