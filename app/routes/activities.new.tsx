import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { ActivityForm } from "~/components/activities/ActivityForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { activityFormChoices, actorOf, logActivity } from "~/domain/activities.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formValues } from "~/utils/forms";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { parseActivitySubmission } from "~/validation/activities";
import { toDateInput } from "~/validation/fields";

export const meta: MetaFunction = () => [{ title: `${t("activities.form.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:activity:own");
  const choices = await activityFormChoices(user.chapter.id, user.memberId);
  return {
    ...choices,
    // A fresh key per form: sending the same form twice saves one activity.
    defaults: {
      idempotencyKey: randomUUID(),
      date: toDateInput(calendarToday(user.chapter.timeZone)),
      villageCode: choices.ownVillageCode ?? "",
    } as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:activity:own");
  const formData = await request.formData();
  const parsed = parseActivitySubmission(formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: formValues(formData), coVolunteers: formData.getAll("coVolunteers").map(String) }, { status: 400 });
  const result = await logActivity(actorOf(user), parsed);
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values: formValues(formData), coVolunteers: formData.getAll("coVolunteers").map(String) }, { status: 400 });
  return redirectWithToast(`/activities/${result.id}`, "success", parsed.submit ? "activities.form.sent" : "activities.form.saved");
}

export default function NewActivityPage() {
  const { defaults, types, categories, villages, volunteers } = useLoaderData<typeof loader>();
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
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
