import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { SelectField } from "~/components/SelectField";
import { certificateMemberChoices, issueServiceCertificate, listCertificates } from "~/domain/reports/service-certificates.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formatDateShort, formatHours, formatNumber } from "~/utils/format";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { calendarDateOf, toDateInput } from "~/validation/fields";
import { certificateIssueSchema, type CertificateIssueData, type CertificateIssueInput } from "~/validation/reports";

const loadCertificateIssueSchema = () => import("~/validation/reports").then((m) => m.certificateIssueSchema);

export const meta: MetaFunction = () => [{ title: `${t("certificates.title")} · ${t("app.name")}` }];

// /reports/certificates: the board (`create:report:chapter`) issues a volunteer's certificate of
// service (Surat Keterangan Relawan PSM) for an ended period, and downloads those already issued.
// Volunteers and the Dinas Sosial get 403.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:report:chapter");
  const today = calendarToday(actor.timeZone);
  // By default the form offers last month.
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const [members, certificates] = await Promise.all([certificateMemberChoices(actor), listCertificates(actor)]);
  return {
    members,
    certificates,
    timeZone: actor.timeZone,
    today: toDateInput(today),
    defaults: { memberId: "", start: toDateInput(start), end: toDateInput(end) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:report:chapter");
  const parsed = parseForm(certificateIssueSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed, { issued: null });
  const result = await issueServiceCertificate(actor, {
    memberId: parsed.data.memberId,
    start: calendarDateOf(parsed.data.start),
    end: calendarDateOf(parsed.data.end),
    replaces: parsed.data.replaces || undefined,
  });
  if (!result.ok) {
    // "already issued": the page offers to issue it again, confirmed against the latest one
    const issued: { id: string; number: string } | null = result.refusal === "invalid" ? (result.issued ?? null) : null;
    return formRefusal(result, { values: parsed.values, issued });
  }
  return redirectWithToast("/reports/certificates", "success", "certificates.form.issued", { number: result.number });
}

function IssueForm() {
  const { members, defaults, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // checked in the browser with the server's schema; the server's messages show beside their fields too
  const { register, handleSubmit, setError, formState } = useForm<CertificateIssueInput, unknown, CertificateIssueData>({
    resolver: useLazyZodResolver(loadCertificateIssueSchema),
    defaultValues: { ...defaults, ...(actionData?.values ?? {}) },
  });
  useServerFieldErrors(actionData?.fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const { errors } = formState;
  const issued = actionData?.issued ?? null;
  const submitting = navigation.state === "submitting";
  return (
    <Form method="post" noValidate className="card" aria-label={t("certificates.form.title")} onSubmit={onSubmit}>
      <h2>{t("certificates.form.title")}</h2>
      <p className="muted">{t("certificates.form.note")}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <SelectField label={t("certificates.form.member")} error={errors.memberId?.message} {...register("memberId")}>
        <option value="">{t("certificates.form.memberPlaceholder")}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.memberNumber ? `${m.fullName} (${m.memberNumber})` : m.fullName}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <FormField label={t("certificates.form.start")} type="date" max={today} error={errors.start?.message} {...register("start")} />
        <FormField label={t("certificates.form.end")} type="date" max={today} error={errors.end?.message} {...register("end")} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {t("certificates.form.submit")}
        </button>
        {/* after "already issued": the same form, confirmed against the certificate it names */}
        {issued ? (
          <button type="submit" name="replaces" value={issued.id} className="button" disabled={submitting}>
            {t("certificates.form.reissue")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

export default function ServiceCertificatesPage() {
  const { certificates, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("certificates.title")} intro={t("certificates.intro")} />
      <IssueForm />
      <section className="card">
        <h2>{t("certificates.list.title")}</h2>
        {certificates.length === 0 ? (
          <p>{t("certificates.list.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="service-certificates">
              <thead>
                <tr>
                  <th>{t("certificates.list.number")}</th>
                  <th>{t("certificates.list.member")}</th>
                  <th>{t("certificates.list.period")}</th>
                  <th className="num">{t("certificates.list.hours")}</th>
                  <th className="num">{t("certificates.list.activities")}</th>
                  <th>{t("certificates.list.issuedAt")}</th>
                  <th>
                    <span className="visually-hidden">{t("certificates.list.download")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((c) => (
                  <tr key={c.id}>
                    <CardCell label={t("certificates.list.number")}>{c.number}</CardCell>
                    <CardCell label={t("certificates.list.member")}>
                      {c.member.fullName}
                      {c.member.memberNumber ? <small className="muted"> · {c.member.memberNumber}</small> : null}
                    </CardCell>
                    <CardCell label={t("certificates.list.period")}>{c.periodLabel}</CardCell>
                    <CardCell label={t("certificates.list.hours")} className="num">
                      {formatHours(c.hours)}
                    </CardCell>
                    <CardCell label={t("certificates.list.activities")} className="num">
                      {formatNumber(c.activities)}
                    </CardCell>
                    <CardCell label={t("certificates.list.issuedAt")}>
                      {formatDateShort(c.issuedAt, timeZone)}
                      <small className="muted"> {t("certificates.list.issuedBy", { name: c.issuedBy.name })}</small>
                    </CardCell>
                    <CardCell label={t("certificates.list.download")}>
                      <a href={`/certificates/${c.id}.pdf`} aria-label={t("certificates.list.downloadLabel", { number: c.number })}>
                        {t("certificates.list.download")}
                      </a>
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
