import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { SignOutForm } from "~/components/SignOutForm";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { t } from "~/i18n";
import { endUserSession, getUser } from "~/http/session.server";

export const meta: MetaFunction = () => [{ title: `${t("logout.title")} · ${t("app.name")}` }];

// Signing out changes state, so only a POST (the menu's button, or this page's) does it; a GET of
// /logout (a typed URL, or a link or image on another site) only asks (docs/decisions/022).
export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUser(request))) throw redirect("/login");
  return null;
}

export default function LogoutPage() {
  return (
    <section className="login">
      <h1>{t("logout.title")}</h1>
      <p>{t("logout.confirm")}</p>
      <SignOutForm block />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
