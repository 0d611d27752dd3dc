import { CardCell } from "~/components/CardCell";
import type { CSSProperties } from "react";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { closeChapter, listChapterTree, reopenChapter } from "~/domain/chapters/chapter-admin.server";
import { t } from "~/i18n";
import { formatDateShort, formatNumber } from "~/utils/format";
import { badRequest, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";

export const meta: MetaFunction = () => [{ title: `${t("chapters.title")} · ${t("app.name")}` }];

// GET /chapters: every chapter as a tree (administrator). POST intent=close|reopen&id=...
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const { chapters } = unwrap(await listChapterTree(actor));
  return { chapters };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "manage:chapter:any");
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("id") ?? "");
  if (intent !== "close" && intent !== "reopen") return badRequest();
  const result = intent === "close" ? await closeChapter(actor, id) : await reopenChapter(actor, id);
  if (!result.ok && result.refusal === "conflict") return redirectWithToastText("/chapters", "error", result.message);
  const { name } = unwrap(result);
  return redirectWithToast("/chapters", "success", intent === "close" ? "chapters.closed" : "chapters.reopened", { name });
}

export default function ChaptersPage() {
  const { chapters } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("chapters.title")}
        intro={t("chapters.intro")}
        actions={
          <>
            <Link to="/chapters/new" className="button button--primary">
              {t("chapters.new")}
            </Link>
            <Link to="/chapters/dinsos" className="button button--ghost">
              {t("chapters.dinsosLink")}
            </Link>
          </>
        }
      />
      <div className="table-wrap">
        <table className="table table--cards" data-testid="chapter-tree">
          <thead>
            <tr>
              <th>{t("chapters.col.name")}</th>
              <th>{t("chapters.col.level")}</th>
              <th>{t("chapters.col.region")}</th>
              <th>{t("chapters.col.parent")}</th>
              <th className="num">{t("chapters.col.members")}</th>
              <th>{t("chapters.col.state")}</th>
              <th>
                <span className="visually-hidden">{t("chapters.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chapters.map((c) => (
              <tr key={c.id} data-code={c.code}>
                <CardCell label={t("chapters.col.name")} className="tree-cell" style={{ "--depth": c.depth } as CSSProperties}>
                  <Link to={`/chapters/${c.id}`}>{c.name}</Link> <span className="muted mono">{c.code}</span>
                </CardCell>
                <CardCell label={t("chapters.col.level")}>{t(`chapters.level.${c.level}`)}</CardCell>
                <CardCell label={t("chapters.col.region")}>
                  {c.regionName} <span className="muted mono">{c.regionCode}</span>
                </CardCell>
                <CardCell label={t("chapters.col.parent")}>{c.parentName ?? "-"}</CardCell>
                <CardCell label={t("chapters.col.members")} className="num">
                  {formatNumber(c.members.total)} ({formatNumber(c.members.active)})
                </CardCell>
                <CardCell label={t("chapters.col.state")}>
                  {c.closedAt ? t("chapters.state.closed", { date: formatDateShort(c.closedAt) }) : t("chapters.state.open")}
                </CardCell>
                <CardCell label={t("chapters.col.actions")}>
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!c.closedAt && !confirm(t("chapters.closeConfirm", { name: c.name }))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" name="intent" value={c.closedAt ? "reopen" : "close"} className="button button--ghost">
                      {c.closedAt ? t("chapters.reopen") : t("chapters.close")}
                    </button>
                  </Form>
                </CardCell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
