import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { mergeMembers } from "~/domain/members/merge.server";
import { listOpenDuplicateFlags, markDistinct } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateShort, maskNik } from "~/utils/format";
import { badRequest, refusalResponse } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";

export const meta: MetaFunction = () => [{ title: `${t("members.duplicates.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const flags = await listOpenDuplicateFlags(actor);
  const view = (m: (typeof flags)[number]["member"]) => ({ ...m, nik: maskNik(m.nik) });
  return { flags: flags.map((f) => ({ id: f.id, member: view(f.member), otherMember: view(f.otherMember) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const back = "/members/duplicates";
  if (intent === "distinct") {
    const marked = await markDistinct(actor, String(form.get("flagId")));
    if (marked.ok) return redirectWithToast(back, "success", "members.duplicates.distinctDone");
    // Decided meanwhile (in another tab, by someone else): back to the list, saying so.
    if (marked.refusal === "notFound") return redirectWithToast(back, "error", "members.duplicates.flagGone");
    throw refusalResponse(marked);
  }
  if (intent === "merge") {
    const keepId = String(form.get("keepId"));
    const result = await mergeMembers(actor, keepId, String(form.get("removeId")));
    if (result.ok) return redirectWithToast(`/members/${keepId}`, "success", "members.duplicates.mergeDone");
    // Refused (two accounts, the same position at the same time, gone meanwhile): back to the list with the reason.
    if (result.refusal === "forbidden") throw refusalResponse(result);
    return redirectWithToastText(back, "error", result.refusal === "invalid" ? (result.formError ?? "") : (result.message ?? ""));
  }
  badRequest();
}

export default function DuplicatesPage() {
  const { flags } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("members.duplicates.title")} intro={t("members.duplicates.intro")} />
      {flags.length === 0 ? <p className="notice">{t("members.duplicates.empty")}</p> : null}
      {flags.map((flag) => (
        <section key={flag.id} className="card duplicate">
          <div className="duplicate__pair">
            {[flag.member, flag.otherMember].map((m) => (
              <dl key={m.id} className="facts">
                <dt>{t("members.col.name")}</dt>
                <dd>
                  <Link to={`/members/${m.id}`}>{m.fullName}</Link>
                </dd>
                <dt>{t("members.field.memberNumber")}</dt>
                <dd>{m.memberNumber ?? "–"}</dd>
                <dt>{t("members.col.nik")}</dt>
                <dd className="mono">{m.nik}</dd>
                <dt>{t("members.field.birthDate")}</dt>
                <dd>{formatCalendarDateShort(m.birthDate)}</dd>
                <dt>{t("members.col.village")}</dt>
                <dd>{m.village.name}</dd>
                <dt>{t("members.col.status")}</dt>
                <dd>{memberStatusLabel(m.status)}</dd>
              </dl>
            ))}
          </div>
          <div className="duplicate__actions">
            {[
              [flag.member, flag.otherMember],
              [flag.otherMember, flag.member],
            ].map(([keep, remove]) => (
              <Form method="post" key={keep!.id}>
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="keepId" value={keep!.id} />
                <input type="hidden" name="removeId" value={remove!.id} />
                <button type="submit" className="button">
                  {t("members.duplicates.keep", { name: keep!.fullName, number: keep!.memberNumber ?? "–" })}
                </button>
              </Form>
            ))}
            <Form method="post">
              <input type="hidden" name="intent" value="distinct" />
              <input type="hidden" name="flagId" value={flag.id} />
              <button type="submit" className="button button--ghost">
                {t("members.duplicates.distinct")}
              </button>
            </Form>
          </div>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
