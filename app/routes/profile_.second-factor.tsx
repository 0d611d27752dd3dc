import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmIdentityForm, EnrolForm, RecoveryCodes } from "~/components/accounts/SecondFactorForms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import {
  confirmEnrolment,
  enrolmentDetails,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
  startEnrolment,
  turnOffSecondFactor,
} from "~/domain/accounts/second-factor.server";
import { t } from "~/i18n";
import { clientAddress } from "~/http/auth.server";
import { badRequest, formRefusal, invalidForm } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { clearedEnrolmentCookie, pendingEnrolmentCookie, readPendingEnrolment } from "~/http/second-factor.server";
import { currentSessionId, redirectWithToast } from "~/http/session.server";
import { formatDateLong } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-form.server";
import { safeRedirect, SECOND_FACTOR_PATH } from "~/validation/auth-values";
import { confirmIdentitySchema, enrolSchema } from "~/validation/second-factor";

export const meta: MetaFunction = () => [{ title: `${t("secondFactor.title")} · ${t("app.name")}` }];

/** This page again, keeping where the person was going (a page that led them here). */
function selfPath(request: Request) {
  const back = new URL(request.url).searchParams.get("redirectTo");
  return back ? `${SECOND_FACTOR_PATH}?redirectTo=${encodeURIComponent(safeRedirect(back))}` : SECOND_FACTOR_PATH;
}

// /profile/second-factor: every signed-in user's own second factor (docs/decisions/024): turn it
// on with an authenticator app (QR code, or the key typed), the recovery codes shown once, new
// recovery codes, turn it off. Someone the chapter requires to use it is led here from every page.
// POST intent=start | cancel | confirm | regenerate | disable.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const status = await getSecondFactorStatus(actor);
  const secret = status.enabled ? null : await readPendingEnrolment(request, actor.userId);
  const details = secret ? await enrolmentDetails(actor, secret) : null;
  return {
    status,
    enrolment: details ? { qrDataUrl: details.qrDataUrl, secretText: details.secretText, account: details.account } : null,
    timeZone: actor.timeZone,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const self = selfPath(request);
  const where = {
    clientAddress: clientAddress(request, context as { clientAddress?: string }),
    currentSessionId: await currentSessionId(request),
  };
  if (intent === "start") {
    const started = await startEnrolment(actor);
    if (!started.ok) return formRefusal(started, { intent });
    return redirect(self, { headers: { "Set-Cookie": await pendingEnrolmentCookie(actor.userId, started.secret) } });
  }
  if (intent === "cancel") return redirect(self, { headers: { "Set-Cookie": await clearedEnrolmentCookie() } });
  if (intent === "confirm") {
    const secret = await readPendingEnrolment(request, actor.userId);
    if (!secret) return redirectWithToast(self, "error", "secondFactor.enrol.expired");
    const parsed = parseForm(enrolSchema, form);
    if (!parsed.success) return invalidForm({ ...parsed, values: {} }, { intent });
    const result = await confirmEnrolment(actor, { secret, ...parsed.data }, where);
    if (!result.ok) return formRefusal(result, { values: {}, intent });
    const done =
      result.endedSessions > 0 ? t("secondFactor.enrol.doneEnded", { count: result.endedSessions }) : t("secondFactor.enrol.done");
    return data({ intent, recoveryCodes: result.recoveryCodes, done }, { headers: { "Set-Cookie": await clearedEnrolmentCookie() } });
  }
  if (intent === "regenerate" || intent === "disable") {
    const parsed = parseForm(confirmIdentitySchema, form);
    if (!parsed.success) return invalidForm({ ...parsed, values: {} }, { intent });
    if (intent === "disable") {
      const result = await turnOffSecondFactor(actor, parsed.data, where);
      if (!result.ok) return formRefusal(result, { values: {}, intent });
      return redirectWithToast(self, "success", "secondFactor.disable.done");
    }
    const result = await regenerateRecoveryCodes(actor, parsed.data, where);
    if (!result.ok) return formRefusal(result, { values: {}, intent });
    return { intent, recoveryCodes: result.recoveryCodes, done: undefined };
  }
  return badRequest();
}

export default function SecondFactorPage() {
  const { status, enrolment, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const back = searchParams.get("redirectTo");
  const self = back ? `${SECOND_FACTOR_PATH}?redirectTo=${encodeURIComponent(back)}` : SECOND_FACTOR_PATH;
  const refusedFor = (intent: string) =>
    actionData && actionData.intent === intent && "fieldErrors" in actionData ? actionData : undefined;

  if (actionData && "recoveryCodes" in actionData) {
    return (
      <>
        <PageHeader title={t("secondFactor.title")} />
        {actionData.done ? (
          <p className="notice" role="status" data-testid="second-factor-done">
            {actionData.done}
          </p>
        ) : null}
        <RecoveryCodes codes={actionData.recoveryCodes} next={safeRedirect(back, "/profile")} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("secondFactor.title")} intro={t("secondFactor.intro")} />
      <section className="card" data-testid="second-factor-status">
        <p>
          <strong>
            {status.enabled && status.enabledAt
              ? t("secondFactor.status.on", { date: formatDateLong(status.enabledAt, timeZone) })
              : t("secondFactor.status.off")}
          </strong>
        </p>
        {status.enabled ? <p className="muted">{t("secondFactor.status.recoveryLeft", { count: status.recoveryCodesLeft })}</p> : null}
        {status.required ? (
          <p className="notice" role="status">
            {status.enabled ? t("secondFactor.status.required") : t("secondFactor.status.requiredNow")}
          </p>
        ) : null}
        {!status.enabled && !enrolment ? (
          <Form method="post" action={self}>
            {refusedFor("start")?.formError ? (
              <p className="form-error" role="alert">
                {refusedFor("start")?.formError}
              </p>
            ) : null}
            <button type="submit" name="intent" value="start" className="button button--primary">
              {t("secondFactor.start")}
            </button>
          </Form>
        ) : null}
      </section>

      {!status.enabled && enrolment ? (
        <section className="card" aria-labelledby="enrol">
          <h2 id="enrol">{t("secondFactor.enrol.title")}</h2>
          <ol>
            <li>{t("secondFactor.enrol.step1")}</li>
            <li>
              {t("secondFactor.enrol.step2")}
              <br />
              <img src={enrolment.qrDataUrl} alt={t("secondFactor.enrol.qrAlt")} width={200} height={200} data-testid="totp-qr" />
              <br />
              <span className="muted">{t("secondFactor.enrol.manual")}</span>
              <br />
              <code className="mono hash" data-testid="totp-secret">
                {enrolment.secretText}
              </code>
              <br />
              <small className="muted">{enrolment.account}</small>
            </li>
            <li>{t("secondFactor.enrol.step3")}</li>
          </ol>
          <EnrolForm action={self} refused={refusedFor("confirm")} />
          <Form method="post" action={self}>
            <button type="submit" name="intent" value="cancel" className="button button--ghost">
              {t("secondFactor.enrol.cancel")}
            </button>
          </Form>
        </section>
      ) : null}

      {status.enabled ? (
        <>
          <section className="card" aria-labelledby="regenerate">
            <h2 id="regenerate">{t("secondFactor.regenerate.title")}</h2>
            <p className="muted">{t("secondFactor.regenerate.intro")}</p>
            <ConfirmIdentityForm
              action={self}
              intent="regenerate"
              submit="secondFactor.regenerate.submit"
              refused={refusedFor("regenerate")}
            />
          </section>
          <section className="card" aria-labelledby="disable">
            <h2 id="disable">{t("secondFactor.disable.title")}</h2>
            {status.required ? (
              <p className="muted">{t("secondFactor.disable.required")}</p>
            ) : (
              <>
                <p className="muted">{t("secondFactor.disable.intro")}</p>
                <ConfirmIdentityForm
                  action={self}
                  intent="disable"
                  submit="secondFactor.disable.submit"
                  danger
                  refused={refusedFor("disable")}
                />
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
