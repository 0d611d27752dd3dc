import { CardCell } from "~/components/CardCell";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { BarChart } from "~/components/BarChart";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { createReport, listReports, receivedSummary, reportRights } from "~/domain/reports/reports.server";
import { can } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateShort, formatNumber } from "~/utils/format";
import { formatReportHours, reportHours } from "~/utils/report-hours";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { reportPeriodSchema } from "~/validation/reports";
import { REPORT_PERIOD_KINDS } from "~/validation/report-values";
import { readFormData } from "~/utils/request-form.server";

export const meta: MetaFunction = () => [{ title: `${t("reports.title")} · ${t("app.name")}` }];

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

// /reports: the board's reports (and the form for a new draft); for the Dinas Sosial, the reports
// submitted by the chapters of its area and a summary across them. Volunteers get 403.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["read:report:chapter", "receive:report:chapter"]);
  const dinsos = !can(actor, "read:report:chapter");
  const today = calendarToday(actor.timeZone);
  // By default the form offers last month.
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return {
    reports: await listReports(actor),
    summary: dinsos ? await receivedSummary(actor) : null,
    canCreate: reportRights(actor).canCreate,
    defaults: { year: String(lastMonth.getUTCFullYear()), month: String(lastMonth.getUTCMonth() + 1) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:report:chapter");
  const parsed = parseForm(reportPeriodSchema, await readFormData(request));
  if (!parsed.success) return invalidForm(parsed);
  const result = await createReport(actor, parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return redirectWithToast(`/reports/${result.id}`, "success", "reports.form.created");
}

function NewReportForm({ defaults }: { defaults: Record<string, string> }) {
  const actionData = useActionData<typeof action>();
  const values: Record<string, string | undefined> = {
    kind: "month",
    includeSubChapters: "on",
    ...defaults,
    ...(actionData?.values ?? {}),
  };
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string | undefined>;
  const [kind, setKind] = useState(values.kind ?? "month");
  return (
    <Form method="post" noValidate className="card" aria-label={t("reports.list.new")}>
      <h2>{t("reports.list.new")}</h2>
      {(actionData?.formError ?? errors.form) ? (
        <p className="form-error" role="alert">
          {actionData?.formError ?? errors.form}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="kind">{t("reports.form.kind")}</label>
        <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {REPORT_PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reports.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind !== "custom" ? (
        <FormField label={t("reports.form.year")} name="year" inputMode="numeric" defaultValue={values.year} error={errors.year} />
      ) : null}
      {kind === "month" ? (
        <div className="field">
          <label htmlFor="month">{t("reports.form.month")}</label>
          <select id="month" name="month" defaultValue={values.month}>
            {MONTHS.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === "quarter" ? (
        <div className="field">
          <label htmlFor="quarter">{t("reports.form.quarter")}</label>
          <select id="quarter" name="quarter" defaultValue={values.quarter ?? "1"}>
            {["I", "II", "III", "IV"].map((q, i) => (
              <option key={q} value={i + 1}>
                {q}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === "custom" ? (
        <div className="field-row">
          <FormField label={t("reports.form.start")} name="start" type="date" defaultValue={values.start} error={errors.start} />
          <FormField label={t("reports.form.end")} name="end" type="date" defaultValue={values.end} error={errors.end} />
        </div>
      ) : errors.end ? (
        <p className="field__error" role="alert">
          {errors.end}
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" name="includeSubChapters" defaultChecked={values.includeSubChapters === "on"} />{" "}
        {t("reports.form.includeSubChapters")}
      </label>
      <button type="submit" className="button button--primary">
        {t("reports.form.create")}
      </button>
    </Form>
  );
}

export default function ReportsPage() {
  const { reports, summary, canCreate, defaults } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("reports.title")}
        intro={summary ? t("reports.list.introDinsos") : t("reports.list.introBoard")}
        actions={
          canCreate ? (
            <Link className="button" to="/reports/certificates">
              {t("reports.list.certificates")}
            </Link>
          ) : null
        }
      />
      <section className="card">
        {reports.length === 0 ? (
          <p>{t("reports.list.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="reports">
              <thead>
                <tr>
                  <th>{t("reports.list.period")}</th>
                  {summary ? <th>{t("reports.list.chapter")}</th> : null}
                  <th>{t("reports.list.number")}</th>
                  <th>{t("reports.list.status")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <CardCell label={t("reports.list.period")}>
                      <Link to={`/reports/${r.id}`}>{r.periodLabel}</Link>
                    </CardCell>
                    {summary ? <CardCell label={t("reports.list.chapter")}>{r.chapter.name}</CardCell> : null}
                    <CardCell label={t("reports.list.number")}>{r.number ?? "–"}</CardCell>
                    <CardCell label={t("reports.list.status")}>
                      {t(`reports.status.${r.status}` as "reports.status.draft")}
                      {r.submittedDay ? <small className="muted"> · {formatCalendarDateShort(r.submittedDay)}</small> : null}
                      {r.outdated ? (
                        <strong className="form-error" data-testid="outdated">
                          {" "}
                          · {t("reports.list.outdated")}
                        </strong>
                      ) : null}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canCreate ? <NewReportForm defaults={defaults} /> : null}
      {summary && summary.reports.length ? (
        <section className="card" data-testid="received-summary">
          <h2>{t("reports.summary.title")}</h2>
          <p className="muted" data-testid="summary-counts">
            {t("reports.summary.counts")}
          </p>
          <p>
            {t("reports.summary.totals", {
              reports: summary.counted,
              activities: formatNumber(summary.totals.activities),
              hours: formatReportHours(summary.totals.hours),
              people: formatNumber(summary.totals.people),
            })}
          </p>
          <BarChart
            title={t("reports.summary.hours")}
            rows={summary.reports.map((r) => ({
              label: `${r.chapter} · ${r.periodLabel}${r.counted ? "" : ` (${t("reports.summary.notCounted")})`}`,
              value: reportHours(r.hours),
            }))}
          />
          <BarChart title={t("reports.summary.byCategory")} rows={summary.byCategory.slice(0, 12)} />
          <BarChart title={t("reports.summary.byDistrict")} rows={summary.byDistrict} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
