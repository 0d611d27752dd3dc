import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { verifyCardCode } from "~/domain/cards.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [
  { title: `${t("verify.title")} · ${t("app.name")}` },
  { name: "robots", content: "noindex" },
];

// Public (no login): anyone holding a printed card can check it. The reports issue adds the
// codes of submitted reports here; each kind says only what a verifier needs.
export async function loader({ params }: LoaderFunctionArgs) {
  const card = await verifyCardCode(params.code ?? "");
  if (!card) notFound();
  return { card };
}

export default function VerifyPage() {
  const { card } = useLoaderData<typeof loader>();
  const headline = { valid: t("verify.card.valid"), revoked: t("verify.card.revoked"), expired: t("verify.card.expired") }[card.state];
  const explanation = {
    valid: t("verify.card.validText"),
    revoked: t("verify.card.revokedText", { date: card.revokedAt ? formatCalendarDateLong(card.revokedAt) : "" }),
    expired: t("verify.card.expiredText", { date: formatCalendarDateLong(card.validUntil) }),
  }[card.state];
  return (
    <section className={`verify verify--${card.state}`} data-testid="verify-result">
      <h1>{headline}</h1>
      <p>{explanation}</p>
      <dl className="facts">
        <dt>{t("verify.card.name")}</dt>
        <dd>{card.memberName}</dd>
        <dt>{t("verify.card.chapter")}</dt>
        <dd>{card.chapterName}</dd>
        <dt>{t("verify.card.status")}</dt>
        <dd>{memberStatusLabel(card.memberStatus)}</dd>
        <dt>{t("verify.card.validUntil")}</dt>
        <dd>{formatCalendarDateLong(card.validUntil)}</dd>
      </dl>
      <p className="muted">{t("verify.card.note")}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return (
    <section className="error-page" role="alert">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.notFound")}</p>
    </section>
  );
}
