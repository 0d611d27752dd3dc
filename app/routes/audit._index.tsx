import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { Pager } from "~/components/Pager";
import { auditActionOptions, auditActors, listAuditLog } from "~/domain/audit/audit-log.server";
import { t } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { auditFiltersQuery, parseAuditFilters, parseAuditPage } from "~/validation/audit";

export const meta: MetaFunction = () => [{ title: `${t("audit.title")} · ${t("app.name")}` }];

// GET /audit?actor=&member=&action=&from=&to=&page=: the chapter's audit log for the board
// (read:audit), newest first, a page at a time; NIK/KK masked.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:audit:chapter");
  const url = new URL(request.url);
  const { filters, notes } = parseAuditFilters(url.searchParams);
  const [outcome, actors] = await Promise.all([listAuditLog(actor, filters, parseAuditPage(url.searchParams)), auditActors(actor)]);
  const result = unwrap(outcome);
  return {
    chapterName: result.chapterName,
    filters,
    notes: notes.map((key) => t(key)),
    actors,
    actions: auditActionOptions(),
    total: result.total,
    page: result.page,
    pages: result.pages,
    memberNotFound: result.memberNotFound,
    entries: result.entries,
  };
}

export default function AuditPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        intro={t("audit.intro", { chapter: d.chapterName })}
        actions={
          <a className="button" href={`/audit/export.xlsx${auditFiltersQuery(d.filters)}`} download>
            {t("audit.export")}
          </a>
        }
      />
      {d.notes.map((note) => (
        <p key={note} className="notice" role="status">
          {note}
        </p>
      ))}
      <Form method="get" className="filters" role="search">
        <div className="filters__search">
          <label>
            <span>{t("audit.filter.member")}</span>
            <input name="member" type="search" defaultValue={d.filters.member ?? ""} maxLength={100} />
          </label>
        </div>
        <label>
          <span>{t("audit.filter.actor")}</span>
          <select name="actor" defaultValue={d.filters.actorId ?? ""}>
            <option value="">{t("audit.filter.all")}</option>
            {d.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("audit.filter.action")}</span>
          <select name="action" defaultValue={d.filters.action ?? ""}>
            <option value="">{t("audit.filter.all")}</option>
            {d.actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("audit.filter.from")}</span>
          <input name="from" type="date" defaultValue={d.filters.from ?? ""} />
        </label>
        <label>
          <span>{t("audit.filter.to")}</span>
          <input name="to" type="date" defaultValue={d.filters.to ?? ""} />
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("audit.filter.apply")}
          </button>
          <Link to="/audit">{t("audit.filter.reset")}</Link>
        </div>
      </Form>
      {d.memberNotFound ? (
        <p className="notice" role="status">
          {t("audit.filter.memberNone", { query: d.filters.member ?? "" })}
        </p>
      ) : null}
      <p data-testid="audit-count">{t("audit.count", { count: formatNumber(d.total) })}</p>
      {d.entries.length === 0 ? (
        <p className="notice">{t("audit.empty")}</p>
      ) : (
        <ol className="history" data-testid="audit-entries">
          {d.entries.map((e) => (
            <li key={e.id} data-testid="audit-entry">
              <strong>{e.actionLabel}</strong>{" "}
              <small className="muted">
                <time dateTime={e.at}>{e.atText}</time> · {e.actorName}
              </small>
              <div>
                {e.entityLabel}
                {e.entityName ? (
                  <>
                    {": "}
                    {e.memberId ? <Link to={`/members/${e.memberId}`}>{e.entityName}</Link> : e.entityName}
                  </>
                ) : null}
              </div>
              {e.changes.length > 0 ? (
                <ul className="history__detail">
                  {e.changes.map((c, index) => (
                    <li key={index}>
                      {c.field ? <span>{c.field}: </span> : null}
                      {c.before !== undefined && c.after !== undefined ? (
                        <>
                          <del>{c.before}</del> → <ins>{c.after}</ins>
                        </>
                      ) : (
                        (c.after ?? c.before)
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Pager page={d.page} pages={d.pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
