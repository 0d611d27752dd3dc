import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SelectField } from "~/components/SelectField";
import { createDinsosLogin, listDinsosLogins } from "~/domain/chapters/chapter-admin.server";
import { t } from "~/i18n";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { dinsosLoginSchema } from "~/validation/chapters";
import { DINSOS_PASSWORD_MIN } from "~/validation/chapter-values";
import type { z } from "~/validation/zod";

const loadDinsosLoginSchema = () => import("~/validation/chapters").then((m) => m.dinsosLoginSchema);

export const meta: MetaFunction = () => [{ title: `${t("chapters.dinsos.title")} · ${t("app.name")}` }];

// /chapters/dinsos: the Dinas Sosial logins and their regions; the administrator makes one for a
// province or a kab/kota (it sees the submitted reports of the chapters inside that region).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { logins, regions } = unwrap(await listDinsosLogins(actor));
  return { logins, regions };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const parsed = parseForm(dinsosLoginSchema, await readFormData(request));
  if (!parsed.success) return invalidForm({ ...parsed, values: { ...parsed.values, password: "" } });
  const result = await createDinsosLogin(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: { ...parsed.values, password: "" } });
  return redirectWithToast("/chapters/dinsos", "success", "chapters.dinsos.created");
}

export default function DinsosLoginsPage() {
  const { logins, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof dinsosLoginSchema>,
    unknown,
    z.output<typeof dinsosLoginSchema>
  >({
    resolver: useLazyZodResolver(loadDinsosLoginSchema),
    defaultValues: actionData?.values ?? {},
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  return (
    <>
      <PageHeader title={t("chapters.dinsos.title")} intro={t("chapters.dinsos.intro")} />
      {logins.length === 0 ? (
        <p className="muted">{t("chapters.dinsos.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards" data-testid="dinsos-logins">
            <thead>
              <tr>
                <th>{t("chapters.dinsos.col.name")}</th>
                <th>{t("chapters.dinsos.col.email")}</th>
                <th>{t("chapters.dinsos.col.region")}</th>
                <th>{t("chapters.dinsos.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {logins.map((l) => (
                <tr key={l.id}>
                  <CardCell label={t("chapters.dinsos.col.name")}>{l.name}</CardCell>
                  <CardCell label={t("chapters.dinsos.col.email")}>{l.email}</CardCell>
                  <CardCell label={t("chapters.dinsos.col.region")}>
                    {l.regionName ?? t("chapters.dinsos.unbound", { chapter: l.chapter.name })}
                  </CardCell>
                  <CardCell label={t("chapters.dinsos.col.state")}>
                    {l.active ? t("chapters.dinsos.active") : t("chapters.dinsos.inactive")}
                  </CardCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("chapters.dinsos.newTitle")}</h2>
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        {actionData?.formError ? (
          <p className="field__error" role="alert">
            {actionData.formError}
          </p>
        ) : null}
        <FormField label={t("chapters.dinsos.name")} error={errors.name?.message} {...register("name")} />
        <FormField label={t("chapters.dinsos.email")} type="email" error={errors.email?.message} {...register("email")} />
        <SelectField label={t("chapters.dinsos.region")} error={errors.regionCode?.message} {...register("regionCode")}>
          <option value="">{t("chapters.dinsos.chooseRegion")}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === "province" ? r.name : `\u2014 ${r.name}`} ({r.code})
            </option>
          ))}
        </SelectField>
        <FormField
          label={t("chapters.dinsos.password")}
          type="password"
          autoComplete="new-password"
          error={errors.password?.message}
          {...register("password")}
        />
        <p className="muted">{t("chapters.dinsos.passwordHelp", { min: DINSOS_PASSWORD_MIN })}</p>
        <button type="submit" className="button button--primary">
          {t("chapters.dinsos.create")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
