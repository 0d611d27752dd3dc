import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForm";
import { createProgramme, programmeActorOf, programmeFormChoices } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formValues } from "~/utils/forms";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { toDateInput } from "~/validation/fields";
import { parseProgrammeSubmission } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.form.new")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:programme:chapter");
  const choices = await programmeFormChoices(user.chapter.id, user.chapter.timeZone);
  return {
    choices,
    defaults: { startDate: toDateInput(calendarToday(user.chapter.timeZone)), fundingSource: "csr" } as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:programme:chapter");
  const form = await readFormData(request);
  const keep = {
    values: formValues(form),
    selected: { villages: form.getAll("villages").map(String), volunteers: form.getAll("volunteers").map(String) },
  };
  const parsed = parseProgrammeSubmission(form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, ...keep }, { status: 400 });
  const result = await createProgramme(programmeActorOf(user), parsed);
  if (!result.ok) return data({ fieldErrors: result.fieldErrors as Record<string, string>, ...keep }, { status: 400 });
  return redirectWithToast(`/programmes/${result.id}`, "success", "programmes.form.created", { name: parsed.data.name });
}

export default function NewProgrammePage() {
  const { choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("programmes.form.new")} intro={t("programmes.form.intro")} />
      <ProgrammeForm
        defaults={actionData?.values ?? defaults}
        selected={actionData?.selected ?? { villages: [], volunteers: [] }}
        fieldErrors={actionData?.fieldErrors}
        choices={choices}
        submitLabel={t("programmes.form.save")}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
