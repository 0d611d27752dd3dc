import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ExternalTrainingForm } from "~/components/trainings/ExternalTrainingForm";
import { TrainingRecordView } from "~/components/trainings/TrainingRecordView";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import { addExternalTraining, confirmCompetency, listCompetencies, memberTrainingRecord } from "~/domain/trainings/trainings.server";
import { t } from "~/i18n";
import { levelLabel } from "~/i18n/labels";
import { formValues, parseForm } from "~/utils/forms";
import { hasPermission } from "~/utils/permissions";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { COMPETENCY_LEVELS, externalTrainingSchema, memberCompetencySchema } from "~/validation/trainings";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("trainings.member.title", { name: data?.record.member.fullName ?? "" })} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:training:chapter");
  const record = await memberTrainingRecord(user.chapter.id, params.id ?? "", user.chapter.timeZone);
  if (!record) notFound();
  const canManage = hasPermission(user.permissions, "update:training:chapter");
  return { record, canManage, competencies: canManage ? await listCompetencies(user.chapter.id) : [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:training:chapter");
  const memberId = params.id ?? "";
  const back = `/members/${memberId}/trainings`;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig")
    return data(
      { form: "external" as const, fieldErrors: { file: t("trainings.file.error.size") } as Record<string, string>, values: {} },
      { status: 400 },
    );
  const scope = { chapterId: user.chapter.id, actorId: user.id, memberId };

  if (form.get("intent") === "competency") {
    const parsed = parseForm(memberCompetencySchema, form);
    if (!parsed.success)
      return data({ form: "competency" as const, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const result = await confirmCompetency({ ...scope, ...parsed.data, timeZone: user.chapter.timeZone });
    if (!result.ok) {
      if ("notFound" in result) notFound();
      return data(
        { form: "competency" as const, fieldErrors: result.fieldErrors as Record<string, string>, values: parsed.values },
        { status: 400 },
      );
    }
    return redirectWithToast(back, "success", "trainings.member.confirmed", { competency: result.competency, name: result.memberName });
  }

  const parsed = parseForm(externalTrainingSchema, form);
  if (!parsed.success) return data({ form: "external" as const, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await addExternalTraining({ ...scope, data: parsed.data, file: await fileField(form, "file") });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return data({ form: "external" as const, fieldErrors: result.fieldErrors, values: formValues(form) }, { status: 400 });
  }
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
            <ExternalTrainingForm key={external ? "failed" : "fresh"} fieldErrors={external?.fieldErrors} values={external?.values} />
          </section>
          <section className="card">
            <h2>{t("trainings.member.confirm")}</h2>
            <Form method="post" encType="multipart/form-data" className="inline-form" aria-label={t("trainings.member.confirm")}>
              <input type="hidden" name="intent" value="competency" />
              <label>
                {t("trainings.field.competency")}
                <select name="competencyId" defaultValue={competency?.values.competencyId ?? ""} required>
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
                <select name="level" defaultValue={competency?.values.level ?? "dasar"}>
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
            {competency?.fieldErrors.competencyId ? (
              <p className="field__error" role="alert">
                {competency.fieldErrors.competencyId}
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
