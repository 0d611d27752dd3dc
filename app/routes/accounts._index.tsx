import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { deactivateAccount, listAccounts, reactivateAccount } from "~/domain/accounts/logins.server";
import { t } from "~/i18n";
import { roleLabel } from "~/i18n/labels";
import { formatDateShort, formatNumber } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { accountActionSchema, accountFiltersQuery, parseAccountFilters } from "~/validation/accounts";
import { ACCOUNT_STATES } from "~/validation/auth-values";
import { ROLES } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: `${t("accounts.title")} · ${t("app.name")}` }];

// GET /accounts?q=&role=&state=&page=: the logins the actor administers (the administrator all,
// the Sekretaris their chapter's members'). POST intent=deactivate (with a reason) | reactivate.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:user:chapter");
  const filters = parseAccountFilters(new URL(request.url).searchParams);
  const list = unwrap(await listAccounts(actor, filters));
  return { ...list, filters, timeZone: actor.timeZone, chapterName: list.chapterName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:user:chapter");
  const form = await readFormData(request);
  const back = `/accounts${accountFiltersQuery(parseAccountFilters(new URL(request.url).searchParams))}`;
  const parsed = parseForm(accountActionSchema, form);
  if (!parsed.success) {
    const message = Object.values(parsed.fieldErrors)[0] ?? t("error.400");
    return redirectWithToastText(back, "error", message);
  }
  const result =
    parsed.data.intent === "deactivate"
      ? await deactivateAccount(actor, parsed.data.userId, parsed.data.reason)
      : await reactivateAccount(actor, parsed.data.userId);
  if (!result.ok && result.refusal === "conflict") return redirectWithToastText(back, "error", result.message);
  const { name } = unwrap(result);
  return redirectWithToast(back, "success", parsed.data.intent === "deactivate" ? "accounts.deactivated" : "accounts.reactivated", {
    name,
  });
}

export default function AccountsPage() {
  const { rows, total, page, pageCount, all, filters, timeZone, chapterName } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("accounts.title")}
        intro={all ? t("accounts.intro.all") : t("accounts.intro.chapter", { chapter: chapterName })}
      />
      <Form method="get" className="filters" role="search">
        <label className="field filters__search">
          <span>{t("accounts.search")}</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={100} />
        </label>
        {all ? (
          <label className="field">
            <span>{t("accounts.filter.role")}</span>
            <select name="role" defaultValue={filters.role ?? ""}>
              <option value="">{t("accounts.filter.all")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{t("accounts.filter.state")}</span>
          <select name="state" defaultValue={filters.state ?? ""}>
            <option value="">{t("accounts.filter.all")}</option>
            {ACCOUNT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`accounts.state.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("accounts.filter.submit")}
          </button>
        </div>
      </Form>
      <p className="muted">{t("accounts.count", { count: formatNumber(total) })}</p>
      {rows.length === 0 ? (
        <p className="notice">{t("accounts.empty")}</p>
      ) : (
        <ul className="account-list" data-testid="account-list">
          {rows.map((a) => (
            <li key={a.id} className="card account" data-email={a.email} data-state={a.state}>
              <div className="account__head">
                <strong>{a.name}</strong>
                <span className={`badge badge--${a.state}`}>{t(`accounts.state.${a.state}`)}</span>
              </div>
              <div className="account__email mono">{a.email}</div>
              <dl className="facts">
                <dt>{t("accounts.filter.role")}</dt>
                <dd>{roleLabel(a.role)}</dd>
                {a.member ? (
                  <>
                    <dt>{t("accounts.col.member")}</dt>
                    <dd>
                      <Link to={`/members/${a.member.id}`}>{a.member.fullName}</Link>
                      {a.member.memberNumber ? <span className="muted mono"> {a.member.memberNumber}</span> : null}
                    </dd>
                  </>
                ) : null}
                {all ? (
                  <>
                    <dt>{t("accounts.col.chapter")}</dt>
                    <dd>{a.chapter.name}</dd>
                  </>
                ) : null}
                <dt>{t("accounts.col.lastSignIn")}</dt>
                <dd>
                  {a.lastSignInAt
                    ? formatDateShort(a.lastSignInAt, timeZone)
                    : a.invitationExpiresAt
                      ? t("accounts.invitationUntil", { date: formatDateShort(a.invitationExpiresAt, timeZone) })
                      : t("accounts.neverSignedIn")}
                </dd>
                <dt>{t("accounts.col.sessions")}</dt>
                <dd>{formatNumber(a.liveSessions)}</dd>
              </dl>
              {a.isSelf ? (
                <p className="muted">{t("accounts.self")}</p>
              ) : a.active ? (
                <Form
                  method="post"
                  className="inline-form"
                  onSubmit={(e) => {
                    if (!confirm(t("accounts.deactivate.confirm", { name: a.name }))) e.preventDefault();
                  }}
                >
                  <input type="hidden" name="userId" value={a.id} />
                  <label className="field">
                    <span>{t("accounts.deactivate.reason")}</span>
                    <input name="reason" required maxLength={200} />
                  </label>
                  <button type="submit" name="intent" value="deactivate" className="button button--ghost">
                    {t("accounts.deactivate")}
                  </button>
                </Form>
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={a.id} />
                  <button type="submit" name="intent" value="reactivate" className="button">
                    {t("accounts.reactivate")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pageCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
