// The card on /profile that leads to /profile/second-factor (docs/decisions/024), apart from the
// forms of that page so that the profile does not load them (docs/decisions/028).
import { Link } from "@remix-run/react";
import { t } from "~/i18n";

/** The card on /profile that leads to the second factor's page. */
export function SecondFactorCard() {
  return (
    <section className="card" aria-labelledby="second-factor">
      <h2 id="second-factor">{t("secondFactor.title")}</h2>
      <p className="muted">{t("secondFactor.intro")}</p>
      <Link className="button" to="/profile/second-factor">
        {t("secondFactor.profileLink")}
      </Link>
    </section>
  );
}
