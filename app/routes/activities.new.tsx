import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { ActivityForm } from "~/components/activities/ActivityForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { activityFormChoices, actorOf, logActivity } from "~/domain/activities/activities.server";
import { ACTIVITY_PHOTO_MAX_BYTES, preparePhotos } from "~/domain/activities/photos.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formValues } from "~/utils/forms";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { fileFields, readMultipart } from "~/utils/uploads.server";
import { parseActivitySubmission } from "~/validation/activities";
import { toDateInput } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("activities.form.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:activity:own");
  const choices = await activityFormChoices(actorOf(user));
  return {
    ...choices,
    // A fresh key per form: sending the same form twice saves one activity.
    defaults: {
      idempotencyKey: randomUUID(),
      date: toDateInput(calendarToday(user.chapter.timeZone)),
      villageCode: choices.ownVillageCode ?? "",
      // "Catat kegiatan program" on a programme's page opens the form with it chosen
      programmeId: choices.programmes.find((p) => p.id === new URL(request.url).searchParams.get("program"))?.id ?? "",
    } as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:activity:own");
  const form = await readMultipart(request, 2 * ACTIVITY_PHOTO_MAX_BYTES);
  if (form === "tooBig")
    return data(
      { fieldErrors: { photos: t("activities.photos.error.size") } as Record<string, string>, values: null, coVolunteers: [] as string[] },
      { status: 400 },
    );
  const keep = { values: formValues(form), coVolunteers: form.getAll("coVolunteers").map(String) };
  const parsed = parseActivitySubmission(form);
  const photos = await preparePhotos(await fileFields(form, "photos"));
  if (!parsed.ok || !photos.ok) {
    const fieldErrors = {
      ...(parsed.ok ? {} : parsed.fieldErrors),
      ...(photos.ok ? {} : { photos: t(`activities.photos.error.${photos.error}`) }),
    };
    return data({ fieldErrors, ...keep }, { status: 400 });
  }
  // The activity and its photos are saved together (a repeated form keeps the first's photos).
  const result = await logActivity(actorOf(user), { ...parsed, photos: photos.jpegs });
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, ...keep }, { status: 400 });
  return redirectWithToast(`/activities/${result.id}`, "success", parsed.submit ? "activities.form.sent" : "activities.form.saved");
}

export default function NewActivityPage() {
  const { defaults, types, categories, villages, volunteers, followUps, programmes, keepCaseIdentifiers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("activities.form.title")} />
      <ActivityForm
        defaults={actionData?.values ?? defaults}
        fieldErrors={actionData?.fieldErrors}
        types={types}
        categories={categories}
        villages={villages}
        volunteers={volunteers}
        selectedVolunteers={actionData?.coVolunteers ?? []}
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
