import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PeriodForm } from "~/components/leadership/PeriodForm";
import { getPeriod, updatePeriod } from "~/domain/leadership/leadership.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { toDateInput } from "~/validation/fields";
import { periodFormSchema } from "~/validation/leadership";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("leadership.edit.title", { name: data?.period.name ?? "" })} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:leadership:chapter");
  const period = await getPeriod(user.chapter.id, params.id ?? "");
  if (!period) notFound();
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
  const user = await requirePermission(request, "update:leadership:chapter");
  const parsed = parseForm(periodFormSchema, await readFormData(request));
  if (!parsed.success) return data(parsed, { status: 400 });
  const result = await updatePeriod({ chapterId: user.chapter.id, actorId: user.id, periodId: params.id ?? "", data: parsed.data });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return data({ fieldErrors: result.fieldErrors, values: parsed.values }, { status: 400 });
  }
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
