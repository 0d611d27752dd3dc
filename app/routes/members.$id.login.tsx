import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { makeLoginLink, memberLoginState } from "~/domain/accounts/links.server";
import { resetMemberSecondFactor } from "~/domain/accounts/second-factor.server";
import { redirectWithToast } from "~/http/session.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatDateShort, formatTime } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { readFormData } from "~/utils/request-form.server";
import { loginLinkSchema } from "~/validation/accounts";

export const meta: MetaFunction = () => [{ title: `${t("links.title")} · ${t("app.name")}` }];

// /members/:id/login: the member's login (none, invited, active, deactivated) and a single-use
// link to give it: an invitation, or a reset link once the login is in use. The link is shown
// once, to copy or share by WhatsApp, and emailed when mail is configured.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:user:chapter");
  return { ...unwrap(await memberLoginState(actor, params.id ?? "")), timeZone: actor.timeZone };
}

// POST intent=second-factor-reset: the board turns off the second factor of a login whose owner
// lost the phone and the recovery codes (docs/decisions/024).
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:user:chapter");
  const form = await readFormData(request);
  if (form.get("intent") === "second-factor-reset") {
    const reason = String(form.get("reason") ?? "");
    const reset = await resetMemberSecondFactor(actor, params.id ?? "", { reason });
    if (!reset.ok) return formRefusal(reset, { values: { reason } });
    const { member } = unwrap(await memberLoginState(actor, params.id ?? ""));
    return redirectWithToast(`/members/${params.id}/login`, "success", "secondFactor.reset.done", { name: member.fullName });
  }
  const parsed = parseForm(loginLinkSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await makeLoginLink(actor, params.id ?? "", parsed.data);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  return {
    link: result.link,
    fieldErrors: {} as Record<string, string>,
    values: {} as Record<string, string>,
    formError: undefined as string | undefined,
  };
}

function CopyField({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor="login-link">{t("links.copyLabel")}</label>
      <input id="login-link" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid="login-link" />
      <button
        type="button"
        className="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t("links.copied") : t("links.copy")}
      </button>
    </div>
  );
}

export default function MemberLoginPage() {
  const { member, login, mayHoldLogin, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const link = actionData && "link" in actionData ? actionData.link : null;
  const stateText = {
    none: t("links.state.none"),
    invited: t("links.state.invited", { email: login.email ?? "" }),
    active: t("links.state.active", { email: login.email ?? "" }),
    inactive: t("links.state.inactive", { email: login.email ?? "" }),
  }[login.state];
  return (
    <>
      <PageHeader title={t("links.title")} intro={t("links.intro", { name: member.fullName })} />
      <section className="card">
        <p data-testid="login-state">{stateText}</p>
        {login.pending && !link ? (
          <p className="muted">
            {t("links.pendingUntil", {
              date: `${formatDateShort(login.pending.expiresAt, timeZone)} ${formatTime(login.pending.expiresAt, timeZone)}`,
            })}
          </p>
        ) : null}
        {link ? (
          <div data-testid="link-made">
            <p className="notice" role="status">
              {link.kind === "invitation" ? t("links.made.invitation") : t("links.made.reset")}
            </p>
            <CopyField value={link.url} />
            {link.whatsappUrl ? (
              <a className="button button--primary" href={link.whatsappUrl} target="_blank" rel="noreferrer">
                {t("links.whatsapp")}
              </a>
            ) : (
              <p className="muted">{t("links.noPhone")}</p>
            )}
            <p className="muted">{link.emailedTo ? t("links.emailedTo", { email: link.emailedTo }) : t("links.notEmailed")}</p>
          </div>
        ) : !mayHoldLogin ? (
          <p className="notice">{t("links.cannotHold", { status: memberStatusLabel(member.status) })}</p>
        ) : login.state === "inactive" ? null : (
          <Form method="post" noValidate>
            {actionData?.formError ? (
              <p className="form-error" role="alert">
                {actionData.formError}
              </p>
            ) : null}
            <FormField
              label={t("links.email")}
              type="email"
              inputMode="email"
              name="email"
              defaultValue={actionData?.values.email ?? login.email ?? member.email ?? ""}
              placeholder={t("links.emailHint")}
              error={actionData?.fieldErrors.email}
            />
            <button type="submit" className="button button--primary">
              {login.state === "active" ? t("links.makeReset") : t("links.makeInvitation")}
            </button>
          </Form>
        )}
      </section>
      {login.secondFactorSince ? (
        <section className="card" data-testid="second-factor-reset">
          <h2>{t("secondFactor.reset.title")}</h2>
          <p>{t("secondFactor.reset.on", { date: formatDateShort(login.secondFactorSince, timeZone) })}</p>
          <p className="muted">{t("secondFactor.reset.intro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="second-factor-reset" />
            <FormField
              label={t("secondFactor.reset.reasonLabel")}
              name="reason"
              defaultValue={actionData && !("link" in actionData) ? (actionData.values.reason ?? "") : ""}
              error={actionData && !("link" in actionData) ? actionData.fieldErrors.reason : undefined}
            />
            <button type="submit" className="button button--danger">
              {t("secondFactor.reset.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to={`/members/${member.id}`}>{t("links.back")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
