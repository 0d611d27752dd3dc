import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { getFollowUp, revealCaseIdentifier } from "~/domain/activities/follow-ups.server";
import { t } from "~/i18n";
import { activityStatusLabel } from "~/i18n/labels";
import { formatDateLong, formatCalendarDateLong, formatCalendarDateShort } from "~/utils/format";
import { unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";

export const meta: MetaFunction = () => [{ title: `${t("followUps.title")} · ${t("app.name")}` }];

// /activities/follow-ups/:id[?nik=1]: one follow-up and the activities that moved it on. The whole
// NIK/KK only with `read:case-identifier` and ?nik=1, and that view is audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:own");
  const { followUp, canReveal } = unwrap(await getFollowUp(actor, params.id ?? ""));
  const wantsWhole = new URL(request.url).searchParams.get("nik") === "1";
  const caseIdentifier = canReveal && wantsWhole ? unwrap(await revealCaseIdentifier(actor, followUp.id)).caseIdentifier : null;
  return { followUp, canReveal, caseIdentifier, timeZone: actor.timeZone };
}

export default function FollowUpPage() {
  const { followUp: f, canReveal, caseIdentifier, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`${f.institution}: ${f.description}`}
        intro={`${t(`activities.followUp.${f.status}`)} · ${f.openedBy.village.name}${f.openedBy.village.parent ? `, Kec. ${f.openedBy.village.parent.name}` : ""}`}
      />
      <section className="card">
        <p>
          {t("followUps.detail.opened", {
            type: f.openedBy.type.name,
            date: formatCalendarDateLong(f.openedBy.date),
            name: f.openedBy.member.fullName,
          })}{" "}
          · <Link to={`/activities/${f.openedBy.id}`}>{t("followUps.detail.activity")}</Link>
        </p>
        {f.caseIdentifierMasked ? (
          <p data-testid="case-identifier">
            NIK/KK: {caseIdentifier ?? f.caseIdentifierMasked}
            {canReveal && !caseIdentifier ? (
              <>
                {" "}
                · <Link to="?nik=1">{t("followUps.detail.reveal")}</Link>{" "}
                <small className="muted">{t("followUps.detail.revealNote")}</small>
              </>
            ) : null}
          </p>
        ) : f.caseIdentifierErasedAt ? (
          <p data-testid="case-identifier" className="muted">
            NIK/KK: {t("privacy.caseIdentifier.erased", { date: formatDateLong(f.caseIdentifierErasedAt, timeZone) })}
          </p>
        ) : null}
      </section>
      <section className="card">
        <h2>{t("followUps.detail.history")}</h2>
        {f.updates.length === 0 ? (
          <p>{t("followUps.detail.noHistory")}</p>
        ) : (
          <ol className="plain-list" data-testid="follow-up-history">
            {f.updates.map((u) => (
              <li key={u.id}>
                <Link to={`/activities/${u.activity.id}`}>
                  {t("followUps.detail.update", {
                    date: formatCalendarDateShort(u.activity.date),
                    type: u.activity.type.name,
                    name: u.activity.member.fullName,
                    status: t(`activities.followUp.${u.status}`),
                  })}
                </Link>
                {u.note ? ` · ${u.note}` : ""} <small className="muted">({activityStatusLabel(u.activity.status)})</small>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
