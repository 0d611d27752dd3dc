import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { t } from "~/i18n";
import { useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyForm } from "~/utils/lazy-form";
import { clientAddress, createAuthenticator, LoginError, loginRefused } from "~/http/auth.server";
import { readFormData } from "~/utils/request-form.server";
import { signInAfterPassword } from "~/http/second-factor.server";
import { getUser } from "~/http/session.server";
import { safeRedirect } from "~/validation/auth";

// The schema (and zod) are loaded after the first paint: the login page is the first page a
// volunteer opens on a cheap phone (docs/decisions/028).
const loadSchema = () => import("~/validation/auth").then((m) => m.loginSchema);

export const meta: MetaFunction = () => [{ title: `${t("login.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Anyone may see the login page; a signed-in user goes straight on.
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The form strategy reads the body itself: take redirectTo from the URL, not the form.
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const authenticator = createAuthenticator(clientAddress(request, context as { clientAddress?: string }));
  let user: { userId: string; name: string };
  // a body that is not a form (text/plain, none at all) is refused with a 400 before the strategy reads it
  await readFormData(request.clone());
  try {
    user = await authenticator.authenticate("form", request);
  } catch (error) {
    if (!(error instanceof LoginError)) throw error;
    return loginRefused(error);
  }
  // with a second factor, the code step comes before the session (docs/decisions/024)
  return signInAfterPassword(request, user, redirectTo);
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction?.startsWith("/login") === true;
  const { register, handleSubmit, setError, formState } = useLazyForm({
    schema: loadSchema,
    defaultValues: { email: actionData?.email ?? "", password: "" },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const errors = formState.errors as Record<string, { message?: string } | undefined>;

  const redirectTo = searchParams.get("redirectTo");
  const formAction = redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login";
  const onSubmit = useValidatedSubmit(handleSubmit, formAction);

  return (
    <section className="login">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" action={formAction} noValidate onSubmit={onSubmit}>
        <FormField
          label={t("login.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          error={errors.email?.message}
          {...register("email")}
        />
        <FormField
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register("password")}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("forgot.link")}</Link>
      </p>
      <p>
        <Link to="/apply">{t("apply.title")}</Link> · <Link to="/privacy">{t("privacy.title")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
