import { Form } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { NewPasswordFields } from "./NewPasswordFields";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { passwordChangeSchema } from "~/validation/accounts";
import type { z } from "~/validation/zod";

const loadPasswordChangeSchema = () => import("~/validation/accounts").then((m) => m.passwordChangeSchema);

type Input = z.input<typeof passwordChangeSchema>;

/** The user's own password change (/profile): checked in the browser with the server's schema; nothing typed is sent back. */
export function PasswordChangeForm({ fieldErrors, formError }: { fieldErrors?: Record<string, string>; formError?: string }) {
  const { register, handleSubmit, setError, formState } = useForm<Input, unknown, z.output<typeof passwordChangeSchema>>({
    resolver: useLazyZodResolver(loadPasswordChangeSchema),
    defaultValues: { current: "", password: "", confirm: "" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="password-change">
      <input type="hidden" name="intent" value="password" />
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <FormField
        label={t("account.password.current")}
        type="password"
        autoComplete="current-password"
        error={errors.current?.message}
        {...register("current")}
      />
      <NewPasswordFields field={(name) => register(name)} error={(name) => errors[name]?.message} />
      <button type="submit" className="button button--primary">
        {t("account.password.submit")}
      </button>
    </Form>
  );
}
