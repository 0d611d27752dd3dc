import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ApplicationForm } from "~/components/applications/ApplicationForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { applicationForm, submitApplication } from "~/domain/members/applications.server";
import { t } from "~/i18n";
import { clientAddress } from "~/http/auth.server";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { readFormData } from "~/utils/request-form.server";
import { applicationSchema } from "~/validation/applications";

export const meta: MetaFunction = () => [{ title: `${t("apply.title")} · ${t("app.name")}` }];

// /apply/:code (public): "Daftar menjadi PSM" for one chapter; the application waits in the
// board's queue (/members/applications). Rate-limited per address.
export async function loader({ params }: LoaderFunctionArgs) {
  return unwrap(await applicationForm(params.code ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(applicationSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const address = clientAddress(request, context as { clientAddress?: string });
  const result = await submitApplication(params.code ?? "", parsed.data, address);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return {
    done: result.chapterName,
    fieldErrors: {} as Record<string, string>,
    values: {} as Record<string, string>,
    formError: undefined,
  };
}

export default function ApplyPage() {
  const { chapter, villages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "done" in actionData) {
    return (
      <div className="login">
        <PageHeader title={t("apply.done.title")} />
        <p className="notice" role="status" data-testid="apply-done">
          {t("apply.done", { chapter: actionData.done })}
        </p>
      </div>
    );
  }
  return (
    <div className="apply">
      <PageHeader title={t("apply.title")} intro={t("apply.intro", { chapter: chapter.name })} />
      <ApplicationForm
        villages={villages}
        defaults={actionData?.values ?? {}}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
