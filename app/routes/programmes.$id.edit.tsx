import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ProgrammeForm } from "~/components/programmes/ProgrammeForm";
import { getProgramme, programmeActorOf, programmeFormChoices, updateProgramme } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { formValues } from "~/utils/forms";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { toDateInput } from "~/validation/fields";
import { parseProgrammeSubmission } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.form.edit")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:programme:chapter");
  const programme = await getProgramme(programmeActorOf(user), params.id ?? "");
  if (!programme) notFound();
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
    choices: await programmeFormChoices(user.chapter.id, user.chapter.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:programme:chapter");
  const form = await readFormData(request);
  const keep = {
    values: formValues(form),
    selected: { villages: form.getAll("villages").map(String), volunteers: form.getAll("volunteers").map(String) },
  };
  const parsed = parseProgrammeSubmission(form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, ...keep }, { status: 400 });
  const result = await updateProgramme(programmeActorOf(user), params.id ?? "", parsed);
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return data({ fieldErrors: result.fieldErrors as Record<string, string>, ...keep }, { status: 400 });
  }
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
