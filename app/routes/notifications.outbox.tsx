import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CardCell } from "~/components/CardCell";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { listOutbox, retryOutboxMessage } from "~/domain/notifications/inbox.server";
import { t } from "~/i18n";
import { formatDateShort, formatNumber, formatTime } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { readFormData } from "~/utils/request-form.server";
import { outboxRetrySchema, parseOutboxFilter } from "~/validation/notifications";
import { OUTBOX_FILTERS } from "~/validation/notification-values";

export const meta: MetaFunction = () => [{ title: `${t("notifications.outbox.title")} · ${t("app.name")}` }];

// GET /notifications/outbox?status=&page=: the administrator sees the notification emails
// (docs/decisions/029), newest first, a page at a time, by default those that wait, failed or may
// not have gone out, with the last error. POST intent=retry, id, confirm=ya: a failed or
// uncertain one goes back to the queue (an uncertain one may arrive twice; the form says so).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const url = new URL(request.url);
  const filter = parseOutboxFilter(url.searchParams.get("status"));
  const page = Number(url.searchParams.get("page") ?? "1");
  const result = unwrap(await listOutbox(actor, filter, page));
  return { ...result, timeZone: actor.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const form = await readFormData(request);
  const parsed = parseForm(outboxRetrySchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const result = await retryOutboxMessage(actor, parsed.data.id);
  if (!result.ok) return formRefusal(result, { values: parsed.values });
  const back = new URL(request.url);
  return redirectWithToast(`/notifications/outbox${back.search}`, "success", "notifications.outbox.retried");
}

export default function OutboxPage() {
  const { rows, filter, total, page, pages, counts, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const when = (value: string | Date) => `${formatDateShort(value, timeZone)} ${formatTime(value, timeZone)}`;
  const refusedId = actionData?.values?.id;
  const statusLabel = (value: (typeof OUTBOX_FILTERS)[number]) =>
    value === "problems" || value === "all" ? t(`notifications.outbox.filter.${value}`) : t(`notifications.outbox.status.${value}`);
  return (
    <>
      <PageHeader title={t("notifications.outbox.title")} intro={t("notifications.outbox.intro")} />
      <Form method="get" className="filters" role="search">
        <label>
          <span>{t("notifications.outbox.filter.status")}</span>
          <select name="status" defaultValue={filter}>
            {OUTBOX_FILTERS.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
                {value === "problems" || value === "all" ? "" : ` (${formatNumber(counts[value] ?? 0)})`}
              </option>
            ))}
          </select>
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("notifications.outbox.filter.apply")}
          </button>
        </div>
      </Form>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <section className="card">
        <p data-testid="outbox-count">{t("notifications.outbox.count", { count: formatNumber(total) })}</p>
        {rows.length === 0 ? (
          <p>{t("notifications.outbox.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="outbox">
              <thead>
                <tr>
                  <th>{t("notifications.outbox.created")}</th>
                  <th>{t("notifications.outbox.to")}</th>
                  <th>{t("notifications.outbox.subject")}</th>
                  <th>{t("notifications.outbox.status")}</th>
                  <th>{t("notifications.outbox.attempts")}</th>
                  <th>{t("notifications.outbox.next")}</th>
                  <th>{t("notifications.outbox.error")}</th>
                  <th>
                    <span className="visually-hidden">{t("notifications.outbox.retry")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="outbox-row">
                    <CardCell label={t("notifications.outbox.created")}>
                      {when(r.createdAt)}
                      <br />
                      <small className="muted">{r.chapter.name}</small>
                    </CardCell>
                    <CardCell label={t("notifications.outbox.to")}>{r.erased ? "-" : r.toAddress}</CardCell>
                    <CardCell label={t("notifications.outbox.subject")}>
                      {r.erased ? <span className="muted">{t("notifications.outbox.erased")}</span> : r.subject}
                    </CardCell>
                    <CardCell label={t("notifications.outbox.status")}>
                      {t(`notifications.outbox.status.${r.status}`)}
                      {r.status === "sent" && r.sentAt ? (
                        <>
                          <br />
                          <small className="muted">{when(r.sentAt)}</small>
                        </>
                      ) : null}
                    </CardCell>
                    <CardCell label={t("notifications.outbox.attempts")}>{r.attempts}</CardCell>
                    <CardCell label={t("notifications.outbox.next")}>{r.status === "pending" ? when(r.nextAttemptAt) : "-"}</CardCell>
                    <CardCell label={t("notifications.outbox.error")}>{r.lastError ?? ""}</CardCell>
                    <CardCell label={t("notifications.outbox.retry")}>
                      {r.retryable ? (
                        <details open={refusedId === r.id}>
                          <summary className="button">{t("notifications.outbox.retry")}</summary>
                          <Form method="post">
                            <input type="hidden" name="intent" value="retry" />
                            <input type="hidden" name="id" value={r.id} />
                            <p className={r.status === "uncertain" ? "notice" : undefined}>
                              {t(r.status === "uncertain" ? "notifications.outbox.retryUncertain" : "notifications.outbox.retryFailed")}
                            </p>
                            <label className="checkbox">
                              <input type="checkbox" name="confirm" value="ya" required />{" "}
                              <span>{t("notifications.outbox.retryConfirm")}</span>
                            </label>
                            {refusedId === r.id && actionData?.fieldErrors?.confirm ? (
                              <p className="field__error" role="alert">
                                {actionData.fieldErrors.confirm}
                              </p>
                            ) : null}
                            <button type="submit" className="button" disabled={busy}>
                              {t("notifications.outbox.retry")}
                            </button>
                          </Form>
                        </details>
                      ) : (
                        "-"
                      )}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
