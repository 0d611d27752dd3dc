import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForm";
import { programmeEditForm, updateProgramme } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { formValues } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { toDateInput } from "~/validation/fields";
import { parseProgrammeSubmission } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.form.edit")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const { programme, choices } = unwrap(await programmeEditForm(actor, params.id ?? ""));
  const defaults: Record<string, string> = {
    name: programme.name,
    goal: programme.goal,
    startDate: toDateInput(programme.startDate),
    endDate: toDateInput(programme.endDate),
    budget: String(programme.budget),
    fundingSource: programme.fundingSource,
    coordinatorId: programme.coordinatorId,
  };
  programme.partners.forEach((p, n) => {
    Object.assign(defaults, {
      [`partner.${n}.partnerId`]: p.partnerId,
      [`partner.${n}.committed`]: String(p.committed),
      [`partner.${n}.agreementId`]: p.agreementId ?? "",
    });
  });
  for (const x of programme.targets) defaults[`target:${x.categoryId}`] = String(x.target);
  return {
    id: programme.id,
    name: programme.name,
    defaults,
    selected: { villages: programme.villages.map((v) => v.villageCode), volunteers: programme.volunteers.map((v) => v.member.id) },
    choices,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const form = await readFormData(request);
  const values = formValues(form);
  const selected = { villages: form.getAll("villages").map(String), volunteers: form.getAll("volunteers").map(String) };
  const parsed = parseProgrammeSubmission(form);
  if (!parsed.ok) return invalidForm({ fieldErrors: parsed.fieldErrors, values }, { selected });
  const result = await updateProgramme(actor, params.id ?? "", parsed);
  if (!result.ok) return formRefusal(result, { values, selected });
  return redirectWithToast(`/programmes/${result.id}`, "success", "programmes.form.updated", { name: parsed.data.name });
}

export default function EditProgrammePage() {
  const { name, defaults, selected, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("programmes.form.edit")} intro={name} />
      <ProgrammeForm
        defaults={actionData?.values ?? defaults}
        selected={actionData?.selected ?? selected}
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
