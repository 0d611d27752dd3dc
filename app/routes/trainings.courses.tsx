import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SelectField } from "~/components/SelectField";
import { createCourse, listCompetencies, listCourses } from "~/domain/trainings/courses.server";
import { trainingRights } from "~/domain/trainings/shared.server";
import { t } from "~/i18n";
import { courseKindLabel, levelLabel, organiserLabel } from "~/i18n/labels";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { courseFormSchema, parseCourseCompetencies, type CourseFormData, type CourseFormInput } from "~/validation/trainings";
import { COMPETENCY_LEVELS, COURSE_KINDS, ORGANISERS } from "~/validation/training-values";

const loadCourseFormSchema = () => import("~/validation/trainings").then((m) => m.courseFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("trainings.course.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const { canManage } = trainingRights(actor);
  const [courses, competencies] = await Promise.all([listCourses(actor), canManage ? listCompetencies(actor) : []]);
  return { courses, competencies, canManage };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const formData = await readFormData(request);
  const parsed = parseForm(courseFormSchema, formData);
  if (!parsed.success) return invalidForm(parsed);
  const chosen = parseCourseCompetencies(formData);
  if (Object.keys(chosen.fieldErrors).length) return invalidForm({ fieldErrors: chosen.fieldErrors, values: parsed.values });
  const result = await createCourse(actor, { data: parsed.data, competencies: chosen.entries });
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/trainings/courses", "success", "trainings.course.added", { name: parsed.data.name });
}

function CourseForm({ competencies }: { competencies: { id: string; name: string }[] }) {
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState, watch } = useForm<CourseFormInput, unknown, CourseFormData>({
    resolver: useLazyZodResolver(loadCourseFormSchema),
    defaultValues: actionData?.values ?? { kind: "bimtek_teknis", organiser: "ipsm" },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const issues = watch("issuesCertificate");
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("trainings.course.add")}>
      <FormField label={t("trainings.field.name")} error={errors.name?.message} {...register("name")} />
      <SelectField label={t("trainings.field.kind")} error={errors.kind?.message} {...register("kind")}>
        {COURSE_KINDS.map((k) => (
          <option key={k} value={k}>
            {courseKindLabel(k)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("trainings.field.organiser")} error={errors.organiser?.message} {...register("organiser")}>
        {ORGANISERS.map((o) => (
          <option key={o} value={o}>
            {organiserLabel(o)}
          </option>
        ))}
      </SelectField>
      <FormField label={t("trainings.field.hours")} inputMode="numeric" error={errors.hours?.message} {...register("hours")} />
      <label className="checkbox">
        <input type="checkbox" value="on" {...register("issuesCertificate")} /> {t("trainings.field.issuesCertificate")}
      </label>
      {issues ? (
        <FormField
          label={t("trainings.field.validityYears")}
          inputMode="numeric"
          error={errors.certificateValidityYears?.message}
          {...register("certificateValidityYears")}
        />
      ) : null}
      <FormField label={t("trainings.field.description")} error={errors.description?.message} {...register("description")} />
      <fieldset>
        <legend>{t("trainings.field.competencies")}</legend>
        {actionData?.fieldErrors?.competencies ? (
          <p className="field__error" role="alert">
            {actionData.fieldErrors.competencies}
          </p>
        ) : null}
        {competencies.map((c) => (
          <div key={c.id} className="inline-form">
            <label className="checkbox">
              <input type="checkbox" name="competency" value={c.id} /> {c.name}
            </label>
            <select name={`level.${c.id}`} aria-label={`${t("trainings.field.level")} ${c.name}`} defaultValue="dasar">
              {COMPETENCY_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button button--primary">
          {t("trainings.course.submit")}
        </button>
      </div>
    </Form>
  );
}

export default function CoursesPage() {
  const { courses, competencies, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("trainings.course.title")} intro={t("trainings.course.intro")} />
      <section className="card">
        <div className="table-wrap">
          <table className="table table--cards" data-testid="courses">
            <thead>
              <tr>
                <th>{t("trainings.column.course")}</th>
                <th>{t("trainings.column.kind")}</th>
                <th>{t("trainings.column.organiser")}</th>
                <th>{t("trainings.column.hours")}</th>
                <th>{t("trainings.column.certificate")}</th>
                <th>{t("trainings.column.competencies")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <CardCell label={t("trainings.column.course")}>
                    {c.name}
                    {c.chapterId ? null : <small className="muted"> ({t("trainings.national")})</small>}
                  </CardCell>
                  <CardCell label={t("trainings.column.kind")}>{courseKindLabel(c.kind)}</CardCell>
                  <CardCell label={t("trainings.column.organiser")}>{organiserLabel(c.organiser)}</CardCell>
                  <CardCell label={t("trainings.column.hours")}>{c.hours}</CardCell>
                  <CardCell label={t("trainings.column.certificate")}>
                    {c.issuesCertificate
                      ? c.certificateValidityYears
                        ? t("trainings.years", { years: c.certificateValidityYears })
                        : t("trainings.noExpiry")
                      : t("trainings.noCertificate")}
                  </CardCell>
                  <CardCell label={t("trainings.column.competencies")}>
                    {c.competencies.map((cc) => `${cc.competency.name} (${levelLabel(cc.level)})`).join(", ") || "–"}
                  </CardCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {canManage ? (
        <section className="card">
          <h2>{t("trainings.course.add")}</h2>
          <CourseForm competencies={competencies} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
