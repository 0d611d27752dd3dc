import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { decideApplication, listApplications } from "~/domain/members/applications.server";
import { t } from "~/i18n";
import { formatCalendarDateLong, formatDateShort } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { badRequest, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { readFormData } from "~/utils/request-form.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { applicationDecisionSchema } from "~/validation/applications";
import { formatPhone } from "~/validation/member-values";

export const meta: MetaFunction = () => [{ title: `${t("applications.title")} · ${t("app.name")}` }];

// /members/applications: the applications from /apply waiting in the chapter, for those who
// register members; POST intent=accept|decline&applicationId=...
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "create:member:chapter");
  return { ...unwrap(await listApplications(actor)), timeZone: actor.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "create:member:chapter");
  const parsed = parseForm(applicationDecisionSchema, await readFormData(request));
  if (!parsed.success) return badRequest();
  const result = await decideApplication(actor, parsed.data.applicationId, parsed.data.intent);
  if (!result.ok && result.refusal === "conflict") return redirectWithToastText("/members/applications", "error", result.message);
  const { fullName, memberId } = unwrap(result);
  return memberId
    ? redirectWithToast(`/members/${memberId}`, "success", "applications.accepted", { name: fullName })
    : redirectWithToast("/members/applications", "success", "applications.declined", { name: fullName });
}

export default function ApplicationsPage() {
  const { rows, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("applications.title")} intro={t("applications.intro")} />
      {rows.length === 0 ? <p className="notice">{t("applications.empty")}</p> : null}
      <ul className="account-list" data-testid="applications">
        {rows.map((a) => (
          <li key={a.id} className="card" data-nik={a.nik}>
            <div className="account__head">
              <strong>{a.fullName}</strong>
              <small className="muted">{t("applications.received", { date: formatDateShort(a.createdAt, timeZone) })}</small>
            </div>
            <dl className="facts">
              <dt>{t("members.field.nik")}</dt>
              <dd className="mono">{a.nik}</dd>
              <dt>{t("members.field.birthDate")}</dt>
              <dd>{formatCalendarDateLong(a.birthDate)}</dd>
              <dt>{t("members.field.phone")}</dt>
              <dd>{formatPhone(a.phone)}</dd>
              <dt>{t("members.field.address")}</dt>
              <dd>
                {a.address}, {a.village}
              </dd>
              <dt>{t("apply.motivation")}</dt>
              <dd>{a.motivation}</dd>
            </dl>
            <Form method="post" className="inline-form">
              <input type="hidden" name="applicationId" value={a.id} />
              <button type="submit" name="intent" value="accept" className="button button--primary">
                {t("applications.accept")}
              </button>
              <button
                type="submit"
                name="intent"
                value="decline"
                className="button button--ghost"
                onClick={(e) => {
                  if (!confirm(t("applications.declineConfirm", { name: a.fullName }))) e.preventDefault();
                }}
              >
                {t("applications.decline")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/members">{t("links.back")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
