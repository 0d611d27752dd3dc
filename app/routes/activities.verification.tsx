import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityTable } from "~/components/activities/ActivityTable";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { verificationQueue } from "~/domain/activities/activities.server";
import { returnActivities, returnNotices, verifyActivities } from "~/domain/activities/verification.server";
import { ReturnNotices } from "~/components/notifications/ReturnNotices";
import { t } from "~/i18n";
import { parseForm } from "~/utils/forms";
import { invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { returnSchema } from "~/validation/activities";

export const meta: MetaFunction = () => [{ title: `${t("activities.verify.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "verify:activity:district");
  // just returned (?returned=id,id): a ready WhatsApp message to each volunteer, with the reason
  const returned = (new URL(request.url).searchParams.get("returned") ?? "").split(",").filter(Boolean);
  return { ...(await verificationQueue(actor)), notices: await returnNotices(actor, returned) };
}

// Verifies or returns the ticked activities at once; those outside the user's scope are skipped.
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "verify:activity:district");
  const formData = await readFormData(request);
  const ids = formData.getAll("activityIds").map(String);
  if (ids.length === 0) return invalidForm({ fieldErrors: {}, values: {}, formError: t("activities.verify.none") });
  if (formData.get("intent") === "return") {
    const parsed = parseForm(returnSchema, formData);
    if (!parsed.success) return invalidForm({ ...parsed, formError: parsed.fieldErrors.reason });
    const result = unwrap(await returnActivities(actor, ids, parsed.data.reason));
    const back = `/activities/verification?returned=${encodeURIComponent(ids.slice(0, 100).join(","))}`;
    return redirectWithToast(back, "success", "activities.verify.returned", { count: result.verified });
  }
  const result = unwrap(await verifyActivities(actor, ids));
  return result.skipped
    ? redirectWithToast("/activities/verification", "info", "activities.verify.doneSkipped", {
        count: result.verified,
        skipped: result.skipped,
      })
    : redirectWithToast("/activities/verification", "success", "activities.verify.done", { count: result.verified });
}

export default function VerificationPage() {
  const { total, rows, notices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("activities.verify.title")} intro={t("activities.verify.intro")} />
      <ReturnNotices notices={notices} />
      <section className="card">
        {total === 0 ? (
          <p>{t("activities.verify.nothing")}</p>
        ) : (
          <Form method="post">
            {actionData?.formError ? (
              <p className="form-error" role="alert">
                {actionData.formError}
              </p>
            ) : null}
            <ActivityTable rows={rows} showVolunteer select="activityIds" />
            {/* stays at the bottom of the screen while the list scrolls */}
            <div className="sticky-actions" data-testid="verify-bar">
              <button type="submit" name="intent" value="verify" className="button button--primary">
                {t("activities.verify.submit")}
              </button>
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
