import { t } from "~/i18n";

/** The privacy notice's text (app/i18n/id/privacy.ts), as the /privacy page and the consent page show it. */
export function PrivacyNotice({ sessionHours }: { sessionHours: number }) {
  return (
    <div className="privacy-notice" data-testid="privacy-notice">
      <p>{t("privacy.intro")}</p>
      <h2>{t("privacy.kept.title")}</h2>
      <ul>
        <li>{t("privacy.kept.members")}</li>
        <li>{t("privacy.kept.residents")}</li>
        <li>{t("privacy.kept.accounts")}</li>
      </ul>
      <h2>{t("privacy.why.title")}</h2>
      <p>{t("privacy.why.body")}</p>
      <h2>{t("privacy.who.title")}</h2>
      <p>{t("privacy.who.body")}</p>
      <h2>{t("privacy.retention.title")}</h2>
      <ul>
        <li>{t("privacy.retention.members")}</li>
        <li>{t("privacy.retention.residents")}</li>
        <li>{t("privacy.retention.accounts", { hours: sessionHours })}</li>
      </ul>
      <h2>{t("privacy.rights.title")}</h2>
      <p>{t("privacy.rights.body")}</p>
      <h2>{t("privacy.security.title")}</h2>
      <p>{t("privacy.security.body")}</p>
    </div>
  );
}
