import { CardCell } from "~/components/CardCell";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { expiringCertificates } from "~/domain/trainings/certificates.server";
import { t } from "~/i18n";
import { formatCalendarDateLong, formatCalendarDateShort } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { EXPIRY_WINDOW_DAYS } from "~/validation/training-values";

export const meta: MetaFunction = () => [{ title: `${t("trainings.expiry.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const { today, expired, expiring, reminders } = unwrap(await expiringCertificates(actor));
  return { today, expired, expiring, reminders };
}

type Row = Awaited<ReturnType<typeof loader>>["expired"][number];

function CertificateRows({ rows, testId }: { rows: Row[]; testId: string }) {
  if (rows.length === 0) return <p>{t("trainings.expiry.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--cards" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("trainings.column.name")}</th>
            <th>{t("trainings.column.certificate")}</th>
            <th>{t("trainings.column.certNumber")}</th>
            <th>{t("trainings.column.expires")}</th>
            <th>{t("trainings.column.daysLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <CardCell label={t("trainings.column.name")}>
                <Link to={`/members/${r.member.id}/trainings`}>{r.member.fullName}</Link>
              </CardCell>
              <CardCell label={t("trainings.column.certificate")}>{r.title}</CardCell>
              <CardCell label={t("trainings.column.certNumber")} className="mono">
                {r.number}
              </CardCell>
              <CardCell label={t("trainings.column.expires")}>{r.expiresOn ? formatCalendarDateShort(r.expiresOn) : "–"}</CardCell>
              <CardCell label={t("trainings.column.daysLeft")}>
                {r.daysLeft < 0
                  ? t("trainings.expiry.daysAgo", { days: -r.daysLeft })
                  : r.daysLeft === 0
                    ? t("trainings.expiry.today")
                    : t("trainings.expiry.daysLeft", { days: r.daysLeft })}
              </CardCell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ExpiryPage() {
  const { today, expired, expiring, reminders } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("trainings.expiry.title")}
        intro={t("trainings.expiry.intro", { days: EXPIRY_WINDOW_DAYS, date: formatCalendarDateLong(today) })}
      />
      <section className="card">
        <h2>{t("trainings.expiry.expired", { count: expired.length })}</h2>
        <CertificateRows rows={expired} testId="expired" />
      </section>
      <section className="card">
        <h2>{t("trainings.expiry.expiring", { days: EXPIRY_WINDOW_DAYS, count: expiring.length })}</h2>
        <CertificateRows rows={expiring} testId="expiring" />
      </section>
      {reminders.length ? (
        <section className="card">
          <h2>{t("trainings.expiry.whatsapp.title")}</h2>
          <p className="muted">{t("trainings.expiry.whatsapp.intro")}</p>
          <ul className="plain-list" data-testid="certificate-reminders">
            {reminders.map((r) => (
              <li key={r.memberId}>
                {r.whatsappUrl ? (
                  <a className="button" href={r.whatsappUrl} target="_blank" rel="noreferrer">
                    {t("trainings.expiry.whatsapp.send", { name: r.name })}
                  </a>
                ) : (
                  <span className="muted">{t("trainings.expiry.whatsapp.noPhone", { name: r.name })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
