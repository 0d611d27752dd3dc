import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { requestPasswordReset } from "~/domain/accounts/links.server";
import { t } from "~/i18n";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { clientAddress } from "~/http/auth.server";
import { readFormData } from "~/utils/request-form.server";
import { forgotPasswordSchema } from "~/validation/accounts";
import type { z } from "~/validation/zod";

const loadForgotPasswordSchema = () => import("~/validation/accounts").then((m) => m.forgotPasswordSchema);

export const meta: MetaFunction = () => [{ title: `${t("forgot.title")} · ${t("app.name")}` }];

// /forgot-password: a reset link by email (1 hour). The answer is the same whether the email
// belongs to a login or not, so the page tells nobody who has an account.
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotPasswordSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const asked = await requestPasswordReset(parsed.data.email, clientAddress(request, context as { clientAddress?: string }));
  if (!asked.ok) return formRefusal(asked, { values: parsed.values });
  return { sent: true as const, fieldErrors: {}, values: {} as Record<string, string> };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof forgotPasswordSchema>>({
    resolver: useLazyZodResolver(loadForgotPasswordSchema),
    defaultValues: { email: actionData?.values.email ?? "" },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const sent = actionData && "sent" in actionData;
  return (
    <div className="login">
      <PageHeader title={t("forgot.title")} intro={sent ? undefined : t("forgot.intro")} />
      {sent ? (
        <p className="notice" role="status" data-testid="forgot-sent">
          {t("forgot.sent")}
        </p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} className="card">
          {actionData && "formError" in actionData && actionData.formError ? (
            <p className="form-error" role="alert">
              {actionData.formError}
            </p>
          ) : null}
          <FormField
            label={t("login.email")}
            type="email"
            inputMode="email"
            autoComplete="username"
            error={formState.errors.email?.message}
            {...register("email")}
          />
          <button type="submit" className="button button--primary button--block">
            {t("forgot.submit")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/login">{t("links.toLogin")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
