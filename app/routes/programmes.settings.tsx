import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { FinanceSettingsForm } from "~/components/programmes/FinanceSettingsForm";
import { getFinanceSettings, updateFinanceSettings } from "~/domain/programmes/money.server";
import { t } from "~/i18n";
import { formatRupiah } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { financeSettingsSchema } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.settings.title")} · ${t("app.name")}` }];

// /programmes/settings: the amount above which money entries wait for the Ketua (Ketua only).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "approve:programme-finance:chapter");
  const { settings } = unwrap(await getFinanceSettings(actor));
  return { settings };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "approve:programme-finance:chapter");
  const parsed = parseForm(financeSettingsSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  unwrap(await updateFinanceSettings(actor, parsed.data.financeApprovalThreshold));
  return redirectWithToast("/programmes/settings", "success", "programmes.settings.saved", {
    amount: formatRupiah(parsed.data.financeApprovalThreshold),
  });
}

export default function FinanceSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("programmes.settings.title")} intro={t("programmes.settings.intro")} />
      <FinanceSettingsForm
        threshold={settings.financeApprovalThreshold}
        defaults={actionData?.values ?? { financeApprovalThreshold: String(settings.financeApprovalThreshold) }}
        fieldErrors={actionData?.fieldErrors}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
