import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import {
  addCatalogueEntry,
  getActivitySettings,
  setCatalogueEntryActive,
  updateActivitySettings,
  type CatalogueKind,
} from "~/domain/activities/settings.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { activitySettingsSchema, catalogueNameSchema } from "~/validation/activities";

export const meta: MetaFunction = () => [{ title: `${t("activities.settings.title")} · ${t("app.name")}` }];

// /activities/settings: the chapter's closing rule, NIK/KK on follow-ups, activity types and own
// PPKS categories (Ketua, Wakil Ketua, Sekretaris; `manage:activity`).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:activity:chapter");
  return { settings: await getActivitySettings(user.chapter.id) };
}

type ActionResult = { intent: string; fieldErrors: Record<string, string | undefined>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:activity:chapter");
  const actor = { userId: user.id, chapterId: user.chapter.id };
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const back = "/activities/settings";
  if (intent === "rules") {
    const parsed = parseForm(activitySettingsSchema, formData);
    if (!parsed.success) return data<ActionResult>({ intent, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    await updateActivitySettings(actor, parsed.data);
    return redirectWithToast(back, "success", "activities.settings.saved");
  }
  const kind = intent.split(".")[0] as CatalogueKind;
  if (kind !== "type" && kind !== "category") throw new Response("Bad Request", { status: 400 });
  if (intent.endsWith(".add")) {
    const parsed = parseForm(catalogueNameSchema, formData);
    if (!parsed.success) return data<ActionResult>({ intent, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const added = await addCatalogueEntry(actor, kind, parsed.data);
    if (!added.ok) return data<ActionResult>({ intent, fieldErrors: added.fieldErrors, values: parsed.values }, { status: 400 });
    return redirectWithToast(back, "success", "activities.settings.added", { name: parsed.data.name });
  }
  if (intent.endsWith(".toggle")) {
    const name = await setCatalogueEntryActive(actor, kind, String(formData.get("id") ?? ""), formData.get("active") === "true");
    if (name === null) notFound();
    return redirectWithToast(back, "success", "activities.settings.toggled", { name });
  }
  throw new Response("Bad Request", { status: 400 });
}

function CatalogueList({ kind, entries }: { kind: CatalogueKind; entries: { id: string; name: string; active: boolean }[] }) {
  return (
    <ul className="plain-list" data-testid={`${kind}-list`}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <Form method="post" className="catalogue-row">
            <input type="hidden" name="intent" value={`${kind}.toggle`} />
            <input type="hidden" name="id" value={entry.id} />
            <input type="hidden" name="active" value={String(!entry.active)} />
            <span className={entry.active ? undefined : "muted"}>
              {entry.name}
              {entry.active ? "" : ` (${t("activities.settings.hidden")})`}
            </span>
            <button type="submit" className="button button--ghost">
              {entry.active ? t("activities.settings.hide") : t("activities.settings.show")}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

function AddForm({ kind, result }: { kind: CatalogueKind; result?: ActionResult }) {
  const mine = result?.intent === `${kind}.add` ? result : undefined;
  return (
    <Form method="post" noValidate aria-label={t(kind === "type" ? "activities.settings.types" : "activities.settings.categories")}>
      <input type="hidden" name="intent" value={`${kind}.add`} />
      <FormField
        label={t(kind === "type" ? "activities.settings.newType" : "activities.settings.newCategory")}
        name="name"
        defaultValue={mine?.values.name ?? ""}
        error={mine?.fieldErrors.name}
      />
      {kind === "category" ? (
        <label className="checkbox">
          <input type="checkbox" name="forChildren" defaultChecked={mine?.values.forChildren === "on"} />{" "}
          {t("activities.settings.forChildren")}
        </label>
      ) : null}
      <button type="submit" className="button">
        {t("activities.settings.add")}
      </button>
    </Form>
  );
}

export default function ActivitySettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const rules = result?.intent === "rules" ? result : undefined;
  return (
    <>
      <PageHeader title={t("activities.settings.title")} intro={t("activities.settings.intro")} />
      <section className="card">
        <h2>{t("activities.settings.rules")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="rules" />
          <FormField
            label={t("activities.settings.closingDays")}
            name="activityClosingDays"
            type="number"
            min={1}
            max={366}
            defaultValue={rules?.values.activityClosingDays ?? String(settings.activityClosingDays)}
            error={rules?.fieldErrors.activityClosingDays}
          />
          <p className="muted">{t("activities.settings.closingDaysHelp")}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              name="keepCaseIdentifiers"
              defaultChecked={rules ? rules.values.keepCaseIdentifiers === "on" : settings.keepCaseIdentifiers}
            />{" "}
            {t("activities.settings.keepCaseIdentifiers")}
          </label>
          <button type="submit" className="button button--primary">
            {t("activities.settings.save")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("activities.settings.types")}</h2>
        <CatalogueList kind="type" entries={settings.types} />
        <AddForm kind="type" result={result} />
      </section>
      <section className="card">
        <h2>{t("activities.settings.categories")}</h2>
        <p className="muted">{t("activities.settings.categoriesHelp")}</p>
        {settings.categories.length ? (
          <CatalogueList kind="category" entries={settings.categories} />
        ) : (
          <p>{t("activities.settings.noCategories")}</p>
        )}
        <AddForm kind="category" result={result} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
