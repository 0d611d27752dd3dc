import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { anonymiseSchema } from "~/validation/privacy";
import type { z } from "~/validation/zod";
import { FormField } from "../FormField";

const loadAnonymiseSchema = () => import("~/validation/privacy").then((m) => m.anonymiseSchema);

/**
 * The board erases a departed member's identity on request (docs/privacy.md): a reason and the
 * typed confirmation word; while the retention period runs the form says from when it is possible.
 */
export function AnonymiseMemberForm({
  blocked,
  fieldErrors,
  formError,
}: {
  blocked: string | null;
  fieldErrors?: Record<string, string>;
  formError?: string;
}) {
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof anonymiseSchema>>({
    resolver: useLazyZodResolver(loadAnonymiseSchema),
    defaultValues: { reason: "", confirmation: "" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <section className="card" data-testid="anonymise-member">
      <h2>{t("privacy.anonymise.title")}</h2>
      <p>{t("privacy.anonymise.intro")}</p>
      {blocked ? (
        <p className="notice">{blocked}</p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit}>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="anonymise" />
          <FormField label={t("privacy.anonymise.reason")} error={errors.reason?.message} {...register("reason")} />
          <FormField
            label={t("privacy.anonymise.confirm")}
            autoComplete="off"
            error={errors.confirmation?.message}
            {...register("confirmation")}
          />
          <button type="submit" className="button button--danger">
            {t("privacy.anonymise.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
