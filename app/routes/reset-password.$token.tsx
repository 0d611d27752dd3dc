import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkPasswordPage } from "~/components/accounts/LinkPasswordPage";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { t } from "~/i18n";
import { linkPageAction, linkPageLoader } from "~/http/account-link-route.server";

export const meta: MetaFunction = () => [{ title: `${t("reset.title")} · ${t("app.name")}` }];

// /reset-password/:token: a new password through a reset link (emailed, or made by the board); every other session ends.
export const loader = (args: LoaderFunctionArgs) => linkPageLoader("reset", args);
export const action = (args: ActionFunctionArgs) => linkPageAction("reset", args);

export default function ResetPasswordPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <LinkPasswordPage
      page={page}
      title={t("reset.title")}
      intro={(who) => t("reset.intro", who)}
      fieldErrors={actionData?.fieldErrors}
      formError={actionData?.formError}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
