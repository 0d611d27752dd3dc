import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/PageHeader";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("privacy.title")} · ${t("app.name")}` }];

// /privacy (public): what the portal keeps of applicants and members, why, who receives what,
// and how to ask for access, correction or erasure (UU 27/2022).
export default function PrivacyPage() {
  return (
    <article className="card">
      <PageHeader title={t("privacy.title")} />
      <p>{t("privacy.body1")}</p>
      <p>{t("privacy.body2")}</p>
      <p>{t("privacy.body3")}</p>
      <p>{t("privacy.body4")}</p>
    </article>
  );
}
