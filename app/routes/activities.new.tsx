import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useRouteLoaderData,
  useSearchParams,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { useEffect, useMemo, useState } from "react";
import { randomUUID } from "node:crypto";
import { ActivityForm } from "~/components/activities/ActivityForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { activityFormChoices } from "~/domain/activities/activities.server";
import { chosenCoVolunteers } from "~/domain/activities/co-volunteers.server";
import { submitNewActivity } from "~/http/activity-submission.server";
import { formRefusal } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { toDateInput } from "~/validation/fields";
import { keptOffline, type KeptOffline } from "~/offline/kept";
import type { UnsentActivity } from "~/offline/queue.client";
import type { RootLoaderData } from "~/root";

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
  const result = await submitNewActivity(actor, request);
  // a refused form keeps its co-volunteers, with their names for the picker's chips
  if (!result.ok)
    return formRefusal(result.refusal, { ...result.keep, coVolunteers: await chosenCoVolunteers(actor, result.keep.coVolunteers) });
  return redirectWithToast(`/activities/${result.id}`, "success", result.submitted ? "activities.form.sent" : "activities.form.saved");
}

/**
 * In the browser the form goes to the server as usual; when the signal is gone (or the answer is
 * lost on the way back) the activity is kept on the phone, with its photos and the same
 * idempotency key, and sent by itself later (app/offline, docs/decisions/027). The offline code
 * is loaded only when the form is sent, so the form's first load stays small.
 */
export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
  const { sendOrKeep } = await import("~/offline/activity-form.client");
  return sendOrKeep(request, serverAction);
}

/** Nothing to ask the server after keeping an activity on the phone: there is no signal. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  keptOffline(actionResult) ? false : defaultShouldRevalidate;

export default function NewActivityPage() {
  const choices = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action | KeptOffline>();
  const unsent = useSearchParams()[0].get("unsent");
  // loaded after the first paint, so that sending without signal needs nothing from the network
  useEffect(() => void import("~/offline/activity-form.client"), []);
  if (keptOffline(actionData)) return <KeptOfflineNotice count={actionData.count} />;
  if (unsent) return <UnsentActivityForm localId={unsent} choices={choices} answer={actionData} />;
  const refused = actionData && "fieldErrors" in actionData ? actionData : undefined;
  return (
    <>
      <PageHeader title={t("activities.form.title")} />
      <ActivityForm
        defaults={refused?.typed ? refused.values : choices.defaults}
        fieldErrors={refused?.fieldErrors}
        formError={refused?.formError}
        {...formChoices(choices)}
        chosenVolunteers={refused?.typed ? refused.coVolunteers : []}
      />
    </>
  );
}

function formChoices({
  types,
  categories,
  villages,
  recentVolunteers,
  followUps,
  programmes,
  keepCaseIdentifiers,
}: SerializeFrom<typeof loader>) {
  return { types, categories, villages, recentVolunteers, followUps, programmes, keepCaseIdentifiers };
}

/** The activity was kept on the phone: say so plainly, and offer the next step. */
function KeptOfflineNotice({ count }: { count: number }) {
  return (
    <section className="notice notice--warning" role="status" data-testid="kept-offline">
      <h1>{t("activities.offline.kept.title")}</h1>
      <p>{t("activities.offline.kept.body")}</p>
      <p>{t("activities.offline.kept.count", { count })}</p>
      {/* documents, not Remix data: without signal the phone opens its kept pages */}
      <p className="button-row">
        <a href="/activities/new" className="button button--primary">
          {t("activities.offline.another")}
        </a>
        <a href="/activities#unsent" className="button">
          {t("activities.offline.mine")}
        </a>
      </p>
    </section>
  );
}

/** An activity kept on the phone, opened to change it and send it (or to see why the server refused it). */
function UnsentActivityForm({ localId, choices, answer }: { localId: string; choices: SerializeFrom<typeof loader>; answer: unknown }) {
  const root = useRouteLoaderData<RootLoaderData>("root");
  const userId = root?.user?.id;
  const [kept, setKept] = useState<{ item: UnsentActivity | null } | null>(null);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    void import("~/offline/queue.client").then(async ({ getUnsent }) => {
      const item = await getUnsent(userId, localId);
      if (live) setKept({ item });
    });
    return () => {
      live = false;
    };
    // read again after each answer: a refused send stores the messages with the activity
  }, [userId, localId, answer]);
  const form = useMemo(() => (kept?.item ? formOfUnsent(kept.item) : null), [kept]);
  if (!kept) return <p className="muted">{t("activities.offline.loading")}</p>;
  if (!kept.item || !form) return <p className="notice">{t("activities.offline.missing")}</p>;
  const { item } = kept;
  return (
    <>
      <PageHeader title={t("activities.form.title")} />
      <p className="notice">{t("activities.offline.editing")}</p>
      <ActivityForm
        key={`${item.localId}:${item.tries}:${item.state}`}
        defaults={form.values}
        fieldErrors={item.refusal?.fieldErrors}
        formError={item.refusal?.formError}
        {...formChoices(choices)}
        chosenVolunteers={form.coVolunteers}
        localId={item.localId}
        keptPhotos={form.photos}
      />
    </>
  );
}

/** The form's fields as kept: values by name, co-volunteers, photos. */
function formOfUnsent(item: UnsentActivity) {
  const values: Record<string, string> = {};
  const photos: File[] = [];
  for (const [name, value] of item.fields) {
    if (typeof value !== "string") photos.push(value);
    else if (name !== "coVolunteers") values[name] = value;
  }
  return { values, coVolunteers: item.summary.coVolunteers ?? [], photos };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
