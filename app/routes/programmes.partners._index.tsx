import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { PartnerForm } from "~/components/programmes/PartnerForm";
import { agreementState, listPartners, savePartner } from "~/domain/programmes/partners.server";
import { t } from "~/i18n";
import { formatCalendarDateShort } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { hasPermission } from "~/utils/permissions";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { partnerSchema, agreementKindLabel } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.partners.title")} · ${t("app.name")}` }];

// /programmes/partners: the chapter's CSR partners (the board only; volunteers get 403).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:programme:chapter");
  const partners = await listPartners(user.chapter.id);
  return {
    partners: partners.map((p) => ({
      ...p,
      agreementState: p.latestAgreement ? agreementState(p.latestAgreement, user.chapter.timeZone) : null,
    })),
    canEdit: hasPermission(user.permissions, "update:programme:chapter"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:programme:chapter");
  const parsed = parseForm(partnerSchema, await readFormData(request));
  if (!parsed.success) return data(parsed, { status: 400 });
  const result = await savePartner({ userId: user.id, chapterId: user.chapter.id }, parsed.data);
  if (!result.ok)
    return data(
      { success: false as const, fieldErrors: "fieldErrors" in result ? result.fieldErrors : {}, values: parsed.values },
      { status: 400 },
    );
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
            <table className="table" data-testid="partners">
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
                    <td>
                      <Link to={`/programmes/partners/${p.id}`}>{p.name}</Link>
                      {p.sector ? <small className="muted"> · {p.sector}</small> : null}
                    </td>
                    <td>{t(`programmes.partnerKind.${p.kind}` as "programmes.partnerKind.perusahaan")}</td>
                    <td>
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
                    </td>
                    <td className="num">{p._count.programmes}</td>
                    <td>{t(`programmes.partnerStatus.${p.status}` as "programmes.partnerStatus.aktif")}</td>
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
