import { t } from "~/i18n";

/** After returning activities: one ready WhatsApp message per volunteer (docs/decisions/029). */
export function ReturnNotices({ notices }: { notices: { activityId: string; name: string; whatsappUrl: string | null }[] }) {
  if (notices.length === 0) return null;
  return (
    <section className="card" data-testid="return-notices">
      <h2>{t("notifications.whatsapp.title")}</h2>
      <ul className="plain-list">
        {notices.map((n) => (
          <li key={n.activityId}>
            {n.whatsappUrl ? (
              <a
                className="button"
                href={n.whatsappUrl}
                target="_blank"
                rel="noreferrer"
                aria-label={t("notifications.whatsapp.sendTo", { name: n.name })}
              >
                {t("notifications.whatsapp.send")}
              </a>
            ) : (
              <span className="muted">{t("notifications.whatsapp.noPhone", { name: n.name })}</span>
            )}{" "}
            {n.whatsappUrl ? <span>{n.name}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
