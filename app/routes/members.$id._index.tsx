import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { MemberCardPanel } from "~/components/MemberCardPanel";
import { PageHeader } from "~/components/PageHeader";
import { StatusChangeForm } from "~/components/StatusChangeForm";
import { memberPositionHistory } from "~/domain/leadership/leadership.server";
import { changeMemberStatus, getMember, getMemberHistory, memberPageRights, revealNik } from "~/domain/members/members.server";
import { anonymisationOffer, anonymiseMember, privacyFacts } from "~/domain/members/privacy.server";
import { memberTrainingRecord } from "~/domain/trainings/record.server";
import { AnonymiseMemberForm } from "~/components/members/AnonymiseMemberForm";
import { anonymiseSchema } from "~/validation/privacy";
import { t, type MessageKey } from "~/i18n";
import { holdingEndReasonLabel, memberStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatDateLong, formatHours, formatTime, maskNik } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { statusChangeSchema, toDateInput } from "~/validation/members";
import { formatPhone } from "~/validation/member-values";
import { calendarToday } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.member.fullName ?? t("members.title")} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:member:chapter");
  const { member } = unwrap(await getMember(actor, params.id ?? ""));
  const rights = memberPageRights(actor, member);
  const wantsNik = new URL(request.url).searchParams.get("nik") === "1";
  const nik = rights.canSeeNik && wantsNik ? unwrap(await revealNik(actor, member.id)).nik : null;
  const { nik: storedNik, ...rest } = member;
  return {
    member: { ...rest, nikMasked: maskNik(storedNik), nik },
    history: await getMemberHistory(actor, member.id),
    positions: await memberPositionHistory(actor.chapterId, member.id),
    ...rights,
    training: rights.canSeeTrainings
      ? await memberTrainingRecord(actor, member.id).then((found) =>
          found.ok
            ? {
                hours: found.record.totalHours,
                trainings: found.record.trainings.length,
                certificates: found.record.certificates.length,
                gaps: found.record.gaps,
              }
            : null,
        )
      : null,
    privacy: privacyFacts(member),
    anonymise: await anonymisationOffer(actor, member),
    timeZone: actor.timeZone,
    // The chapter's today (after midnight WIB the UTC date is still yesterday).
    today: toDateInput(calendarToday(actor.timeZone)),
  };
}

// POST intent=status (the default): a status change; intent=anonymise: erase a departed member's
// identity on request (docs/privacy.md).
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:member:chapter");
  const form = await readFormData(request);
  if (form.get("intent") === "anonymise") {
    const parsed = parseForm(anonymiseSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent: "anonymise" as const });
    const done = await anonymiseMember(actor, params.id ?? "", parsed.data);
    if (!done.ok) return formRefusal(done, { values: parsed.values, intent: "anonymise" as const });
    return redirectWithToast(`/members/${params.id}`, "success", "privacy.anonymise.done");
  }
  const parsed = parseForm(statusChangeSchema, form);
  if (!parsed.success) return invalidForm(parsed);
  const changed = await changeMemberStatus(actor, params.id ?? "", parsed.data);
  if (!changed.ok) return formRefusal(changed, { values: parsed.values });
  return redirectWithToast(`/members/${params.id}`, "success", "members.status.done", {
    name: changed.fullName,
    status: memberStatusLabel(changed.to),
  });
}

const HISTORY_ACTIONS = new Set([
  "member.create",
  "member.update",
  "member.status",
  "member.nik.view",
  "member.merge",
  "member.duplicate.distinct",
  "member.card.issue",
  "member.card.revoke",
  "member.card.export",
  "member.photo.update",
  "member.consent",
  "member.anonymise",
]);

function historyLabel(action: string) {
  return t((HISTORY_ACTIONS.has(action) ? `members.history.action.${action}` : "members.history.action.other") as MessageKey);
}

/** A field's label for the history ("address" -> "Alamat"); the key itself when there is none. */
function fieldLabel(key: string) {
  const label = t(`members.field.${key}` as MessageKey);
  return label.startsWith("members.field.") ? key : label;
}

/** "Status: Aktif → Nonaktif; Alasan: ..." style summary of an audit entry. */
function historyDetail(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!after) return "";
  return Object.keys(after)
    .filter((key) => key !== "statusDate")
    .map((key) => {
      const show = (v: unknown) => (key === "status" && typeof v === "string" ? memberStatusLabel(v) : String(v ?? "–"));
      return before && key in before
        ? `${fieldLabel(key)}: ${show(before[key])} → ${show(after[key])}`
        : `${fieldLabel(key)}: ${show(after[key])}`;
    })
    .join("; ");
}

export default function MemberPage() {
  const {
    member,
    history,
    positions,
    canSeeNik,
    canEdit,
    canPrintCard,
    canSeeTrainings,
    canManageLogin,
    training,
    privacy,
    anonymise,
    timeZone,
    today,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={member.fullName}
        intro={`${member.memberNumber ?? ""} · ${memberStatusLabel(member.status)}`}
        actions={
          <>
            {canSeeTrainings ? (
              <Link className="button" to={`/members/${member.id}/trainings`}>
                {t("trainings.member.link")}
              </Link>
            ) : null}
            {canEdit ? (
              <Link className="button" to={`/members/${member.id}/edit`}>
                {t("members.edit")}
              </Link>
            ) : null}
            {canManageLogin ? (
              <Link className="button" to={`/members/${member.id}/login`}>
                {t("links.title")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card">
        <dl className="facts">
          <dt>{t("members.field.memberNumber")}</dt>
          <dd>{member.memberNumber ?? "–"}</dd>
          <dt>{t("members.field.nik")}</dt>
          <dd>
            <span className="mono" data-testid="member-nik">
              {member.nik ?? member.nikMasked}
            </span>{" "}
            {canSeeNik && !member.nik ? (
              <Link to="?nik=1" className="small-link">
                {t("members.detail.nikShow")}
              </Link>
            ) : null}
            {member.nik ? <small className="muted"> {t("members.detail.nikAudited")}</small> : null}
          </dd>
          <dt>{t("members.field.sex")}</dt>
          <dd>{t(`member.sex.${member.sex}` as MessageKey)}</dd>
          <dt>{t("members.field.birthDate")}</dt>
          <dd>{formatCalendarDateLong(member.birthDate)}</dd>
          <dt>{t("members.field.phone")}</dt>
          <dd>{formatPhone(member.phone) || "–"}</dd>
          <dt>{t("members.show.email")}</dt>
          <dd>{member.email ?? "–"}</dd>
          <dt>{t("members.field.address")}</dt>
          <dd>
            {member.address}, {member.village.name}
            {member.village.parent ? `, Kec. ${member.village.parent.name}` : ""}
          </dd>
          <dt>{t("members.field.membershipType")}</dt>
          <dd>{t(`member.type.${member.membershipType}` as MessageKey)}</dd>
          <dt>{t("members.field.joinDate")}</dt>
          <dd>{formatCalendarDateLong(member.joinDate)}</dd>
          <dt>{t("members.field.status")}</dt>
          <dd>
            {memberStatusLabel(member.status)}
            {member.statusDate ? ` (${t("members.field.statusDate").toLowerCase()} ${formatCalendarDateLong(member.statusDate)})` : ""}
          </dd>
          <dt>{t("members.show.skPsm")}</dt>
          <dd>
            {member.skPsmNumber ? `${member.skPsmNumber}${member.skPsmDate ? `, ${formatCalendarDateLong(member.skPsmDate)}` : ""}` : "–"}
          </dd>
          <dt>{t("members.show.basicBimtek")}</dt>
          <dd>{member.basicBimtekDate ? formatCalendarDateLong(member.basicBimtekDate) : "–"}</dd>
          <dt>{t("privacy.consent.label")}</dt>
          <dd data-testid="member-consent">
            {privacy.anonymisedAt
              ? t("privacy.anonymise.badge", { date: formatDateLong(privacy.anonymisedAt, timeZone) })
              : privacy.consentAt && privacy.consentVersion
                ? t(privacy.consentCurrent ? "privacy.consent.given" : "privacy.consent.outdated", {
                    date: formatDateLong(privacy.consentAt, timeZone),
                    version: privacy.consentVersion,
                  })
                : t("privacy.consent.none")}
          </dd>
        </dl>
      </section>

      <MemberCardPanel
        memberId={member.id}
        memberName={member.fullName}
        cards={member.cards}
        hasPhoto={Boolean(member.photoFile)}
        canManage={canEdit}
        canPrint={canPrintCard}
        memberStatus={member.status}
        timeZone={timeZone}
      />

      {training ? (
        <section className="card" data-testid="member-training-summary">
          <h2>{t("trainings.title")}</h2>
          <p>
            {t("members.training.summary", {
              trainings: training.trainings,
              hours: formatHours(training.hours),
              certificates: training.certificates,
            })}{" "}
            <Link to={`/members/${member.id}/trainings`}>{t("trainings.member.link")}</Link>
          </p>
          {training.gaps.map((gap) => (
            <p key={gap} className="notice">
              {t(`trainings.member.gap.${gap}` as MessageKey)}
            </p>
          ))}
        </section>
      ) : null}

      <section className="card">
        <h2>{t("member.positions.title")}</h2>
        {positions.length === 0 ? (
          <p>{t("member.positions.empty")}</p>
        ) : (
          <ul className="plain-list" data-testid="member-positions">
            {positions.map((p) => (
              <li key={p.id}>
                <strong>{p.position}</strong> · <Link to={`/leadership/${p.periodId}`}>{p.periodName}</Link> ·{" "}
                {t("leadership.term", { start: formatCalendarDateLong(p.startDate), end: formatCalendarDateLong(p.endDate) })}
                {p.skNumber ? ` · SK ${p.skNumber}` : ""}
                {p.endReason ? ` · ${holdingEndReasonLabel(p.endReason)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit ? (
        <section className="card">
          <h2>{t("members.status.title")}</h2>
          <StatusChangeForm
            current={member.status}
            today={today}
            fieldErrors={actionData && "intent" in actionData ? undefined : actionData?.fieldErrors}
          />
        </section>
      ) : null}

      {anonymise && !privacy.anonymisedAt ? (
        <AnonymiseMemberForm
          blocked={anonymise.blocked}
          fieldErrors={actionData && "intent" in actionData ? actionData.fieldErrors : undefined}
          formError={
            actionData && "intent" in actionData && "formError" in actionData ? (actionData.formError as string | undefined) : undefined
          }
        />
      ) : null}

      <section className="card">
        <h2>{t("members.history.title")}</h2>
        {history.length === 0 ? (
          <p>{t("members.history.empty")}</p>
        ) : (
          <ol className="history">
            {history.map((entry) => (
              <li key={entry.id}>
                <strong>{historyLabel(entry.action)}</strong>{" "}
                <span className="muted">
                  {formatDateLong(entry.at, timeZone)} {formatTime(entry.at, timeZone)}{" "}
                  {entry.actorName ? t("members.history.by", { name: entry.actorName }) : t("members.history.system")}
                </span>
                {entry.action === "member.status" || entry.action === "member.update" ? (
                  <div className="history__detail">{historyDetail(entry.before, entry.after)}</div>
                ) : null}
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
