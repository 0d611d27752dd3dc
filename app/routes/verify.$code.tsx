import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { verifyCardCode, type CardCheck } from "~/domain/member-cards.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatDateLong } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [
  { title: `${t("verify.title")} · ${t("app.name")}` },
  { name: "robots", content: "noindex" },
];

// Public (no login): anyone holding a printed card scans its QR code and lands here. The codes
// of other printed documents (submitted reports) will be looked up here too: each kind of code
// adds a `kind` to the loader's union and its own result panel, and says only what a verifier
// needs (never NIK, address or phone).
export async function loader({ params }: LoaderFunctionArgs) {
  const card = await verifyCardCode(params.code ?? "");
  if (card) return { kind: "member-card" as const, card };
  notFound();
}

/** A card check as it reaches the browser (dates serialised as strings). */
type ShownCardCheck = Omit<CardCheck, "validUntil" | "revokedAt"> & { validUntil: Date | string; revokedAt: Date | string | null };

function CardResult({ card }: { card: ShownCardCheck }) {
  const zone = card.chapterTimeZone;
  const headline = { valid: t("verify.card.valid"), revoked: t("verify.card.revoked"), expired: t("verify.card.expired") }[card.state];
  const explanation = {
    valid: t("verify.card.validText"),
    revoked: t("verify.card.revokedText", { date: card.revokedAt ? formatDateLong(card.revokedAt, zone) : "–" }),
    expired: t("verify.card.expiredText", { date: formatDateLong(card.validUntil, zone) }),
  }[card.state];
  return (
    <section className={`verify verify--${card.state}`} data-testid="verify-result" aria-live="polite">
      <p className="verify__kind">{t("verify.card.kind")}</p>
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
  return <CardResult card={result.card} />;
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
