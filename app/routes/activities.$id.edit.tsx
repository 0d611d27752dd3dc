import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm, reachKey } from "~/components/activities/ActivityForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { activityForEdit, activityFormChoices, updateActivity } from "~/domain/activities/activities.server";
import { ACTIVITY_PHOTO_MAX_BYTES, preparePhotos } from "~/domain/activities/photos.server";
import { chosenCoVolunteers, type CoVolunteer } from "~/domain/activities/co-volunteers.server";
import { t } from "~/i18n";
import { formValues } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileFields, readMultipart } from "~/utils/uploads.server";
import { parseActivitySubmission } from "~/validation/activities";
import { toDateInput } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("activities.form.edit")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  // someone else's activity, or one already sent or verified, is refused (403)
  const { activity } = unwrap(await activityForEdit(actor, params.id ?? ""));
  const choices = await activityFormChoices(actor, activity.id);
  const defaults: Record<string, string> = {
    idempotencyKey: activity.idempotencyKey,
    date: toDateInput(activity.date),
    startTime: activity.startTime ?? "",
    endTime: activity.endTime ?? "",
    durationMinutes: activity.startTime ? "" : String(activity.durationMinutes),
    typeId: activity.typeId,
    villageCode: activity.villageCode,
    rt: activity.rt ?? "",
    rw: activity.rw ?? "",
    households: String(activity.households),
    narrative: activity.narrative ?? "",
    programmeId: activity.programmeId ?? "",
    latitude: activity.latitude === null ? "" : String(activity.latitude),
    longitude: activity.longitude === null ? "" : String(activity.longitude),
  };
  for (const r of activity.reach) {
    const category = choices.categories.find((c) => c.id === r.categoryId);
    if (category) defaults[reachKey(category, r.sex)] = String(r.count);
  }
  const opened = activity.followUpsOpened[0];
  if (opened) Object.assign(defaults, { "followUp.institution": opened.institution, "followUp.description": opened.description });
  const update = activity.followUpUpdates[0];
  if (update)
    Object.assign(defaults, {
      "followUpUpdate.followUpId": update.followUpId,
      "followUpUpdate.status": update.status,
      "followUpUpdate.note": update.note ?? "",
    });
  activity.aid.forEach((aid, n) => {
    Object.assign(defaults, {
      [`aid.${n}.item`]: aid.item,
      [`aid.${n}.quantity`]: String(aid.quantity),
      [`aid.${n}.unit`]: aid.unit ?? "",
      [`aid.${n}.value`]: String(aid.value),
      [`aid.${n}.source`]: aid.source,
    });
  });
  return {
    ...choices,
    id: activity.id,
    defaults,
    chosen: await chosenCoVolunteers(
      actor,
      activity.volunteers.map((v) => v.member.id),
    ),
    returnReason: activity.returnReason,
    storedPhotos: activity.photos.length,
    storedIdentifier: opened?.caseIdentifierMasked ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:activity:own");
  const { activity } = unwrap(await activityForEdit(actor, params.id ?? ""));
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
  const photos = await preparePhotos(await fileFields(form, "photos"), activity.photos.length);
  if (!parsed.ok || !photos.ok) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(photos.ok ? {} : photos.fieldErrors) };
    return invalidForm({ fieldErrors, values: keep.values }, keep);
  }
  const result = await updateActivity(actor, activity.id, { ...parsed, photos: photos.jpegs });
  if (!result.ok) return formRefusal(result, keep);
  return redirectWithToast(`/activities/${result.id}`, "success", parsed.submit ? "activities.form.sent" : "activities.form.saved");
}

export default function EditActivityPage() {
  const {
    defaults,
    types,
    categories,
    villages,
    recentVolunteers,
    chosen,
    returnReason,
    storedPhotos,
    followUps,
    programmes,
    keepCaseIdentifiers,
    storedIdentifier,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("activities.form.edit")} />
      {returnReason ? <p className="notice">{t("activities.detail.returned", { reason: returnReason })}</p> : null}
      <ActivityForm
        defaults={actionData?.typed ? actionData.values : defaults}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        types={types}
        categories={categories}
        villages={villages}
        recentVolunteers={recentVolunteers}
        chosenVolunteers={actionData?.typed ? actionData.coVolunteers : chosen}
        storedPhotos={storedPhotos}
        followUps={followUps}
        programmes={programmes}
        keepCaseIdentifiers={keepCaseIdentifiers}
        storedIdentifier={storedIdentifier}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
