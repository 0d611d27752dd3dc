import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { createCompetency, listCompetencies } from "~/domain/trainings/courses.server";
import { trainingRights } from "~/domain/trainings/shared.server";
import { t } from "~/i18n";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import type { z } from "~/validation/zod";
import { competencyFormSchema, type CompetencyFormInput } from "~/validation/trainings";

const loadCompetencyFormSchema = () => import("~/validation/trainings").then((m) => m.competencyFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("trainings.competency.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  return { competencies: await listCompetencies(actor), canManage: trainingRights(actor).canManage };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const parsed = parseForm(competencyFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await createCompetency(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/trainings/competencies", "success", "trainings.competency.added", { name: parsed.data.name });
}

export default function CompetenciesPage() {
  const { competencies, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState } = useForm<CompetencyFormInput, unknown, z.output<typeof competencyFormSchema>>({
    resolver: useLazyZodResolver(loadCompetencyFormSchema),
    defaultValues: actionData?.values ?? {},
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  return (
    <>
      <PageHeader title={t("trainings.competency.title")} />
      <section className="card">
        <ul className="plain-list" data-testid="competency-list">
          {competencies.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.chapterId ? null : <small className="muted"> ({t("trainings.national")})</small>}
              {c.description ? <div className="muted">{c.description}</div> : null}
            </li>
          ))}
        </ul>
      </section>
      {canManage ? (
        <section className="card">
          <h2>{t("trainings.competency.add")}</h2>
          <Form method="post" noValidate className="form-grid" onSubmit={onSubmit}>
            <FormField label={t("trainings.field.competencyName")} error={formState.errors.name?.message} {...register("name")} />
            <FormField
              label={t("trainings.field.description")}
              error={formState.errors.description?.message}
              {...register("description")}
            />
            <div>
              <button type="submit" className="button button--primary">
                {t("trainings.competency.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
