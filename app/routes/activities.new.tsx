import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { ActivityForm } from "~/components/activities/ActivityForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { activityFormChoices, logActivity } from "~/domain/activities/activities.server";
import { ACTIVITY_PHOTO_MAX_BYTES, preparePhotos } from "~/domain/activities/photos.server";
import { chosenCoVolunteers, type CoVolunteer } from "~/domain/activities/co-volunteers.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formValues } from "~/utils/forms";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileFields, readMultipart } from "~/utils/uploads.server";
import { parseActivitySubmission } from "~/validation/activities";
import { toDateInput } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("activities.form.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  const choices = await activityFormChoices(actor);
  return {
    ...choices,
    // A fresh key per form: sending the same form twice saves one activity.
    defaults: {
      idempotencyKey: randomUUID(),
      date: toDateInput(calendarToday(actor.timeZone)),
      villageCode: choices.ownVillageCode ?? "",
      // "Catat kegiatan program" on a programme's page opens the form with it chosen
      programmeId: choices.programmes.find((p) => p.id === new URL(request.url).searchParams.get("program"))?.id ?? "",
    } as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  const form = await readMultipart(request, 2 * ACTIVITY_PHOTO_MAX_BYTES);
  // too large to read: the form comes back as it was shown (nothing typed can be kept)
  if (form === "tooBig")
    return invalidForm(
      { fieldErrors: { photos: t("activities.photos.error.size") }, values: {} },
      { coVolunteers: [] as CoVolunteer[], typed: false },
    );
  const coVolunteers = await chosenCoVolunteers(actor, form.getAll("coVolunteers").map(String));
  const keep = { values: formValues(form), coVolunteers, typed: true };
  const parsed = parseActivitySubmission(form);
  const photos = await preparePhotos(await fileFields(form, "photos"));
  if (!parsed.ok || !photos.ok) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(photos.ok ? {} : photos.fieldErrors) };
    return invalidForm({ fieldErrors, values: keep.values }, keep);
  }
  // The activity and its photos are saved together (a repeated form keeps the first's photos).
  const result = await logActivity(actor, { ...parsed, photos: photos.jpegs });
  if (!result.ok) return formRefusal(result, keep);
  return redirectWithToast(`/activities/${result.id}`, "success", parsed.submit ? "activities.form.sent" : "activities.form.saved");
}

export default function NewActivityPage() {
  const { defaults, types, categories, villages, recentVolunteers, followUps, programmes, keepCaseIdentifiers } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("activities.form.title")} />
      <ActivityForm
        defaults={actionData?.typed ? actionData.values : defaults}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        types={types}
        categories={categories}
        villages={villages}
        recentVolunteers={recentVolunteers}
        chosenVolunteers={actionData?.typed ? actionData.coVolunteers : []}
        followUps={followUps}
        programmes={programmes}
        keepCaseIdentifiers={keepCaseIdentifiers}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
