import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SelectField } from "~/components/SelectField";
import {
  canManageLeadership,
  createPosition,
  listChapterDistricts,
  listPositions,
  setPositionActive,
} from "~/domain/leadership/positions.server";
import { t } from "~/i18n";
import { positionKindLabel } from "~/i18n/labels";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { positionFormSchema, type PositionFormData, type PositionFormInput } from "~/validation/leadership";
import { POSITION_KINDS, SINGLE_HOLDER_KINDS } from "~/validation/leadership-values";

const loadPositionFormSchema = () => import("~/validation/leadership").then((m) => m.positionFormSchema);

export const meta: MetaFunction = () => [{ title: `${t("leadership.positions.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:leadership:chapter");
  const canManage = canManageLeadership(actor);
  const [positions, districts] = await Promise.all([listPositions(actor), canManage ? listChapterDistricts(actor.chapterId) : []]);
  return { positions, districts, canManage };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "toggle") {
    const changed = unwrap(await setPositionActive(actor, String(formData.get("positionId") ?? ""), formData.get("active") === "true"));
    return redirectWithToast("/leadership/positions", "success", "leadership.positions.updated", { title: changed.title });
  }
  const parsed = parseForm(positionFormSchema, formData);
  if (!parsed.success) return invalidForm(parsed);
  const result = await createPosition(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast("/leadership/positions", "success", "leadership.positions.added", { title: parsed.data.title });
}

function PositionForm({ districts }: { districts: { code: string; name: string }[] }) {
  const actionData = useActionData<typeof action>();
  const { register, handleSubmit, setError, formState, watch } = useForm<PositionFormInput, unknown, PositionFormData>({
    resolver: useLazyZodResolver(loadPositionFormSchema),
    defaultValues: actionData?.values ?? { kind: "koordinator_kecamatan" },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const kind = watch("kind");
  const { errors } = formState;
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("leadership.positions.add")}>
      <input type="hidden" name="intent" value="create" />
      <FormField label={t("leadership.field.title")} error={errors.title?.message} {...register("title")} />
      <SelectField label={t("leadership.field.kind")} error={errors.kind?.message} {...register("kind")}>
        {POSITION_KINDS.map((k) => (
          <option key={k} value={k}>
            {positionKindLabel(k)}
          </option>
        ))}
      </SelectField>
      {kind === "koordinator_bidang" ? (
        <FormField label={t("leadership.field.bidang")} error={errors.bidang?.message} {...register("bidang")} />
      ) : null}
      {kind === "koordinator_kecamatan" ? (
        <SelectField label={t("leadership.field.district")} error={errors.districtCode?.message} {...register("districtCode")}>
          <option value="">{t("leadership.field.districtChoose")}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" {...register("singleHolder")} value="on" /> {t("leadership.field.singleHolder")}
      </label>
      <div>
        <button type="submit" className="button button--primary">
          {t("leadership.positions.addSubmit")}
        </button>
      </div>
    </Form>
  );
}

export default function PositionsPage() {
  const { positions, districts, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("leadership.positions.title")} intro={t("leadership.positions.intro")} />
      <section className="card">
        <div className="table-wrap">
          <table className="table table--cards" data-testid="positions">
            <thead>
              <tr>
                <th>{t("leadership.column.position")}</th>
                <th>{t("leadership.column.kind")}</th>
                <th>{t("leadership.column.scope")}</th>
                <th>{t("leadership.column.single")}</th>
                {canManage ? <th>{t("leadership.column.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.id} className={p.active ? undefined : "muted"}>
                  <CardCell label={t("leadership.column.position")}>
                    {p.title}
                    {p.active ? "" : ` (${t("leadership.positions.hidden")})`}
                  </CardCell>
                  <CardCell label={t("leadership.column.kind")}>{positionKindLabel(p.kind)}</CardCell>
                  <CardCell label={t("leadership.column.scope")}>{p.bidang ?? p.district?.name ?? "–"}</CardCell>
                  <CardCell label={t("leadership.column.single")}>{p.singleHolder ? t("leadership.yes") : t("leadership.no")}</CardCell>
                  {canManage ? (
                    <CardCell label={t("leadership.column.actions")}>
                      {(SINGLE_HOLDER_KINDS as readonly string[]).includes(p.kind) ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="toggle" />
                          <input type="hidden" name="positionId" value={p.id} />
                          <input type="hidden" name="active" value={p.active ? "false" : "true"} />
                          <button type="submit" className="button button--ghost">
                            {p.active ? t("leadership.positions.hide") : t("leadership.positions.show")}
                          </button>
                        </Form>
                      )}
                    </CardCell>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {canManage ? (
        <section className="card">
          <h2>{t("leadership.positions.add")}</h2>
          <PositionForm districts={districts} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
