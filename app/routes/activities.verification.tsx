import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityTable } from "~/components/activities/ActivityTable";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { actorOf, returnActivities, verificationQueue, verifyActivities } from "~/domain/activities/activities.server";
import { t } from "~/i18n";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { returnSchema } from "~/validation/activities";

export const meta: MetaFunction = () => [{ title: `${t("activities.verify.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "verify:activity:district");
  return verificationQueue(actorOf(user));
}

// Verifies or returns the ticked activities at once; those outside the user's scope are skipped.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "verify:activity:district");
  const formData = await readFormData(request);
  const ids = formData.getAll("activityIds").map(String);
  if (ids.length === 0) return data({ error: t("activities.verify.none") }, { status: 400 });
  const actor = actorOf(user);
  if (formData.get("intent") === "return") {
    const reason = returnSchema.safeParse({ reason: formData.get("reason") ?? "" });
    if (!reason.success) return data({ error: reason.error.issues[0]!.message }, { status: 400 });
    const result = await returnActivities(actor, ids, reason.data.reason);
    return redirectWithToast("/activities/verification", "success", "activities.verify.returned", { count: result.verified });
  }
  const result = await verifyActivities(actor, ids);
  return result.skipped
    ? redirectWithToast("/activities/verification", "info", "activities.verify.doneSkipped", {
        count: result.verified,
        skipped: result.skipped,
      })
    : redirectWithToast("/activities/verification", "success", "activities.verify.done", { count: result.verified });
}

export default function VerificationPage() {
  const { total, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("activities.verify.title")} intro={t("activities.verify.intro")} />
      <section className="card">
        {total === 0 ? (
          <p>{t("activities.verify.nothing")}</p>
        ) : (
          <Form method="post">
            {actionData?.error ? (
              <p className="form-error" role="alert">
                {actionData.error}
              </p>
            ) : null}
            <ActivityTable rows={rows} showVolunteer select="activityIds" />
            <div className="form-actions">
              <button type="submit" name="intent" value="verify" className="button button--primary">
                {t("activities.verify.submit")}
              </button>
            </div>
            <div className="inline-form">
              <label>
                {t("activities.verify.reason")}
                <input name="reason" />
              </label>
              <button type="submit" name="intent" value="return" className="button">
                {t("activities.verify.return")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
