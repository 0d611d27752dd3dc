import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { signInWithRecoveryCode, verifySignInCode } from "~/domain/accounts/second-factor.server";
import { t } from "~/i18n";
import { clientAddress } from "~/http/auth.server";
import { invalidForm } from "~/http/outcome.server";
import { pendingSignInExpired, readPendingSignIn, secondStepAnswer } from "~/http/second-factor.server";
import { getUser } from "~/http/session.server";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { readFormData } from "~/utils/request-form.server";
import { safeRedirect } from "~/validation/auth";
import { recoveryCodeSchema, signInCodeSchema, type SignInCodeInput } from "~/validation/second-factor";
import type { z } from "~/validation/zod";

const loadSignInCodeSchema = () => import("~/validation/second-factor").then((m) => m.signInCodeSchema);
const loadRecoveryCodeSchema = () => import("~/validation/second-factor").then((m) => m.recoveryCodeSchema);

export const meta: MetaFunction = () => [{ title: `${t("secondFactor.login.title")} · ${t("app.name")}` }];

// /login/code: the sign-in's second step (docs/decisions/024). Reached only with the signed
// cookie the password step sets (5 minutes); the code from the authenticator app, or a recovery
// code, starts the session. POST intent=code (the default) | recovery.
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  const pending = await readPendingSignIn(request);
  if (!pending) throw await pendingSignInExpired(redirectTo);
  return { name: pending.name };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const pending = await readPendingSignIn(request);
  if (!pending) return pendingSignInExpired(redirectTo);
  const form = await readFormData(request);
  const address = clientAddress(request, context as { clientAddress?: string });
  if (form.get("intent") === "recovery") {
    const parsed = parseForm(recoveryCodeSchema, form);
    if (!parsed.success) return invalidForm({ ...parsed, values: {} }, { intent: "recoveryCode" as const });
    const result = await signInWithRecoveryCode({ userId: pending.userId, recoveryCode: parsed.data.recoveryCode, clientAddress: address });
    return secondStepAnswer(request, result, "recoveryCode", redirectTo);
  }
  const parsed = parseForm(signInCodeSchema, form);
  if (!parsed.success) return invalidForm({ ...parsed, values: {} }, { intent: "code" as const });
  const result = await verifySignInCode({ userId: pending.userId, code: parsed.data.code, clientAddress: address });
  return secondStepAnswer(request, result, "code", redirectTo);
}

type RecoveryInput = z.input<typeof recoveryCodeSchema>;

export default function SignInCodePage() {
  const { name } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const redirectTo = searchParams.get("redirectTo");
  const formAction = redirectTo ? `/login/code?redirectTo=${encodeURIComponent(redirectTo)}` : "/login/code";
  const codeData = actionData?.intent === "code" ? actionData : undefined;
  const recoveryData = actionData?.intent === "recoveryCode" ? actionData : undefined;

  const codeForm = useForm<SignInCodeInput, unknown, z.output<typeof signInCodeSchema>>({
    resolver: useLazyZodResolver(loadSignInCodeSchema),
    defaultValues: { code: "" },
  });
  useServerFieldErrors(codeData?.fieldErrors, codeForm.setError);
  const onCode = useValidatedSubmit(codeForm.handleSubmit, formAction);

  const recoveryForm = useForm<RecoveryInput, unknown, z.output<typeof recoveryCodeSchema>>({
    resolver: useLazyZodResolver(loadRecoveryCodeSchema),
    defaultValues: { recoveryCode: "" },
  });
  useServerFieldErrors(recoveryData?.fieldErrors, recoveryForm.setError);
  const onRecovery = useValidatedSubmit(recoveryForm.handleSubmit, formAction);

  return (
    <section className="login">
      <h1>{t("secondFactor.login.title")}</h1>
      <p>{t("secondFactor.login.intro")}</p>
      <p className="muted">{name}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" action={formAction} noValidate onSubmit={onCode}>
        <input type="hidden" name="intent" value="code" />
        <FormField
          label={t("secondFactor.login.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          autoFocus
          error={codeForm.formState.errors.code?.message}
          {...codeForm.register("code")}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {t("secondFactor.login.submit")}
        </button>
      </Form>
      <details open={recoveryData !== undefined}>
        <summary>{t("secondFactor.login.recoveryToggle")}</summary>
        <p className="muted">{t("secondFactor.login.recoveryIntro")}</p>
        <Form method="post" action={formAction} noValidate onSubmit={onRecovery}>
          <input type="hidden" name="intent" value="recovery" />
          <FormField
            label={t("secondFactor.login.recoveryCode")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={recoveryForm.formState.errors.recoveryCode?.message}
            {...recoveryForm.register("recoveryCode")}
          />
          <button type="submit" className="button button--block" disabled={busy}>
            {t("secondFactor.login.recoverySubmit")}
          </button>
        </Form>
      </details>
      <p>
        <Link to="/login">{t("secondFactor.login.cancel")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
