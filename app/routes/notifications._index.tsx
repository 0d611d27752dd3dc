import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { listNotifications, markAllRead } from "~/domain/notifications/inbox.server";
import { t } from "~/i18n";
import { formatDateShort, formatTime } from "~/utils/format";
import { badRequest, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";

export const meta: MetaFunction = () => [{ title: `${t("notifications.title")} · ${t("app.name")}` }];

// /notifications: the signed-in person's own notifications, newest first; each opens the page
// where they act (/notifications/:id marks it read). POST intent=read-all.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return { ...(await listNotifications(actor, page)), timeZone: actor.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  if (form.get("intent") !== "read-all") return badRequest();
  unwrap(await markAllRead(actor));
  return redirectWithToast("/notifications", "success", "notifications.markedAllRead");
}

export default function NotificationsPage() {
  const { rows, page, pages, timeZone } = useLoaderData<typeof loader>();
  const unread = rows.some((r) => !r.readAt);
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        intro={t("notifications.intro")}
        actions={
          unread ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="button">
                {t("notifications.markAllRead")}
              </button>
            </Form>
          ) : null
        }
      />
      <section className="card">
        {rows.length === 0 ? (
          <p>{t("notifications.empty")}</p>
        ) : (
          <ul className="notification-list" data-testid="notifications">
            {rows.map((n) => (
              <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
                <Link to={`/notifications/${n.id}`} className="notification__title">
                  {n.title}
                </Link>
                {n.readAt ? null : <span className="badge badge--returned">{t("notifications.unread")}</span>}
                <p className="notification__body">{n.body}</p>
                <small className="muted">
                  {formatDateShort(n.createdAt, timeZone)} {formatTime(n.createdAt, timeZone)}
                </small>
              </li>
            ))}
          </ul>
        )}
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
