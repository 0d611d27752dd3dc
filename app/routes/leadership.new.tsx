import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PeriodForm } from "~/components/leadership/PeriodForm";
import { createPeriod } from "~/domain/leadership/leadership.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { periodFormSchema } from "~/validation/leadership";

export const meta: MetaFunction = () => [{ title: `${t("leadership.new.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:leadership:chapter");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:leadership:chapter");
  const parsed = parseForm(periodFormSchema, await readFormData(request));
  if (!parsed.success) return data(parsed, { status: 400 });
  const result = await createPeriod({ chapterId: user.chapter.id, actorId: user.id, data: parsed.data });
  if (!result.ok) return data({ fieldErrors: "fieldErrors" in result ? result.fieldErrors : {}, values: parsed.values }, { status: 400 });
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
