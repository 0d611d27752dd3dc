import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { outboxProblems } from "~/domain/notifications/inbox.server";
import { t } from "~/i18n";
import { formatDateShort, formatTime } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("notifications.outbox.title")} · ${t("app.name")}` }];

// /notifications/outbox: the administrator sees the notification emails that wait, failed or may
// not have gone out (docs/decisions/029), with the last error.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { rows } = unwrap(await outboxProblems(actor));
  return { rows, timeZone: actor.timeZone };
}

export default function OutboxPage() {
  const { rows, timeZone } = useLoaderData<typeof loader>();
  const when = (value: string | Date) => `${formatDateShort(value, timeZone)} ${formatTime(value, timeZone)}`;
  return (
    <>
      <PageHeader title={t("notifications.outbox.title")} intro={t("notifications.outbox.intro")} />
      <section className="card">
        {rows.length === 0 ? (
          <p>{t("notifications.outbox.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="outbox">
              <thead>
                <tr>
                  <th>{t("notifications.outbox.created")}</th>
                  <th>{t("notifications.outbox.to")}</th>
                  <th>{t("notifications.outbox.subject")}</th>
                  <th>{t("notifications.outbox.status")}</th>
                  <th>{t("notifications.outbox.attempts")}</th>
                  <th>{t("notifications.outbox.next")}</th>
                  <th>{t("notifications.outbox.error")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{when(r.createdAt)}</td>
                    <td>{r.toAddress}</td>
                    <td>{r.subject}</td>
                    <td>{t(`notifications.outbox.status.${r.status}`)}</td>
                    <td>{r.attempts}</td>
                    <td>{r.status === "pending" ? when(r.nextAttemptAt) : "-"}</td>
                    <td>{r.lastError ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
