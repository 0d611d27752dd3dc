import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { t } from "~/i18n";
import { notFound } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("verify.title")} · ${t("app.name")}` }];

// Public (no login): checks member cards and submitted reports by their code. No card or report
// has a code yet, so every code is unknown until the membership and report issues add them.
export async function loader(_args: LoaderFunctionArgs) {
  notFound();
  return null;
}

export default function VerifyPage() {
  return null;
}

export function ErrorBoundary() {
  return (
    <section className="error-page" role="alert">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.notFound")}</p>
    </section>
  );
}
