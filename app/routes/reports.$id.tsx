import { CardCell } from "~/components/CardCell";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/BarChart";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ReasonForm } from "~/components/ReasonForm";
import {
  createCorrection,
  deleteDraft,
  getReport,
  reportRights,
  retrySubmission,
  reviewReport,
  submitReport,
} from "~/domain/reports/reports.server";
import type { Refusal } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { formatCalendarDateLong, formatNumber, formatRupiah } from "~/utils/format";
import { formatReportHours, reportHours } from "~/utils/report-hours";
import { parseForm } from "~/utils/forms";
import { badRequest, invalidForm, refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { reviewSchema } from "~/validation/reports";
import { readFormData } from "~/utils/request-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.periodLabel ?? t("reports.title")} · ${t("app.name")}` },
];

// /reports/:id: a draft shows what its PDF will contain (live figures from verified activities);
// a submitted report shows its frozen figures, number, hashes and verification page. The Ketua
// submits; the board drafts corrections; the Dinas Sosial receives or returns.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, ["read:report:chapter", "receive:report:chapter"]);
  const { report } = unwrap(await getReport(actor, params.id ?? ""));
  return { report, timeZone: actor.timeZone, ...reportRights(actor) };
}

/** A refused button: its sentence as a toast on the report's page; without one, the error page. */
async function refusedToast(back: string, refusal: Refusal) {
  const message = refusal.refusal === "invalid" ? refusal.formError : refusal.message;
  if (refusal.refusal === "notFound" || !message) throw refusalResponse(refusal);
  return redirectWithToastText(back, "error", message);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, ["create:report:chapter", "submit:report:chapter", "receive:report:chapter"]);
  const id = params.id ?? "";
  const back = `/reports/${id}`;
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "submit") {
    const result = await submitReport(actor, id);
    if (!result.ok) return refusedToast(back, result);
    // numbered, but its files failed: the page says so and offers to try again
    if (result.filesPending) return redirectWithToast(back, "error", "reports.detail.filesPending", { number: result.number });
    return redirectWithToast(back, "success", "reports.detail.submitted", { number: result.number });
  }
  if (intent === "complete") {
    const result = await retrySubmission(actor, id);
    if (!result.ok) return refusedToast(back, result);
    return redirectWithToast(back, "success", "reports.detail.submitted", { number: result.number });
  }
  if (intent === "delete") {
    unwrap(await deleteDraft(actor, id));
    return redirectWithToast("/reports", "success", "reports.detail.deleted");
  }
  if (intent === "correct") {
    const result = await createCorrection(actor, id);
    if (!result.ok) return refusedToast(back, result);
    return redirectWithToast(`/reports/${result.id}`, "success", "reports.detail.correctionCreated");
  }
  if (intent === "receive" || intent === "return") {
    let note: string | null = null;
    if (intent === "return") {
      const parsed = parseForm(reviewSchema, form);
      if (!parsed.success) return invalidForm(parsed, { intent });
      note = parsed.data.note;
    }
    const result = await reviewReport(actor, id, intent === "receive" ? "received" : "returned", note);
    if (!result.ok) return refusedToast(back, result);
    return redirectWithToast(back, "success", intent === "receive" ? "reports.detail.received" : "reports.detail.returned");
  }
  badRequest();
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
    </div>
  );
}

export default function ReportPage() {
  const { report: r, canSubmit, canCreate, canReview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const f = r.figures;
  const draft = r.status === "draft";
  return (
    <>
      <PageHeader
        title={t("reports.detail.title", { period: r.periodLabel })}
        intro={`${r.chapter.name} · ${t(`reports.status.${r.status}` as "reports.status.draft")}`}
        actions={
          draft || r.hasFiles ? (
            <>
              <a className="button" href={`/reports/${r.id}.pdf`}>
                {t("reports.detail.pdf")}
              </a>
              <a className="button" href={`/reports/${r.id}.xlsx`} download>
                {t("reports.detail.xlsx")}
              </a>
            </>
          ) : null
        }
      />
      {r.supersedes?.number ? (
        <p className="notice">
          <Link to={`/reports/${r.supersedes.id}`}>{t("reports.detail.supersedes", { number: r.supersedes.number })}</Link>
        </p>
      ) : null}
      {r.supersededBy?.number ? (
        <p className="notice">
          <Link to={`/reports/${r.supersededBy.id}`}>{t("reports.detail.supersededBy", { number: r.supersededBy.number })}</Link>
        </p>
      ) : null}
      {r.outdated ? (
        <p className="notice" role="status" data-testid="outdated">
          {t("reports.detail.outdated", {
            frozen: formatNumber(r.outdated.frozen),
            verified: formatNumber(r.outdated.verified),
            changed: formatNumber(r.outdated.changed),
          })}
          {canCreate && !r.supersededBy ? ` ${t("reports.detail.outdatedHint")}` : ""}
        </p>
      ) : null}
      {r.reviewNote ? <p className="notice">{t("reports.detail.reviewNote", { note: r.reviewNote })}</p> : null}
      {r.sealed ? (
        <section className="card" data-testid="sealed">
          <p className="notice" role="status">
            {t("reports.detail.sealedNote", { number: r.number ?? "" })}
          </p>
          {r.filesError ? <p className="form-error">{t("reports.detail.sealedError", { error: r.filesError })}</p> : null}
          {canSubmit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="complete" />
              <button type="submit" className="button button--primary">
                {t("reports.detail.completeFiles")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {draft ? (
        <section className="card">
          <p className="notice">{t("reports.detail.draftNote")}</p>
          {f.waiting ? <p data-testid="waiting">{t("reports.detail.waiting", { count: formatNumber(f.waiting) })}</p> : null}
          {canSubmit ? (
            <Form method="post" onSubmit={(e) => (!confirm(t("reports.detail.submitConfirm")) ? e.preventDefault() : undefined)}>
              <input type="hidden" name="intent" value="submit" />
              <button type="submit" className="button button--primary">
                {t("reports.detail.submit")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("reports.detail.onlyKetua")}</p>
          )}
          {canCreate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--ghost">
                {t("reports.detail.delete")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : (
        <section className="card" data-testid="frozen">
          <dl className="facts">
            <dt>{t("reports.detail.number")}</dt>
            <dd data-testid="report-number">{r.number}</dd>
            <dt>{t("reports.detail.submittedAt")}</dt>
            <dd>
              {r.submittedDay ? formatCalendarDateLong(r.submittedDay) : "–"}
              {r.submittedBy ? ` · ${r.submittedBy.name}` : ""}
            </dd>
            <dt>{t("reports.detail.hash")}</dt>
            <dd>
              <code>{r.contentHash}</code>
            </dd>
            <dt>{t("reports.detail.pdfHash")}</dt>
            <dd>
              <code>{r.pdfHash}</code>
            </dd>
            {r.sealed ? null : (
              <>
                <dt>{t("reports.detail.verify")}</dt>
                <dd>
                  <Link to={`/verify/${r.verifyCode}`}>/verify/{r.verifyCode}</Link>
                </dd>
              </>
            )}
          </dl>
          {canReview && r.status === "submitted" ? (
            <>
              <h2>{t("reports.detail.review")}</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="receive" />
                <button type="submit" className="button button--primary">
                  {t("reports.detail.receive")}
                </button>
              </Form>
              <ReasonForm
                intent="return"
                label={t("reports.detail.returnNote")}
                submit={t("reports.detail.return")}
                error={actionData && "fieldErrors" in actionData ? (actionData.fieldErrors as Record<string, string>).note : undefined}
                fieldName="note"
              />
            </>
          ) : null}
          {canCreate && ["submitted", "received", "returned"].includes(r.status) && !r.supersededBy ? (
            <Form method="post">
              <input type="hidden" name="intent" value="correct" />
              <button type="submit" className="button">
                {t("reports.detail.correct")}
              </button>
            </Form>
          ) : null}
        </section>
      )}
      <section className="card">
        <h2>{t("reports.detail.summary")}</h2>
        <div className="stats stats--money">
          <Stat
            label={
              f.members.asOf
                ? t("reports.detail.membersAsOf", { date: formatCalendarDateLong(f.members.asOf) })
                : t("reports.detail.activeMembers")
            }
            value={formatNumber(f.members.active)}
            testId="fig-members"
          />
          <Stat label={t("reports.detail.activeVolunteers")} value={formatNumber(f.volunteersActive)} testId="fig-volunteers" />
          <Stat label={t("reports.detail.activities")} value={formatNumber(f.activities.count)} testId="fig-activities" />
          <Stat label={t("reports.detail.fieldHours")} value={formatReportHours(f.hours.field)} testId="fig-field-hours" />
          <Stat label={t("reports.detail.trainingHours")} value={formatReportHours(f.hours.training)} testId="fig-training-hours" />
          <Stat label={t("reports.detail.people")} value={formatNumber(f.people.total)} testId="fig-people" />
          <Stat label={t("reports.detail.households")} value={formatNumber(f.households)} testId="fig-households" />
          <Stat label={t("reports.detail.aid")} value={formatRupiah(f.aid.totalValue)} testId="fig-aid" />
        </div>
        <p className="muted">
          {t("reports.detail.followUps", { opened: f.followUps.opened, closed: f.followUps.closed, open: f.followUps.open })} ·{" "}
          {t("reports.detail.trainings", { count: f.trainings.events.length, hours: formatReportHours(f.trainings.hours) })}
        </p>
        <BarChart
          title={t("reports.detail.hoursByMonth")}
          rows={f.hoursByMonth.map((m) => ({ label: m.month, value: reportHours(m.hours) }))}
        />
        <BarChart title={t("reports.detail.byType")} rows={f.activities.byType.map((x) => ({ label: x.name, value: x.activities }))} />
        <BarChart
          title={t("reports.detail.byCategory")}
          rows={f.people.byCategory.map((c) => ({ label: c.name, value: c.total })).sort((a, b) => b.value - a.value)}
          testId="report-categories"
        />
        <BarChart
          title={t("reports.detail.byDistrict")}
          rows={f.categoryByDistrict.districts.map((d, i) => ({
            label: d.name,
            value: f.categoryByDistrict.rows.reduce((sum, row) => sum + (row.counts[i] ?? 0), 0),
          }))}
        />
      </section>
      {f.programmes.length ? (
        <section className="card">
          <h2>{t("reports.detail.programmes")}</h2>
          <ul className="plain-list">
            {f.programmes.map((p) => (
              <li key={p.name}>
                {p.name} · {formatRupiah(p.spent)} / {formatRupiah(p.budget)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("reports.detail.volunteers", { count: f.volunteers.length })}</h2>
        <details>
          <summary>{t("reports.detail.volunteers", { count: f.volunteers.length })}</summary>
          <div className="table-wrap">
            <table className="table table--cards" data-testid="report-volunteers">
              <thead>
                <tr>
                  <th>{t("reports.pdf.column.name")}</th>
                  <th>{t("reports.pdf.column.memberNumber")}</th>
                  <th className="num">{t("reports.pdf.column.activities")}</th>
                  <th className="num">{t("reports.pdf.column.hours")}</th>
                </tr>
              </thead>
              <tbody>
                {f.volunteers.map((v) => (
                  <tr key={`${v.name}-${v.memberNumber}`}>
                    <CardCell label={t("reports.pdf.column.name")}>{v.name}</CardCell>
                    <CardCell label={t("reports.pdf.column.memberNumber")}>{v.memberNumber ?? "–"}</CardCell>
                    <CardCell label={t("reports.pdf.column.activities")} className="num">
                      {formatNumber(v.activities)}
                    </CardCell>
                    <CardCell label={t("reports.pdf.column.hours")} className="num">
                      {formatReportHours(v.hours)}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
