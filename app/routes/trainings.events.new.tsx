import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SelectField } from "~/components/SelectField";
import { createEvent, newEventForm } from "~/domain/trainings/events.server";
import { t } from "~/i18n";
import { courseKindLabel } from "~/i18n/labels";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { eventFormSchema, type EventFormData, type EventFormInput } from "~/validation/trainings";

const loadEventFormSchema = () => import("~/validation/trainings").then((m) => m.eventFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("trainings.event.new")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const { courses, chapterName } = unwrap(await newEventForm(actor));
  return { courses, chapterName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const parsed = parseForm(eventFormSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await createEvent(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast(`/trainings/events/${result.id}`, "success", "trainings.event.created");
}

export default function NewEventPage() {
  const { courses, chapterName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState } = useForm<EventFormInput, unknown, EventFormData>({
    resolver: useLazyZodResolver(loadEventFormSchema),
    defaultValues: actionData?.values ?? { organiser: chapterName },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <>
      <PageHeader title={t("trainings.event.new")} />
      <Form method="post" noValidate className="form-grid" onSubmit={onSubmit}>
        <SelectField label={t("trainings.field.course")} error={errors.courseId?.message} {...register("courseId")}>
          <option value="">{t("trainings.field.courseChoose")}</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({courseKindLabel(c.kind)}, {c.hours} jam)
            </option>
          ))}
        </SelectField>
        <FormField label={t("trainings.field.startDate")} type="date" error={errors.startDate?.message} {...register("startDate")} />
        <FormField label={t("trainings.field.endDate")} type="date" error={errors.endDate?.message} {...register("endDate")} />
        <FormField label={t("trainings.field.place")} error={errors.place?.message} {...register("place")} />
        <FormField label={t("trainings.field.eventOrganiser")} error={errors.organiser?.message} {...register("organiser")} />
        <FormField label={t("trainings.field.trainers")} error={errors.trainers?.message} {...register("trainers")} />
        <FormField label={t("trainings.field.capacity")} inputMode="numeric" error={errors.capacity?.message} {...register("capacity")} />
        <FormField label={t("trainings.field.eventHours")} inputMode="decimal" error={errors.hours?.message} {...register("hours")} />
        <div>
          <button type="submit" className="button button--primary">
            {t("trainings.event.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
