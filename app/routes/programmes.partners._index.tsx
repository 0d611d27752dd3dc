import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PartnerForm } from "~/components/programmes/PartnerForm";
import { listPartners, savePartner } from "~/domain/programmes/partners.server";
import { t } from "~/i18n";
import { formatCalendarDateShort } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { partnerSchema } from "~/validation/programmes";
import { agreementKindLabel } from "~/validation/programme-values";

export const meta: MetaFunction = () => [{ title: `${t("programmes.partners.title")} · ${t("app.name")}` }];

// /programmes/partners: the chapter's CSR partners (the board only; volunteers get 403).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:chapter");
  const { partners, canEdit } = unwrap(await listPartners(actor));
  return { partners, canEdit };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const parsed = parseForm(partnerSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await savePartner(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast(`/programmes/partners/${result.id}`, "success", "programmes.partners.created", { name: parsed.data.name });
}

export default function PartnersPage() {
  const { partners, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("programmes.partners.title")}
        intro={t("programmes.partners.intro")}
        actions={<Link to="/programmes">{t("programmes.title")}</Link>}
      />
      <section className="card">
        {partners.length === 0 ? (
          <p>{t("programmes.partners.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="partners">
              <thead>
                <tr>
                  <th>{t("programmes.partners.name")}</th>
                  <th>{t("programmes.partners.kind")}</th>
                  <th>{t("programmes.partners.agreement")}</th>
                  <th className="num">{t("programmes.title")}</th>
                  <th>{t("programmes.partners.status")}</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => (
                  <tr key={p.id}>
                    <CardCell label={t("programmes.partners.name")}>
                      <Link to={`/programmes/partners/${p.id}`}>{p.name}</Link>
                      {p.sector ? <small className="muted"> · {p.sector}</small> : null}
                    </CardCell>
                    <CardCell label={t("programmes.partners.kind")}>{t(`programmes.partnerKind.${p.kind}`)}</CardCell>
                    <CardCell label={t("programmes.partners.agreement")}>
                      {p.latestAgreement ? (
                        <>
                          {agreementKindLabel(p.latestAgreement.kind)} {p.latestAgreement.number} ·{" "}
                          {t(`programmes.agreementState.${p.agreementState}` as "programmes.agreementState.berlaku", {
                            date: formatCalendarDateShort(p.latestAgreement.endDate),
                          })}
                        </>
                      ) : (
                        "–"
                      )}
                    </CardCell>
                    <CardCell label={t("programmes.title")} className="num">
                      {p._count.programmes}
                    </CardCell>
                    <CardCell label={t("programmes.partners.status")}>{t(`programmes.partnerStatus.${p.status}`)}</CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canEdit ? (
        <section className="card">
          <h2>{t("programmes.partners.new")}</h2>
          <PartnerForm defaults={actionData?.values} fieldErrors={actionData?.fieldErrors} submitLabel={t("programmes.partners.save")} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
