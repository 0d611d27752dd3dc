import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ExternalTrainingForm } from "~/components/trainings/ExternalTrainingForm";
import { TrainingRecordView } from "~/components/trainings/TrainingRecordView";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import { addExternalTraining } from "~/domain/trainings/certificates.server";
import { confirmCompetency } from "~/domain/trainings/competencies.server";
import { listCompetencies } from "~/domain/trainings/courses.server";
import { memberTrainingRecord } from "~/domain/trainings/record.server";
import { trainingRights } from "~/domain/trainings/shared.server";
import { t } from "~/i18n";
import { levelLabel } from "~/i18n/labels";
import { formValues, parseForm, useServerFieldErrors, useValidatedSubmit, type FormValues } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import {
  externalTrainingSchema,
  memberCompetencySchema,
  type MemberCompetencyData,
  type MemberCompetencyInput,
} from "~/validation/trainings";
import { COMPETENCY_LEVELS } from "~/validation/training-values";

const loadMemberCompetencySchema = () => import("~/validation/trainings").then((m) => m.memberCompetencySchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("trainings.member.title", { name: data?.record.member.fullName ?? "" })} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const { record } = unwrap(await memberTrainingRecord(actor, params.id ?? ""));
  const { canManage } = trainingRights(actor);
  return { record, canManage, competencies: canManage ? await listCompetencies(actor) : [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}/trainings`;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig")
    return invalidForm({ fieldErrors: { file: t("trainings.file.error.size") }, values: {} }, { form: "external" as const });

  if (form.get("intent") === "competency") {
    const parsed = parseForm(memberCompetencySchema, form);
    if (!parsed.success) return invalidForm(parsed, { form: "competency" as const });
    const result = await confirmCompetency(actor, memberId, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, form: "competency" as const });
    return redirectWithToast(back, "success", "trainings.member.confirmed", { competency: result.competency, name: result.memberName });
  }

  const parsed = parseForm(externalTrainingSchema, form);
  if (!parsed.success) return invalidForm(parsed, { form: "external" as const });
  const result = await addExternalTraining(actor, memberId, { data: parsed.data, file: await fileField(form, "file") });
  if (!result.ok) return formRefusal(result, { values: formValues(form), form: "external" as const });
  return redirectWithToast(back, "success", "trainings.member.externalSaved", { title: parsed.data.title, name: result.memberName });
}

export default function MemberTrainingsPage() {
  const { record, canManage, competencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const external = actionData?.form === "external" ? actionData : undefined;
  const competency = actionData?.form === "competency" ? actionData : undefined;
  return (
    <>
      <PageHeader
        title={t("trainings.member.title", { name: record.member.fullName })}
        intro={record.member.memberNumber ?? undefined}
        actions={
          <>
            <Link className="button" to={`/members/${record.member.id}`}>
              {record.member.fullName}
            </Link>
            <a className="button" href={`/trainings/record.pdf?member=${record.member.id}`}>
              {t("trainings.me.pdf")}
            </a>
          </>
        }
      />
      <TrainingRecordView record={record} />
      {canManage ? (
        <>
          <section className="card">
            <h2>{t("trainings.member.external")}</h2>
            <p className="muted">{t("trainings.member.externalIntro")}</p>
            <ExternalTrainingForm
              key={external ? "failed" : "fresh"}
              fieldErrors={external?.fieldErrors}
              formError={external?.formError}
              values={external?.values}
            />
          </section>
          <section className="card">
            <h2>{t("trainings.member.confirm")}</h2>
            <ConfirmCompetencyForm competencies={competencies} fieldErrors={competency?.fieldErrors} values={competency?.values} />
          </section>
        </>
      ) : null}
    </>
  );
}

/** The board confirms a member's competency at a level; checked in the browser with the server's schema. */
function ConfirmCompetencyForm({
  competencies,
  fieldErrors,
  values,
}: {
  competencies: { id: string; name: string }[];
  fieldErrors?: Record<string, string>;
  values?: FormValues;
}) {
  const { register, handleSubmit, setError, formState } = useForm<MemberCompetencyInput, unknown, MemberCompetencyData>({
    resolver: useLazyZodResolver(loadMemberCompetencySchema),
    defaultValues: values ?? { competencyId: "", level: "dasar" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <>
      <Form
        method="post"
        encType="multipart/form-data"
        noValidate
        className="inline-form"
        aria-label={t("trainings.member.confirm")}
        onSubmit={onSubmit}
      >
        <input type="hidden" name="intent" value="competency" />
        <label>
          {t("trainings.field.competency")}
          <select aria-invalid={errors.competencyId ? true : undefined} {...register("competencyId")}>
            <option value="">{t("trainings.field.competencyChoose")}</option>
            {competencies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("trainings.field.level")}
          <select aria-invalid={errors.level ? true : undefined} {...register("level")}>
            {COMPETENCY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("trainings.member.confirmSubmit")}
        </button>
      </Form>
      {errors.competencyId?.message || errors.level?.message ? (
        <p className="field__error" role="alert">
          {errors.competencyId?.message ?? errors.level?.message}
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
