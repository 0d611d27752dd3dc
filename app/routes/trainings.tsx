import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { t } from "~/i18n";
import { requireAnyPermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("trainings.title")} · ${t("app.name")}` }];

// The URL is reserved and guarded now; its features arrive with their own issue.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnyPermission(request, ["read:training:own"]);
  return null;
}

export default function Page() {
  return <ComingSoon title={t("trainings.title")} intro={t("trainings.intro")} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
