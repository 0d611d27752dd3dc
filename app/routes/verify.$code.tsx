import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { verifyCardCode, type CardCheck } from "~/domain/members/cards.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { verifyReportCode } from "~/domain/reports/reports.server";
import { verifyCertificateCode, type CertificateCheck } from "~/domain/reports/service-certificates.server";
import { formatDateLong, formatHours, formatNumber } from "~/utils/format";
import { notFound } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("verify.title")} · ${t("app.name")}` }, { name: "robots", content: "noindex" }];

// Public (no login): anyone holding a printed card, report or certificate of service scans its
// QR code and lands here.
// Each kind of code has a `kind` in the loader's union and its own result panel, and says only
// what a verifier needs (never NIK, address or phone; of a report, its number, period, chapter,
// hashes, submission date and totals).
export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const card = await verifyCardCode(code);
  if (card) return { kind: "member-card" as const, card };
  const report = await verifyReportCode(code);
  if (report) return { kind: "report" as const, report };
  const certificate = await verifyCertificateCode(code);
  if (certificate) return { kind: "certificate" as const, certificate };
  notFound();
}

/** A certificate of service (Surat Keterangan Relawan PSM): who, which period, the frozen totals, never NIK, address or phone. */
function CertificateResult({ certificate }: { certificate: Omit<CertificateCheck, "issuedAt"> & { issuedAt: Date | string } }) {
  const valid = certificate.intact;
  return (
    <section className={`verify verify--${valid ? "valid" : "revoked"}`} data-testid="verify-result" aria-live="polite">
      <p className="verify__kind">{t("verify.certificate.kind")}</p>
      <h1 className="verify__state">{valid ? t("verify.certificate.valid") : t("verify.certificate.altered")}</h1>
      <p className="verify__explanation">{valid ? t("verify.certificate.validText") : t("verify.certificate.alteredText")}</p>
      <dl className="verify__facts">
        <dt>{t("verify.certificate.name")}</dt>
        <dd>{certificate.name}</dd>
        <dt>{t("verify.certificate.memberNumber")}</dt>
        <dd>{certificate.memberNumber ?? "–"}</dd>
        <dt>{t("verify.certificate.chapter")}</dt>
        <dd>{certificate.chapter}</dd>
        <dt>{t("verify.certificate.period")}</dt>
        <dd>{certificate.periodLabel}</dd>
        <dt>{t("verify.certificate.hours")}</dt>
        <dd>{t("certificates.hours", { hours: formatHours(certificate.hours) })}</dd>
        <dt>{t("verify.certificate.activities")}</dt>
        <dd>{formatNumber(certificate.activities)}</dd>
        <dt>{t("verify.certificate.trainingHours")}</dt>
        <dd>{t("certificates.hours", { hours: formatHours(certificate.trainingHours) })}</dd>
        <dt>{t("verify.certificate.number")}</dt>
        <dd>{certificate.number}</dd>
        <dt>{t("verify.certificate.issuedAt")}</dt>
        <dd>{formatDateLong(certificate.issuedAt, certificate.timeZone)}</dd>
        <dt>{t("verify.certificate.hash")}</dt>
        <dd>
          <code className="hash">{certificate.contentHash}</code>
        </dd>
      </dl>
      <p className="muted">{t("verify.certificate.note")}</p>
    </section>
  );
}

type ShownReportCheck = Omit<NonNullable<Awaited<ReturnType<typeof verifyReportCode>>>, "submittedAt"> & { submittedAt: Date | string };

function ReportResult({ report }: { report: ShownReportCheck }) {
  const state = !report.intact ? "altered" : report.supersededBy ? "superseded" : "valid";
  const headline = { valid: t("verify.report.valid"), superseded: t("verify.report.superseded"), altered: t("verify.report.altered") }[
    state
  ];
  const explanation = {
    valid: t("verify.report.validText"),
    superseded: t("verify.report.supersededText", { number: report.supersededBy ?? "" }),
    altered: t("verify.report.alteredText"),
  }[state];
  return (
    <section className={`verify verify--${state === "valid" ? "valid" : "revoked"}`} data-testid="verify-result" aria-live="polite">
      <p className="verify__kind">{t("verify.report.kind")}</p>
      <h1 className="verify__state">{headline}</h1>
      <p className="verify__explanation">{explanation}</p>
      <dl className="verify__facts">
        <dt>{t("verify.report.number")}</dt>
        <dd>{report.number}</dd>
        <dt>{t("verify.report.chapter")}</dt>
        <dd>{report.chapter}</dd>
        <dt>{t("verify.report.period")}</dt>
        <dd>{report.periodLabel}</dd>
        <dt>{t("verify.report.submittedAt")}</dt>
        <dd>{formatDateLong(report.submittedAt, report.timeZone)}</dd>
        <dt>{t("verify.report.hash")}</dt>
        <dd>
          <code className="hash">{report.contentHash}</code>
        </dd>
        <dt>{t("verify.report.pdfHash")}</dt>
        <dd>
          <code className="hash">{report.pdfHash}</code>
        </dd>
      </dl>
      <p className="muted">
        {t("verify.report.totals", {
          activities: formatNumber(report.totals.activities),
          hours: formatHours(report.totals.hours),
          people: formatNumber(report.totals.people),
        })}
      </p>
    </section>
  );
}

/** A card check as it reaches the browser (dates serialised as strings). */
type ShownCardCheck = Omit<CardCheck, "validUntil" | "revokedAt"> & { validUntil: Date | string; revokedAt: Date | string | null };

function CardResult({ card }: { card: ShownCardCheck }) {
  const zone = card.chapterTimeZone;
  const headline = {
    valid: t("verify.card.valid"),
    revoked: t("verify.card.revoked"),
    expired: t("verify.card.expired"),
    ended: t("verify.card.expired"),
  }[card.state];
  const explanation = {
    valid: card.candidate ? t("verify.card.candidateValidText") : t("verify.card.validText"),
    ended: t("verify.card.candidateEndedText"),
    revoked: t("verify.card.revokedText", { date: card.revokedAt ? formatDateLong(card.revokedAt, zone) : "–" }),
    expired: t("verify.card.expiredText", { date: formatDateLong(card.validUntil, zone) }),
  }[card.state];
  return (
    <section className={`verify verify--${card.state === "ended" ? "expired" : card.state}`} data-testid="verify-result" aria-live="polite">
      <p className="verify__kind">{card.candidate ? t("verify.card.candidateKind") : t("verify.card.kind")}</p>
      <h1 className="verify__state">{headline}</h1>
      <p className="verify__explanation">{explanation}</p>
      <dl className="verify__facts">
        <dt>{t("verify.card.name")}</dt>
        <dd>{card.memberName}</dd>
        <dt>{t("verify.card.chapter")}</dt>
        <dd>{card.chapterName}</dd>
        <dt>{t("verify.card.status")}</dt>
        <dd>{memberStatusLabel(card.memberStatus)}</dd>
        <dt>{t("verify.card.validUntil")}</dt>
        <dd>{formatDateLong(card.validUntil, zone)}</dd>
      </dl>
      <p className="muted">{t("verify.card.note")}</p>
    </section>
  );
}

export default function VerifyPage() {
  const result = useLoaderData<typeof loader>();
  if (result.kind === "certificate") return <CertificateResult certificate={result.certificate} />;
  return result.kind === "report" ? <ReportResult report={result.report} /> : <CardResult card={result.card} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  return (
    <section className="error-page" role="alert">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.notFound")}</p>
    </section>
  );
}
