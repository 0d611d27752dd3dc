import { Form } from "@remix-run/react";
import { t } from "~/i18n";

/** The administrator's chapter setting "Wajibkan verifikasi dua langkah" (/chapters/:id; docs/decisions/024). */
export function SecondFactorRequirementForm({ required }: { required: boolean }) {
  return (
    <section className="card" aria-labelledby="second-factor-requirement">
      <h2 id="second-factor-requirement">{t("secondFactor.chapter.title")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="second-factor" />
        <label className="checkbox">
          <input type="checkbox" name="requireSecondFactor" defaultChecked={required} /> {t("secondFactor.chapter.require")}
        </label>
        <p className="muted">{t("secondFactor.chapter.help")}</p>
        <button type="submit" className="button button--primary">
          {t("secondFactor.chapter.save")}
        </button>
      </Form>
    </section>
  );
}
