import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { AgreementForm } from "~/components/programmes/AgreementForm";
import { ContactForm } from "~/components/programmes/ContactForm";
import { PartnerForm } from "~/components/programmes/PartnerForm";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import { addAgreement, addContact, getPartner, removeContact, savePartner } from "~/domain/programmes/partners.server";
import { t } from "~/i18n";
import { formatCalendarDateShort, formatRupiah } from "~/utils/format";
import { formValues, parseForm } from "~/utils/forms";
import { badRequest, formRefusal, invalidForm, unwrap, type FormRefusalData } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { formatPhone } from "~/validation/member-values";
import { agreementSchema, contactSchema, partnerSchema } from "~/validation/programmes";
import { agreementKindLabel } from "~/validation/programme-values";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.partner.name ?? t("programmes.partners.title")} · ${t("app.name")}` },
];

// /programmes/partners/:id: a partner, its contact people and agreements (board only).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:chapter");
  const { partner, canEdit } = unwrap(await getPartner(actor, params.id ?? ""));
  return { partner, canEdit };
}

type ActionResult = FormRefusalData<{ intent: string }>;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:programme:chapter");
  const partnerId = params.id ?? "";
  const back = `/programmes/partners/${partnerId}`;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig")
    return invalidForm({ fieldErrors: { file: t("programmes.error.receipt.size") }, values: {} }, { intent: "agreement" });
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  if (intent === "partner") {
    const parsed = parseForm(partnerSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent });
    const result = await savePartner(actor, parsed.data, partnerId);
    if (!result.ok) return formRefusal(result, { values, intent });
    return redirectWithToast(back, "success", "programmes.partners.saved");
  }
  if (intent === "contact") {
    const parsed = parseForm(contactSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent });
    const result = await addContact(actor, partnerId, parsed.data);
    if (!result.ok) return formRefusal(result, { values, intent });
    return redirectWithToast(back, "success", "programmes.partners.contactAdded");
  }
  if (intent === "contact.remove") {
    unwrap(await removeContact(actor, partnerId, String(form.get("contactId") ?? "")));
    return redirectWithToast(back, "success", "programmes.partners.contactRemoved");
  }
  if (intent === "agreement") {
    const parsed = parseForm(agreementSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent });
    const result = await addAgreement(actor, partnerId, parsed.data, await fileField(form, "file"));
    if (!result.ok) return formRefusal(result, { values, intent });
    return redirectWithToast(back, "success", "programmes.partners.agreementAdded");
  }
  return badRequest();
}

export default function PartnerPage() {
  const { partner: p, canEdit } = useLoaderData<typeof loader>();
  const result: ActionResult | undefined = useActionData<typeof action>();
  const mine = (intent: string) => (result?.intent === intent ? result : undefined);
  const contact = mine("contact");
  const agreement = mine("agreement");
  return (
    <>
      <PageHeader
        title={p.name}
        intro={`${t(`programmes.partnerKind.${p.kind}`)}${p.sector ? ` · ${p.sector}` : ""} · ${t(`programmes.partnerStatus.${p.status}`)}`}
        actions={<Link to="/programmes/partners">{t("programmes.partners.title")}</Link>}
      />
      <section className="card">
        <dl className="facts">
          <dt>{t("programmes.partners.address")}</dt>
          <dd>{p.address ?? "–"}</dd>
          <dt>{t("programmes.partners.notes")}</dt>
          <dd>{p.notes ?? "–"}</dd>
          <dt>{t("programmes.title")}</dt>
          <dd>
            {p.programmes.length ? (
              <ul className="plain-list">
                {p.programmes.map((x) => (
                  <li key={x.programme.id}>
                    <Link to={`/programmes/${x.programme.id}`}>{x.programme.name}</Link> · {formatRupiah(x.committed)}
                  </li>
                ))}
              </ul>
            ) : (
              "–"
            )}
          </dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t("programmes.partners.contacts")}</h2>
        {p.contacts.length === 0 ? (
          <p>{t("programmes.partners.noContacts")}</p>
        ) : (
          <ul className="plain-list" data-testid="contacts">
            {p.contacts.map((c) => (
              <li key={c.id} className="catalogue-row">
                <span>
                  <strong>{c.name}</strong>
                  {c.position ? `, ${c.position}` : ""}
                  {c.phone ? ` · ${formatPhone(c.phone)}` : ""}
                  {c.email ? ` · ${c.email}` : ""}
                </span>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="contact.remove" />
                    <input type="hidden" name="contactId" value={c.id} />
                    <button type="submit" className="button button--ghost">
                      {t("programmes.partners.removeContact")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <ContactForm key={contact ? "refused" : "new"} defaults={contact?.values} fieldErrors={contact?.fieldErrors} /> : null}
      </section>
      <section className="card">
        <h2>{t("programmes.partners.agreements")}</h2>
        {p.agreements.length === 0 ? (
          <p>{t("programmes.partners.noAgreements")}</p>
        ) : (
          <ul className="plain-list" data-testid="agreements">
            {p.agreements.map((a) => (
              <li key={a.id}>
                <strong>
                  {agreementKindLabel(a.kind)} {a.number}
                </strong>{" "}
                ·{" "}
                {t("programmes.partners.agreementPeriod", {
                  signed: formatCalendarDateShort(a.signedOn),
                  start: formatCalendarDateShort(a.startDate),
                  end: formatCalendarDateShort(a.endDate),
                })}{" "}
                · {t(`programmes.agreementState.${a.state}`, { date: formatCalendarDateShort(a.endDate) })}
                {a.hasScan ? (
                  <>
                    {" "}
                    · <a href={`/programmes/partners/${p.id}/agreements/${a.id}`}>{t("programmes.partners.scan")}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <AgreementForm key={agreement ? "refused" : "new"} defaults={agreement?.values} fieldErrors={agreement?.fieldErrors} />
        ) : null}
      </section>
      {canEdit ? (
        <section className="card">
          <h2>{t("programmes.partners.edit")}</h2>
          <PartnerForm
            defaults={
              mine("partner")?.values ?? {
                name: p.name,
                kind: p.kind,
                sector: p.sector ?? "",
                address: p.address ?? "",
                status: p.status,
                notes: p.notes ?? "",
              }
            }
            fieldErrors={mine("partner")?.fieldErrors}
            submitLabel={t("programmes.partners.save")}
          />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
