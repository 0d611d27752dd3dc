import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SetupForm } from "~/components/setup/SetupForm";
import { completeSetup, isInstalled } from "~/domain/setup/setup.server";
import { notFound } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, refusalResponse } from "~/http/outcome.server";
import { readFormData } from "~/utils/request-form.server";
import { startUserSession } from "~/http/session.server";
import { setupFormSchema } from "~/validation/setup";

export const meta: MetaFunction = () => [{ title: `${t("setup.title")} · ${t("app.name")}` }];

// /setup: the first run (docs/decisions/019). Until the portal is set up every page leads here
// (root.tsx); afterwards this page answers 404 forever.
export async function loader(_: LoaderFunctionArgs) {
  if (await isInstalled()) throw refusalResponse(notFound());
  return null;
}

/** What the page may show again after a refusal: never the passwords, never the code. */
function keptValues(values: Record<string, string>) {
  const { password: _p, confirm: _c, setupCode: _s, ...rest } = values;
  return rest;
}

export async function action({ request }: ActionFunctionArgs) {
  if (await isInstalled()) throw refusalResponse(notFound());
  const parsed = parseForm(setupFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm({ ...parsed, values: keptValues(parsed.values) });
  const result = await completeSetup(parsed.data);
  if (!result.ok) return formRefusal(result, { values: keptValues(parsed.values) });
  return startUserSession(request, result.userId, "/", parsed.data.adminName);
}

export default function SetupPage() {
  const actionData = useActionData<typeof action>();
  return (
    <div className="setup">
      <PageHeader title={t("setup.title")} intro={t("setup.intro")} />
      <SetupForm defaults={actionData?.values ?? {}} fieldErrors={actionData?.fieldErrors} formError={actionData?.formError} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
