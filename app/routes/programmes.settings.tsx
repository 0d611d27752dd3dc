import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getFinanceSettings, updateFinanceSettings } from "~/domain/programmes/money.server";
import { t } from "~/i18n";
import { formatRupiah } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { invalidForm, unwrap } from "~/utils/outcome.server";
import { requireActor } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
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
      <Form method="post" noValidate className="card">
        <FormField
          label={t("programmes.settings.threshold")}
          name="financeApprovalThreshold"
          inputMode="numeric"
          defaultValue={actionData?.values.financeApprovalThreshold ?? String(settings.financeApprovalThreshold)}
          error={actionData?.fieldErrors.financeApprovalThreshold}
        />
        <p className="muted">{t("programmes.settings.thresholdHelp", { amount: formatRupiah(settings.financeApprovalThreshold) })}</p>
        <button type="submit" className="button button--primary">
          {t("programmes.settings.save")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
