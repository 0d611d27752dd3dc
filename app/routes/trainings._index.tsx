import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { EventTable, TrainingRecordView } from "~/components/trainings/TrainingRecordView";
import { expiryCounts } from "~/domain/trainings/certificates.server";
import { listEvents } from "~/domain/trainings/events.server";
import { countMembersWithoutBasicBimtek, memberTrainingRecord, membersWithoutBasicBimtek } from "~/domain/trainings/record.server";
import { trainingRights } from "~/domain/trainings/shared.server";
import { t } from "~/i18n";
import { requireActor } from "~/http/permissions.server";
import { unwrap } from "~/http/outcome.server";

export const meta: MetaFunction = () => [{ title: `${t("trainings.title")} · ${t("app.name")}` }];

// /trainings: the board sees the chapter's events and what needs attention; a volunteer sees
// their own record and the chapter's upcoming events.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:own");
  const { board, canManage } = trainingRights(actor);
  const events = await listEvents(actor);
  const own = actor.memberId ? unwrap(await memberTrainingRecord(actor, actor.memberId)).record : null;
  if (!board) return { isBoard: false as const, upcoming: events.upcoming, own };
  const [counts, gaps, gapCount] = await Promise.all([
    expiryCounts(actor),
    membersWithoutBasicBimtek(actor),
    countMembersWithoutBasicBimtek(actor),
  ]);
  return {
    isBoard: true as const,
    upcoming: events.upcoming,
    past: events.past,
    counts,
    gaps,
    gapCount,
    own,
    canManage,
  };
}

export default function TrainingsPage() {
  const data = useLoaderData<typeof loader>();
  if (!data.isBoard) {
    return (
      <>
        <PageHeader
          title={t("trainings.me.title")}
          intro={t("trainings.intro")}
          actions={
            data.own ? (
              <a className="button" href="/trainings/record.pdf">
                {t("trainings.me.pdf")}
              </a>
            ) : null
          }
        />
        {data.own ? <TrainingRecordView record={data.own} /> : <p className="notice">{t("trainings.me.noMember")}</p>}
        <section className="card">
          <h2>{t("trainings.me.upcoming")}</h2>
          <EventTable events={data.upcoming} linked={false} testId="upcoming-events" />
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("trainings.title")}
        intro={t("trainings.intro")}
        actions={
          <>
            {data.canManage ? (
              <Link className="button button--primary" to="/trainings/events/new">
                {t("trainings.board.addEvent")}
              </Link>
            ) : null}
            {data.own ? (
              <a className="button" href="/trainings/record.pdf">
                {t("trainings.me.pdf")}
              </a>
            ) : null}
          </>
        }
      />
      <nav className="card" aria-label={t("trainings.title")}>
        <ul className="plain-list">
          <li>
            <Link to="/trainings/certificates">{t("trainings.board.expiry")}</Link>{" "}
            <span className="muted" data-testid="expiry-counts">
              ({t("trainings.dashboard.expired")}: {data.counts.expired} · {t("trainings.dashboard.expiring")}: {data.counts.expiring})
            </span>
          </li>
          <li>
            <Link to="/trainings/matrix">{t("trainings.board.matrix")}</Link>
          </li>
          <li>
            <Link to="/trainings/courses">{t("trainings.board.catalogue")}</Link>
          </li>
          <li>
            <Link to="/trainings/competencies">{t("trainings.board.competencies")}</Link>
          </li>
        </ul>
      </nav>
      <section className="card">
        <h2>{t("trainings.board.upcoming")}</h2>
        <EventTable events={data.upcoming} linked testId="upcoming-events" />
      </section>
      <section className="card">
        <h2>{t("trainings.board.past")}</h2>
        <EventTable events={data.past} linked testId="past-events" />
      </section>
      <section className="card">
        <h2>{data.gapCount ? t("trainings.board.gaps", { count: data.gapCount }) : t("trainings.board.gapsNone")}</h2>
        {data.gaps.length ? (
          <ul className="plain-list" data-testid="members-without-bimtek">
            {data.gaps.map((m) => (
              <li key={m.id}>
                <Link to={`/members/${m.id}/trainings`}>{m.fullName}</Link> <span className="muted">{m.memberNumber}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
