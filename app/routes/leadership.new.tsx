import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PeriodForm } from "~/components/leadership/PeriodForm";
import { createPeriod } from "~/domain/leadership/periods.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { periodFormSchema } from "~/validation/leadership";

export const meta: MetaFunction = () => [{ title: `${t("leadership.new.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "update:leadership:chapter");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const parsed = parseForm(periodFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await createPeriod(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast(`/leadership/${result.id}`, "success", "leadership.new.done", { name: parsed.data.name });
}

export default function NewPeriodPage() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("leadership.new.title")} intro={t("leadership.new.intro")} />
      <PeriodForm defaults={actionData?.values ?? {}} fieldErrors={actionData?.fieldErrors} submitLabel={t("leadership.new.submit")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
