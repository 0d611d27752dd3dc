import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/PageHeader";
import { t } from "~/i18n";
import { SetPasswordForm } from "./SetPasswordForm";

type LinkPage = { usable: true; name: string; email: string } | { usable: false; problem: string };

/**
 * The page behind a single-use link: the password form for the person it is for, or, for a link
 * that is unknown, used or expired, why, and whom to ask for a new one.
 */
export function LinkPasswordPage({
  page,
  title,
  intro,
  fieldErrors,
  formError,
}: {
  page: LinkPage;
  title: string;
  intro: (who: { name: string; email: string }) => string;
  fieldErrors?: Record<string, string>;
  formError?: string;
}) {
  if (!page.usable) {
    return (
      <div className="login">
        <PageHeader title={t("links.unusable.title")} />
        <p className="notice" role="alert">
          {page.problem}
        </p>
        <Link to="/login">{t("links.toLogin")}</Link>
      </div>
    );
  }
  return (
    <div className="login">
      <PageHeader title={title} intro={intro(page)} />
      <SetPasswordForm fieldErrors={fieldErrors} formError={formError} />
    </div>
  );
}
