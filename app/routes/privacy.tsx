import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/PageHeader";
import { PrivacyNotice } from "~/components/PrivacyNotice";
import { t } from "~/i18n";
import { getEnv } from "~/utils/env.server";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy-values";

export const meta: MetaFunction = () => [{ title: `${t("privacy.title")} · ${t("app.name")}` }];

// /privacy (public, linked from every page): what the portal keeps, why, who receives what, for
// how long, and how to ask for access, correction or erasure (UU 27/2022; docs/privacy.md).
export async function loader(_args: LoaderFunctionArgs) {
  return { sessionHours: getEnv().SESSION_TTL_HOURS };
}

export default function PrivacyPage() {
  const { sessionHours } = useLoaderData<typeof loader>();
  return (
    <article className="card">
      <PageHeader title={t("privacy.title")} intro={t("privacy.version", { version: PRIVACY_NOTICE_VERSION })} />
      <PrivacyNotice sessionHours={sessionHours} />
    </article>
  );
}
