import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getActivitySettings, updateActivitySettings } from "~/domain/activities/settings.server";
import { addCatalogueEntry, setCatalogueEntryActive, type CatalogueKind } from "~/domain/catalogues/catalogues.server";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { badRequest, formRefusal, invalidForm, unwrap, type FormRefusalData } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { activitySettingsSchema, catalogueNameSchema } from "~/validation/activities";

export const meta: MetaFunction = () => [{ title: `${t("activities.settings.title")} · ${t("app.name")}` }];

// /activities/settings: the chapter's closing rule, NIK/KK on follow-ups, activity types and own
// PPKS categories (Ketua, Wakil Ketua, Sekretaris; `manage:activity`).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:activity:chapter");
  const { settings } = unwrap(await getActivitySettings(actor));
  return { settings };
}

type ActionResult = FormRefusalData<{ intent: string }>;

/** The catalogue a form's intent ("type.add", "category.toggle"...) is about; anything else is a bad request. */
function catalogueOf(intent: string): CatalogueKind {
  if (intent.startsWith("type.")) return "type";
  if (intent.startsWith("category.")) return "category";
  return badRequest();
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:activity:chapter");
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const back = "/activities/settings";
  if (intent === "rules") {
    const parsed = parseForm(activitySettingsSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { intent });
    unwrap(await updateActivitySettings(actor, parsed.data));
    return redirectWithToast(back, "success", "activities.settings.saved");
  }
  const kind = catalogueOf(intent);
  if (intent.endsWith(".add")) {
    const parsed = parseForm(catalogueNameSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { intent });
    const added = await addCatalogueEntry(actor, kind, parsed.data);
    if (!added.ok) return formRefusal(added, { values: parsed.values, intent });
    return redirectWithToast(back, "success", "activities.settings.added", { name: parsed.data.name });
  }
  if (intent.endsWith(".toggle")) {
    const active = formData.get("active") === "true";
    const { name } = unwrap(await setCatalogueEntryActive(actor, kind, String(formData.get("id") ?? ""), active));
    return redirectWithToast(back, "success", "activities.settings.toggled", { name });
  }
  return badRequest();
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
