import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PeriodForm } from "~/components/leadership/PeriodForm";
import { getPeriod, updatePeriod } from "~/domain/leadership/periods.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { toDateInput } from "~/validation/fields";
import { periodFormSchema } from "~/validation/leadership";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("leadership.edit.title", { name: data?.period.name ?? "" })} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const { period } = unwrap(await getPeriod(actor, params.id ?? ""));
  return {
    period: { id: period.id, name: period.name },
    defaults: {
      name: period.name,
      startDate: toDateInput(period.startDate),
      endDate: toDateInput(period.endDate),
      skNumber: period.skNumber ?? "",
      skDate: toDateInput(period.skDate),
      skIssuer: period.skIssuer ?? "",
      installationDate: toDateInput(period.installationDate),
      installationPlace: period.installationPlace ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const parsed = parseForm(periodFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await updatePeriod(actor, params.id ?? "", parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast(`/leadership/${result.id}`, "success", "leadership.edit.done", { name: parsed.data.name });
}

export default function EditPeriodPage() {
  const { period, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("leadership.edit.title", { name: period.name })} />
      <PeriodForm
        defaults={actionData?.values ?? defaults}
        fieldErrors={actionData?.fieldErrors}
        submitLabel={t("leadership.edit.submit")}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
