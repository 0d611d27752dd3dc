import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForm";
import { createProgramme, programmeFormChoices } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formValues } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { toDateInput } from "~/validation/fields";
import { parseProgrammeSubmission } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.form.new")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const { choices } = unwrap(await programmeFormChoices(actor));
  return {
    choices,
    defaults: { startDate: toDateInput(calendarToday(actor.timeZone)), fundingSource: "csr" } as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const form = await readFormData(request);
  const values = formValues(form);
  const selected = { villages: form.getAll("villages").map(String), volunteers: form.getAll("volunteers").map(String) };
  const parsed = parseProgrammeSubmission(form);
  if (!parsed.ok) return invalidForm({ fieldErrors: parsed.fieldErrors, values }, { selected });
  const result = await createProgramme(actor, parsed);
  if (!result.ok) return formRefusal(result, { values, selected });
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
