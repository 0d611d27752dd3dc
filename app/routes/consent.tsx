import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PrivacyNotice } from "~/components/PrivacyNotice";
import { consentState, recordConsent } from "~/domain/members/privacy.server";
import { t } from "~/i18n";
import { invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { getEnv } from "~/utils/env.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-form.server";
import { safeRedirect } from "~/validation/auth";
import { consentSchema } from "~/validation/privacy";

export const meta: MetaFunction = () => [{ title: `${t("privacy.consent.title")} · ${t("app.name")}` }];

// /consent: a member who has not agreed to the current privacy notice (registered by the board,
// imported, or agreed to an older version) is brought here by the root loader before any other
// page, reads the notice and ticks the box; the date and the notice's version are recorded.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const state = await consentState(actor);
  if (!state.needed) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return { sessionHours: getEnv().SESSION_TTL_HOURS, hadOlder: state.earlierVersion !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = parseForm(consentSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  unwrap(await recordConsent(actor));
  return redirectWithToast(safeRedirect(new URL(request.url).searchParams.get("redirectTo")), "success", "privacy.consent.done");
}

export default function ConsentPage() {
  const { sessionHours, hadOlder } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const error = actionData?.fieldErrors?.agree;
  const query = searchParams.toString();
  return (
    <section className="card">
      <PageHeader title={t("privacy.consent.title")} intro={t("privacy.consent.intro")} />
      {hadOlder ? <p className="notice">{t("privacy.consent.updated")}</p> : null}
      <div className="consent-box" tabIndex={0} aria-label={t("privacy.title")}>
        <PrivacyNotice sessionHours={sessionHours} />
      </div>
      <p>
        <Link to="/privacy" target="_blank" rel="noreferrer">
          {t("privacy.consent.read")}
        </Link>
      </p>
      <Form method="post" action={query ? `/consent?${query}` : "/consent"} noValidate>
        <label className="checkbox">
          <input
            type="checkbox"
            name="agree"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "agree-error" : undefined}
          />
          <span>{t("privacy.consent.check")}</span>
        </label>
        {error ? (
          <p id="agree-error" className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--block">
          {t("privacy.consent.submit")}
        </button>
      </Form>
      <p className="muted">{t("privacy.consent.decline")}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
