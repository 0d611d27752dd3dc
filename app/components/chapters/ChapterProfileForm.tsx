import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { chapterProfileSchema } from "~/validation/chapters";
import type { z } from "~/validation/zod";
import { FormField } from "../FormField";
import { ChapterLetterheadFields } from "./ChapterLetterheadFields";

const loadChapterProfileSchema = () => import("~/validation/chapters").then((m) => m.chapterProfileSchema);

/** The board's own chapter profile: letterhead, contacts and letter code, checked in the browser with the server's schema. */
export function ChapterProfileForm({
  defaults,
  fieldErrors,
}: {
  defaults: Record<string, string>;
  fieldErrors?: Record<string, string | undefined>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof chapterProfileSchema>,
    unknown,
    z.output<typeof chapterProfileSchema>
  >({ resolver: useLazyZodResolver(loadChapterProfileSchema), defaultValues: defaults });
  useServerFieldErrors(fieldErrors as Record<string, string> | undefined, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <ChapterLetterheadFields field={(name) => register(name)} error={(name) => errors[name]?.message} />
      <FormField label={t("chapters.form.code")} autoCapitalize="characters" error={errors.code?.message} {...register("code")} />
      <p className="muted">{t("chapterProfile.codeHelp")}</p>
      <button type="submit" className="button button--primary">
        {t("chapters.form.save")}
      </button>
    </Form>
  );
}
