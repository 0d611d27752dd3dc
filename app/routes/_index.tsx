import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/BarChart";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getDashboard } from "~/domain/dashboard/dashboard.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatDateLong, formatHours, formatMonth, formatNumber } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { MEMBER_STATUSES } from "~/validation/member-codes";

export const meta: MetaFunction = () => [{ title: `${t("dashboard.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:dashboard:own");
  const { ok: _ok, ...dashboard } = unwrap(await getDashboard(actor));
  return dashboard;
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const counts = d.memberCounts;
  const inactive = counts.nonaktif + counts.mengundurkan_diri + counts.meninggal + counts.diberhentikan;
  return (
    <>
      <PageHeader
        title={t("dashboard.greeting", { name: d.userName })}
        intro={`${d.chapterName} · ${t("dashboard.asOf", { date: formatDateLong(d.generatedAt, d.timeZone) })}`}
        actions={
          d.canExportMembers ? (
            <a href="/members.pdf" className="button" download>
              {t("dashboard.members.pdf")}
            </a>
          ) : null
        }
      />
      {d.canLogActivity ? (
        <Link to="/activities/new" className="button button--primary button--block button--large" data-testid="log-activity">
          {t("activities.list.new")}
        </Link>
      ) : null}
      <section className="stats" aria-label={t("dashboard.members.byStatus")}>
        <Stat label={t("dashboard.members.total")} value={counts.total} testId="stat-members-total" />
        <Stat label={t("dashboard.members.active")} value={counts.aktif} testId="stat-members-active" />
        <Stat label={t("dashboard.members.candidates")} value={counts.calon} testId="stat-members-candidates" />
        <Stat label={t("dashboard.members.inactive")} value={inactive} testId="stat-members-inactive" />
      </section>
      {d.isProvince ? (
        <p className="notice">
          <Link to="/province">{t("province.link")}</Link>
        </p>
      ) : null}

      {d.ownMembership !== undefined ? (
        <section className="card">
          <h2>{t("dashboard.volunteer.profile")}</h2>
          {d.ownMembership ? (
            <dl className="facts">
              <dt>{t("members.col.name")}</dt>
              <dd>{d.ownMembership.fullName}</dd>
              <dt>{t("members.col.status")}</dt>
              <dd>{memberStatusLabel(d.ownMembership.status)}</dd>
              <dt>{t("members.col.village")}</dt>
              <dd>{d.ownMembership.village.name}</dd>
              <dt>{t("members.col.joinDate")}</dt>
              <dd>{formatCalendarDateLong(d.ownMembership.joinDate)}</dd>
            </dl>
          ) : (
            <p>{t("dashboard.volunteer.noMember")}</p>
          )}
        </section>
      ) : null}

      {d.openDuplicates > 0 ? (
        <p className="notice">
          <Link to="/members/duplicates">{t("members.duplicates.count", { count: d.openDuplicates })}</Link>
        </p>
      ) : null}

      {d.isDinsos ? (
        <p className="notice" data-testid="reports-awaiting">
          <Link to="/reports">
            {d.reportsAwaiting ? t("dashboard.dinsos.awaiting", { count: d.reportsAwaiting }) : t("dashboard.dinsos.intro")}
          </Link>
        </p>
      ) : null}

      {d.activities ? (
        <section className="card" data-testid="activity-card">
          <h2>{t("dashboard.activities.title", { month: formatMonth(d.activities.monthStart) })}</h2>
          <div className="stats">
            <Stat label={t("dashboard.activities.hours")} value={formatHours(d.activities.hours)} testId="stat-activity-hours" />
            <Stat label={t("dashboard.activities.count")} value={d.activities.activities} testId="stat-activity-count" />
            <Stat label={t("dashboard.activities.people")} value={d.activities.people} testId="stat-activity-people" />
            <Stat label={t("dashboard.activities.backlog")} value={d.activities.backlog} testId="stat-activity-backlog" />
          </div>
          <BarChart title={t("dashboard.activities.byCategory")} rows={d.activities.byCategory.slice(0, 8)} testId="chart-category" />
          <BarChart title={t("dashboard.activities.byDistrict")} rows={d.activities.byDistrict} testId="chart-district" />
          <p>
            <Link to="/activities/verification">{t("activities.verify.title")} →</Link>
          </p>
        </section>
      ) : null}

      {d.certificates ? (
        <section className="card" data-testid="certificate-card">
          <h2>{t("trainings.dashboard.title")}</h2>
          <div className="stats">
            <Stat label={t("trainings.dashboard.expired")} value={d.certificates.expired} testId="stat-certificates-expired" />
            <Stat label={t("trainings.dashboard.expiring")} value={d.certificates.expiring} testId="stat-certificates-expiring" />
          </div>
          <p>
            <Link to="/trainings/certificates">{t("trainings.board.expiry")} →</Link>
          </p>
        </section>
      ) : null}

      {d.canExportMembers ? (
        <section className="card">
          <h2>{t("dashboard.members.byStatus")}</h2>
          <table className="table">
            <tbody>
              {MEMBER_STATUSES.map((status) => (
                <tr key={status}>
                  <th scope="row">{memberStatusLabel(status)}</th>
                  <td className="num">{formatNumber(counts[status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link to="/members">{t("nav.members")} →</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat__value">{typeof value === "number" ? formatNumber(value) : value}</span>
      <span className="stat__label">{label}</span>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
