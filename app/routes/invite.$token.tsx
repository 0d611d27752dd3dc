import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkPasswordPage } from "~/components/accounts/LinkPasswordPage";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { t } from "~/i18n";
import { linkPageAction, linkPageLoader } from "~/http/account-link-route.server";

export const meta: MetaFunction = () => [{ title: `${t("invite.title")} · ${t("app.name")}` }];

// /invite/:token: a member invited by the board sets their first password and is signed in.
export const loader = (args: LoaderFunctionArgs) => linkPageLoader("invitation", args);
export const action = (args: ActionFunctionArgs) => linkPageAction("invitation", args);

export default function InvitePage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <LinkPasswordPage
      page={page}
      title={t("invite.title")}
      intro={(who) => t("invite.intro", who)}
      fieldErrors={actionData?.fieldErrors}
      formError={actionData?.formError}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
