import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "./NewPasswordFields";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { newPasswordSchema } from "~/validation/auth";
import type { z } from "~/validation/zod";

const loadNewPasswordSchema = () => import("~/validation/auth").then((m) => m.newPasswordSchema);

type Input = z.input<typeof newPasswordSchema>;

/** A new password typed twice, through an invitation or a reset link: checked in the browser with the server's schema. */
export function SetPasswordForm({ fieldErrors, formError }: { fieldErrors?: Record<string, string>; formError?: string }) {
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, z.output<typeof newPasswordSchema>>({
    resolver: useLazyZodResolver(loadNewPasswordSchema),
    defaultValues: { password: "", confirm: "" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card">
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <NewPasswordFields field={(name) => register(name)} error={(name) => errors[name]?.message} />
      <button type="submit" className="button button--primary button--block">
        {t("links.submit")}
      </button>
    </Form>
  );
}
