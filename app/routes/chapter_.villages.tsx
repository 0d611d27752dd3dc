import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { listAreaVillages, renameVillage, resetVillageName, type AreaVillage } from "~/domain/chapters/regions.server";
import { t } from "~/i18n";
import type { Permission } from "~/utils/permissions";
import { parseForm, useServerFieldErrors, useValidatedSubmit, type FormValues } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { readFormData } from "~/utils/request-form.server";
import { redirectWithToast } from "~/http/session.server";
import { villageNameSchema, type VillageName, type VillageNameInput } from "~/validation/regions";
import { REGION_NAME_MAX } from "~/validation/chapter-values";

const loadVillageNameSchema = () => import("~/validation/regions").then((m) => m.villageNameSchema);

export const meta: MetaFunction = () => [{ title: `${t("regions.villages.title")} · ${t("app.name")}` }];

// GET /chapter/villages?q=...&edit=<code>: the kelurahan/desa of the chapter's area with the
// names they are shown by; the board (chapter settings) sets a name where the Kemendagri data
// runs words together, or goes back to the official one. POST: intent=rename (code, name) or
// intent=reset (code); audited in the domain.
const RIGHTS: readonly Permission[] = ["manage:chapter:any", "update:chapter:chapter"];

/** Back to the list as it was (the search kept). */
function listUrl(q: string | null | undefined) {
  return q ? `/chapter/villages?q=${encodeURIComponent(q)}` : "/chapter/villages";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, RIGHTS);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const { area, villages } = unwrap(await listAreaVillages(actor, { q }));
  const editing = villages.find((v) => v.code === url.searchParams.get("edit")) ?? null;
  return { area, villages, q, editing };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, RIGHTS);
  const form = await readFormData(request);
  const back = listUrl(String(form.get("q") ?? ""));
  if (form.get("intent") === "reset") {
    const { name, changed } = unwrap(await resetVillageName(actor, String(form.get("code") ?? "")));
    return changed
      ? redirectWithToast(back, "success", "regions.villages.wasReset", { name })
      : redirectWithToast(back, "info", "regions.villages.unchanged");
  }
  const parsed = parseForm(villageNameSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await renameVillage(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return result.changed
    ? redirectWithToast(back, "success", "regions.villages.saved", { name: result.name })
    : redirectWithToast(back, "info", "regions.villages.unchanged");
}

function RenameForm({
  village,
  q,
  values,
  fieldErrors,
}: {
  village: AreaVillage;
  q: string;
  values?: FormValues;
  fieldErrors?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<VillageNameInput, unknown, VillageName>({
    resolver: useLazyZodResolver(loadVillageNameSchema),
    defaultValues: { code: village.code, name: values?.name ?? village.name },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <section className="card" aria-labelledby="rename-title" data-testid="rename-form">
      <h2 id="rename-title">{village.name}</h2>
      <p className="muted">
        {t("regions.villages.official", { name: village.officialName || village.name })}
        {village.district ? ` · ${t("regions.villages.district", { name: village.district.name })}` : null}
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("code")} />
        <input type="hidden" name="q" value={q} />
        <input type="hidden" name="intent" value="rename" />
        <FormField
          label={t("regions.villages.nameLabel", { official: village.officialName || village.name })}
          autoComplete="off"
          maxLength={REGION_NAME_MAX}
          error={errors.name?.message ?? errors.code?.message}
          {...register("name")}
        />
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("regions.villages.save")}
          </button>
          <Link to={listUrl(q)} className="button button--ghost">
            {t("regions.villages.cancel")}
          </Link>
        </div>
      </Form>
      {village.renamed ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="reset" />
          <input type="hidden" name="code" value={village.code} />
          <input type="hidden" name="q" value={q} />
          <button type="submit" className="button button--ghost">
            {t("regions.villages.reset")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function ChapterVillagesPage() {
  const { area, villages, q, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const districts = new Map<string, { name: string; villages: AreaVillage[] }>();
  for (const v of villages) {
    const key = v.district?.code ?? "";
    const group = districts.get(key) ?? { name: v.district?.name ?? "", villages: [] };
    group.villages.push(v);
    districts.set(key, group);
  }
  const failedCode = actionData?.values?.code;
  const current = editing ?? villages.find((v) => v.code === failedCode) ?? null;
  return (
    <>
      <PageHeader title={t("regions.villages.title")} intro={t("regions.villages.intro", { area: area.name })} />
      {current ? (
        <RenameForm
          key={current.code}
          village={current}
          q={q}
          values={actionData?.values}
          fieldErrors={actionData?.values?.code === current.code ? actionData.fieldErrors : undefined}
        />
      ) : null}
      <Form method="get" className="filters" role="search">
        <div className="filters__search">
          <label htmlFor="q">{t("regions.villages.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
          <small className="muted">{t("regions.villages.searchHint")}</small>
        </div>
        <button type="submit" className="button">
          {t("regions.villages.searchButton")}
        </button>
      </Form>
      <p className="muted" data-testid="village-count">
        {t("regions.villages.count", { count: villages.length })}
      </p>
      {villages.length === 0 ? <p>{t("regions.villages.none")}</p> : null}
      {[...districts.entries()].map(([code, group]) => (
        <section key={code} className="card" aria-labelledby={`district-${code}`}>
          <h2 id={`district-${code}`}>{t("regions.villages.district", { name: group.name })}</h2>
          <ul className="village-names" data-testid="village-list">
            {group.villages.map((v) => (
              <li key={v.code}>
                <strong>{v.name}</strong>
                {v.renamed ? (
                  <small className="muted">{` · ${t("regions.villages.official", { name: v.officialName })}`}</small>
                ) : null}{" "}
                <Link
                  to={`/chapter/villages?${new URLSearchParams({ ...(q ? { q } : {}), edit: v.code }).toString()}`}
                  aria-label={t("regions.villages.editLabel", { name: v.name })}
                >
                  {t("regions.villages.edit")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
