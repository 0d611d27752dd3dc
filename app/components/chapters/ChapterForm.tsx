import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { timeZoneOfRegion } from "~/utils/regions";
import { CHAPTER_LEVELS, chapterFormSchema, REGION_LEVEL_OF } from "~/validation/chapters";
import type { z } from "~/validation/zod";
import { FormField } from "../FormField";
import { SelectField } from "../SelectField";

export type ParentChoice = { id: string; name: string; level: string; regionCode: string; regionName: string; depth: number };
type FoundRegion = { code: string; name: string; parents: { name: string }[] };

const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

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
    resolver: zodResolver(chapterFormSchema),
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
  const [query, setQuery] = useState("");
  const search = useFetcher<{ regions: FoundRegion[] }>();
  const regionLevel = CHAPTER_LEVELS.includes(level as never) ? REGION_LEVEL_OF[level as keyof typeof REGION_LEVEL_OF] : undefined;
  const find = (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) return;
    const params = new URLSearchParams({ q, limit: "10", ...(regionLevel ? { level: regionLevel } : {}) });
    if (parent) params.set("under", parent.regionCode);
    search.load(`/regions/search?${params}`);
  };
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
      <div className="field">
        <label htmlFor="region-search">{t("chapters.form.regionSearch")}</label>
        <input id="region-search" type="search" value={query} onChange={(e) => find(e.target.value)} aria-describedby="region-help" />
        <small id="region-help" className="muted">
          {t("chapters.form.regionHelp")}
        </small>
        {query.trim().length >= 2 && search.data?.regions.length ? (
          <ul className="region-results" data-testid="region-results">
            {search.data.regions.map((r) => (
              <li key={r.code}>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => {
                    setValue("regionCode", r.code, { shouldValidate: true });
                    setQuery(r.name);
                  }}
                >
                  {[r.name, ...r.parents.map((p) => p.name)].join(", ")} ({r.code})
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <FormField label={t("chapters.form.region")} inputMode="decimal" error={errors.regionCode?.message} {...register("regionCode")} />
      {/^\d{2}/.test(regionCode) ? (
        <p className="muted">{t("chapters.form.timeZone", { zone: ZONE_NAMES[timeZoneOfRegion(regionCode)] ?? "" })}</p>
      ) : null}
      <FormField label={t("chapters.form.name")} error={errors.name?.message} {...register("name")} />
      <FormField label={t("chapters.form.code")} autoCapitalize="characters" error={errors.code?.message} {...register("code")} />
      <FormField
        label={t("chapters.form.letterheadSubtitle")}
        error={errors.letterheadSubtitle?.message}
        {...register("letterheadSubtitle")}
      />
      <FormField label={t("chapters.form.letterPlace")} error={errors.letterPlace?.message} {...register("letterPlace")} />
      <FormField label={t("chapters.form.address")} error={errors.address?.message} {...register("address")} />
      <FormField label={t("chapters.form.phone")} type="tel" error={errors.phone?.message} {...register("phone")} />
      <FormField label={t("chapters.form.email")} type="email" error={errors.email?.message} {...register("email")} />
      <FormField label={t("chapters.form.website")} error={errors.website?.message} {...register("website")} />
      <button type="submit" className="button button--primary">
        {t("chapters.form.save")}
      </button>
    </Form>
  );
}
