import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ReasonForm } from "~/components/ReasonForm";
import { getActivity } from "~/domain/activities/activities.server";
import { reopenActivity, returnActivities, returnNotices, verifyActivities } from "~/domain/activities/verification.server";
import { ReturnNotices } from "~/components/notifications/ReturnNotices";
import { t } from "~/i18n";
import { activityStatusLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatNumber, formatRupiah } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { badRequest, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { returnSchema } from "~/validation/activities";
import { LocationEvidence } from "~/components/activities/LocationEvidence";

export const meta: MetaFunction = () => [{ title: `${t("activities.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:activity:own");
  // the activity (404 when the actor may not see it) and what they may do with it
  const { activity, canEdit, mayVerify, mayReopen } = unwrap(await getActivity(actor, params.id ?? ""));
  // the verifier who returned it gets a ready WhatsApp message to the volunteer (with the reason)
  const notices = activity.status === "returned" ? await returnNotices(actor, [activity.id]) : [];
  return { activity, canEdit, mayVerify, mayReopen, notices, timeZone: actor.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "verify:activity:district");
  const id = params.id ?? "";
  const back = `/activities/${encodeURIComponent(id)}`;
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "verify") {
    const result = unwrap(await verifyActivities(actor, [id]));
    if (!result.verified) return redirectWithToast(back, "error", "activities.verify.doneSkipped", { count: 0, skipped: 1 });
    return redirectWithToast(back, "success", "activities.verify.done", { count: 1 });
  }
  if (intent !== "return" && intent !== "reopen") badRequest();
  const parsed = parseForm(returnSchema, formData);
  if (!parsed.success) return invalidForm(parsed, { intent });
  if (intent === "return") {
    const result = unwrap(await returnActivities(actor, [id], parsed.data.reason));
    if (!result.verified) return redirectWithToast(back, "error", "activities.verify.doneSkipped", { count: 0, skipped: 1 });
    return redirectWithToast(back, "success", "activities.verify.returned", { count: 1 });
  }
  unwrap(await reopenActivity(actor, id, parsed.data.reason));
  return redirectWithToast(back, "success", "activities.verify.reopened");
}

export default function ActivityPage() {
  const { activity: a, canEdit, mayVerify, mayReopen, notices, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reasonError = (intent: string) => (actionData?.intent === intent ? actionData.fieldErrors.reason : undefined);
  const people = a.reach.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <PageHeader
        title={`${a.type.name}`}
        intro={`${formatCalendarDateLong(a.date)} · ${a.village.name}${a.village.parent ? `, Kec. ${a.village.parent.name}` : ""} · ${activityStatusLabel(a.status)}`}
        actions={
          canEdit ? (
            <Link className="button button--primary" to={`/activities/${a.id}/edit`}>
              {t("activities.detail.edit")}
            </Link>
          ) : null
        }
      />
      {a.status === "returned" && a.returnReason ? (
        <p className="notice" role="status" data-testid="return-reason">
          {t("activities.detail.returned", { reason: a.returnReason })}
        </p>
      ) : null}
      <ReturnNotices notices={notices} />
      <section className="card">
        <dl className="facts">
          <dt>{t("activities.column.volunteer")}</dt>
          <dd>
            {t("activities.detail.by", { name: a.member.fullName })}
            {a.volunteers.length ? (
              <> · {t("activities.detail.with", { names: a.volunteers.map((v) => v.member.fullName).join(", ") })}</>
            ) : null}
          </dd>
          {a.programme ? (
            <>
              <dt>{t("activities.filter.programme")}</dt>
              <dd>
                <Link to={`/programmes/${a.programme.id}`}>{a.programme.name}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("activities.column.hours")}</dt>
          <dd>
            {a.startTime && a.endTime
              ? t("activities.detail.time", { start: a.startTime, end: a.endTime, minutes: a.durationMinutes })
              : t("activities.detail.minutes", { minutes: a.durationMinutes })}
          </dd>
          <dt>{t("activities.column.place")}</dt>
          <dd>
            {a.village.name}
            {a.rt ? ` RT ${a.rt}` : ""}
            {a.rw ? ` RW ${a.rw}` : ""}
          </dd>
          <dt>{t("activities.location.label")}</dt>
          <dd>
            {a.latitude !== null && a.longitude !== null ? (
              <LocationEvidence
                latitude={a.latitude}
                longitude={a.longitude}
                accuracy={a.locationAccuracy}
                takenAt={a.locatedAt}
                timeZone={timeZone}
              />
            ) : (
              <span className="muted">{t("activities.location.none")}</span>
            )}
          </dd>
          <dt>{t("activities.column.people")}</dt>
          <dd>
            {formatNumber(people)} · {t("activities.detail.households", { count: formatNumber(a.households) })}
          </dd>
        </dl>
        {a.narrative ? <p>{a.narrative}</p> : null}
      </section>
      {a.photos.length ? (
        <section className="card">
          <h2>{t("activities.photos.title")}</h2>
          <div className="photos" data-testid="photos">
            {a.photos.map((p, i) => (
              <a key={p.id} href={`/activities/${a.id}/photos/${p.id}.jpg`}>
                <img
                  src={`/activities/${a.id}/photos/${p.id}.jpg`}
                  alt={t("activities.photos.alt", { n: i + 1 })}
                  loading="lazy"
                  width={160}
                />
              </a>
            ))}
          </div>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("activities.detail.reach")}</h2>
        {a.reach.length === 0 ? (
          <p>{t("activities.detail.noReach")}</p>
        ) : (
          <ul className="plain-list" data-testid="reach">
            {a.reach.map((r) => (
              <li key={`${r.categoryId}-${r.sex}-${r.ageBand}`}>
                {r.category.name}: {formatNumber(r.count)}{" "}
                {t(r.sex === "L" ? "activities.field.male" : "activities.field.female").toLowerCase()}
              </li>
            ))}
          </ul>
        )}
        {a.aid.length ? (
          <>
            <h3>{t("activities.detail.aid")}</h3>
            <ul className="plain-list">
              {a.aid.map((aid, i) => (
                <li key={i}>
                  {aid.item}: {formatNumber(aid.quantity)} {aid.unit ?? ""} · {formatRupiah(aid.value)} (
                  {t(`activities.source.${aid.source}`)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {a.followUpsOpened.length ? (
          <>
            <h3>{t("activities.detail.followUps")}</h3>
            <ul className="plain-list" data-testid="follow-ups-opened">
              {a.followUpsOpened.map((f) => (
                <li key={f.id}>
                  <Link to={`/activities/follow-ups/${f.id}`}>
                    {f.institution}: {f.description}
                  </Link>{" "}
                  ({t(`activities.followUp.${f.status}`)}){f.caseIdentifierMasked ? ` · NIK/KK ${f.caseIdentifierMasked}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {a.followUpUpdates.length ? (
          <>
            <h3>{t("activities.detail.followUpUpdates")}</h3>
            <ul className="plain-list" data-testid="follow-up-updates">
              {a.followUpUpdates.map((u) => (
                <li key={u.followUpId}>
                  <Link to={`/activities/follow-ups/${u.followUpId}`}>
                    {u.followUp.institution}: {u.followUp.description}
                  </Link>{" "}
                  → {t(`activities.followUp.${u.status}`)}
                  {u.note ? ` · ${u.note}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {mayVerify ? (
        <section className="card">
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button button--primary">
              {t("activities.verify.submit")}
            </button>
          </Form>
          <ReasonForm
            intent="return"
            label={t("activities.verify.reason")}
            submit={t("activities.verify.return")}
            error={reasonError("return")}
          />
        </section>
      ) : null}
      {mayReopen ? (
        <section className="card">
          <ReasonForm
            intent="reopen"
            label={t("activities.verify.reopenReason")}
            submit={t("activities.verify.reopen")}
            error={reasonError("reopen")}
          />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
