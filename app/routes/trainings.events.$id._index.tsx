import { CardCell } from "~/components/CardCell";
import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { addParticipants, getEvent, recordResults, searchRegistrableMembers } from "~/domain/trainings/events.server";
import { trainingRights } from "~/domain/trainings/shared.server";
import { t } from "~/i18n";
import { attendanceLabel, levelLabel, memberStatusLabel, resultLabel } from "~/i18n/labels";
import { formatCalendarDateLong, formatCalendarDateShort, formatHours } from "~/utils/format";
import { formValues, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { badRequest, formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { parseResultRows, participantsFormSchema } from "~/validation/trainings";
import { ATTENDANCE, RESULTS } from "~/validation/training-values";

const loadParticipantsFormSchema = () => import("~/validation/trainings").then((m) => m.participantsFormSchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.event.course.name ?? t("trainings.title")} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:training:chapter");
  const { event } = unwrap(await getEvent(actor, params.id ?? ""));
  const { canManage } = trainingRights(actor);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return {
    event,
    canManage,
    q,
    candidates: canManage ? await searchRegistrableMembers(actor, q, event.id) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:training:chapter");
  const eventId = params.id ?? "";
  const back = `/trainings/events/${eventId}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "addParticipants") {
    const parsed = participantsFormSchema.safeParse({ memberIds: formData.getAll("memberIds").map(String) });
    if (!parsed.success) {
      const fieldErrors = { memberIds: parsed.error.issues[0]?.message ?? t("trainings.error.noMembers") };
      return invalidForm({ fieldErrors, values: formValues(formData) }, { form: "participants" as const });
    }
    const result = await addParticipants(actor, eventId, parsed.data.memberIds);
    if (!result.ok) return formRefusal(result, { values: formValues(formData), form: "participants" as const });
    return redirectWithToast(back, "success", result.skipped ? "trainings.event.addedSkipped" : "trainings.event.added", {
      added: result.added,
      skipped: result.skipped,
    });
  }

  if (intent === "results") {
    const parsed = parseResultRows(formData);
    if (Object.keys(parsed.fieldErrors).length) {
      return invalidForm({ fieldErrors: parsed.fieldErrors, values: formValues(formData) }, { form: "results" as const });
    }
    const result = await recordResults(actor, eventId, parsed.rows);
    if (!result.ok) return formRefusal(result, { values: formValues(formData), form: "results" as const });
    return redirectWithToast(back, "success", "trainings.event.resultsSaved", { count: result.saved });
  }

  return badRequest();
}

type Candidate = { id: string; fullName: string; memberNumber: string | null; status: string; village: { name: string } };

/** Members ticked to register for the event; at least one, checked in the browser with the server's schema. */
function AddParticipantsForm({ candidates, fieldErrors }: { candidates: Candidate[]; fieldErrors: Record<string, string> }) {
  const { register, handleSubmit, setError, formState } = useForm({ resolver: useLazyZodResolver(loadParticipantsFormSchema) });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  const error = formState.errors.memberIds?.message;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-label={t("trainings.event.addParticipants")}>
      <input type="hidden" name="intent" value="addParticipants" />
      <fieldset>
        <legend>{t("trainings.event.choose")}</legend>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <ul className="plain-list" data-testid="candidates">
          {candidates.map((m) => (
            <li key={m.id}>
              <label className="checkbox">
                <input type="checkbox" value={m.id} {...register("memberIds")} /> {m.fullName}{" "}
                <small className="muted">
                  {m.memberNumber} · {m.village.name}
                  {m.status === "aktif" ? "" : ` · ${memberStatusLabel(m.status)}`}
                </small>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button button--primary">
        {t("trainings.event.addSubmit")}
      </button>
    </Form>
  );
}

function RowError({ message }: { message?: string }) {
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

export default function EventPage() {
  const { event, canManage, q, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const resultErrors = actionData?.form === "results" ? actionData.fieldErrors : {};
  const resultValues = actionData?.form === "results" ? actionData.values : undefined;
  const participantErrors = actionData?.form === "participants" ? actionData.fieldErrors : {};
  const value = (name: string, id: string, stored: string) => resultValues?.[`${name}.${id}`] ?? stored;
  const dates = t("trainings.dates", { start: formatCalendarDateLong(event.startDate), end: formatCalendarDateLong(event.endDate) });
  return (
    <>
      <PageHeader
        title={event.course.name}
        intro={t("trainings.event.facts", { course: event.organiser, dates, place: event.place })}
        actions={
          <Link className="button" to="/trainings">
            {t("trainings.title")}
          </Link>
        }
      />
      <section className="card">
        <dl className="facts">
          <dt>{t("trainings.column.hours")}</dt>
          <dd>{t("trainings.event.hours", { hours: formatHours(event.hours) })}</dd>
          <dt>{t("trainings.field.trainers")}</dt>
          <dd>{event.trainers ?? "–"}</dd>
          <dt>{t("trainings.field.capacity")}</dt>
          <dd>{event.capacity ?? "–"}</dd>
          <dt>{t("trainings.column.competencies")}</dt>
          <dd>{event.course.competencies.map((c) => `${c.competency.name} (${levelLabel(c.level)})`).join(", ") || "–"}</dd>
        </dl>
      </section>

      <section className="card">
        <h2>{t("trainings.event.participants", { count: event.participants.length })}</h2>
        {event.participants.length === 0 ? (
          <p>{t("trainings.event.noParticipants")}</p>
        ) : canManage ? (
          <Form method="post" aria-label={t("trainings.event.results")}>
            <input type="hidden" name="intent" value="results" />
            <div className="table-wrap">
              <table className="table table--cards" data-testid="participants">
                <thead>
                  <tr>
                    <th>{t("trainings.column.name")}</th>
                    <th>{t("trainings.column.attendance")}</th>
                    <th>{t("trainings.column.hoursAttended")}</th>
                    <th>{t("trainings.column.result")}</th>
                    <th>{t("trainings.column.score")}</th>
                    {event.course.issuesCertificate ? <th>{t("trainings.event.certificate")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {event.participants.map((p) => {
                    const errorOf = (field: string) => resultErrors[`${p.id}.${field}`];
                    return (
                      <tr key={p.id}>
                        <CardCell label={t("trainings.column.name")}>
                          <input type="hidden" name="participant" value={p.id} />
                          {p.member.fullName}
                          <br />
                          <small className="muted">{p.member.memberNumber}</small>
                        </CardCell>
                        <CardCell label={t("trainings.column.attendance")}>
                          <select
                            name={`attendance.${p.id}`}
                            aria-label={`${t("trainings.column.attendance")} ${p.member.fullName}`}
                            defaultValue={value("attendance", p.id, p.attendance ?? "")}
                          >
                            <option value="">{t("trainings.notRecorded")}</option>
                            {ATTENDANCE.map((a) => (
                              <option key={a} value={a}>
                                {attendanceLabel(a)}
                              </option>
                            ))}
                          </select>
                        </CardCell>
                        <CardCell label={t("trainings.column.hoursAttended")}>
                          <input
                            name={`hoursAttended.${p.id}`}
                            inputMode="decimal"
                            size={5}
                            aria-label={`${t("trainings.column.hoursAttended")} ${p.member.fullName}`}
                            aria-invalid={errorOf("hoursAttended") ? true : undefined}
                            defaultValue={value(
                              "hoursAttended",
                              p.id,
                              p.hoursAttended === null ? "" : String(p.hoursAttended).replace(".", ","),
                            )}
                          />
                          <RowError message={errorOf("hoursAttended")} />
                        </CardCell>
                        <CardCell label={t("trainings.column.result")}>
                          <select
                            name={`result.${p.id}`}
                            aria-label={`${t("trainings.column.result")} ${p.member.fullName}`}
                            defaultValue={value("result", p.id, p.result ?? "")}
                          >
                            <option value="">{t("trainings.notRecorded")}</option>
                            {RESULTS.map((r) => (
                              <option key={r} value={r}>
                                {resultLabel(r)}
                              </option>
                            ))}
                          </select>
                          <RowError message={errorOf("result")} />
                        </CardCell>
                        <CardCell label={t("trainings.column.score")}>
                          <input
                            name={`score.${p.id}`}
                            inputMode="decimal"
                            size={4}
                            aria-label={`${t("trainings.column.score")} ${p.member.fullName}`}
                            defaultValue={value("score", p.id, p.score === null ? "" : String(p.score).replace(".", ","))}
                          />
                          <RowError message={errorOf("score")} />
                        </CardCell>
                        {event.course.issuesCertificate ? (
                          <CardCell label={t("trainings.event.certificate")}>
                            {p.certificate ? (
                              <>
                                <span className="mono">{p.certificate.number}</span>
                                <br />
                                <small className="muted">
                                  {p.certificate.expiresOn ? formatCalendarDateShort(p.certificate.expiresOn) : t("trainings.noExpiry")}
                                </small>{" "}
                                <Link to={`/trainings/events/${event.id}/participants/${p.id}/certificate`}>
                                  {t("trainings.event.certificateEdit")}
                                </Link>
                              </>
                            ) : p.result === "lulus" ? (
                              <Link to={`/trainings/events/${event.id}/participants/${p.id}/certificate`}>
                                {t("trainings.event.certificateAdd")}
                              </Link>
                            ) : (
                              "–"
                            )}
                          </CardCell>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("trainings.event.resultsSubmit")}
            </button>
          </Form>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="participants">
              <thead>
                <tr>
                  <th>{t("trainings.column.name")}</th>
                  <th>{t("trainings.column.attendance")}</th>
                  <th>{t("trainings.column.hoursAttended")}</th>
                  <th>{t("trainings.column.result")}</th>
                </tr>
              </thead>
              <tbody>
                {event.participants.map((p) => (
                  <tr key={p.id}>
                    <CardCell label={t("trainings.column.name")}>{p.member.fullName}</CardCell>
                    <CardCell label={t("trainings.column.attendance")}>{attendanceLabel(p.attendance)}</CardCell>
                    <CardCell label={t("trainings.column.hoursAttended")}>
                      {p.hoursAttended === null ? "–" : formatHours(p.hoursAttended)}
                    </CardCell>
                    <CardCell label={t("trainings.column.result")}>{resultLabel(p.result)}</CardCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canManage ? (
        <section className="card">
          <h2>{t("trainings.event.addParticipants")}</h2>
          <Form method="get" className="inline-form" role="search">
            <label>
              {t("trainings.event.search")}
              <input type="search" name="q" defaultValue={q} />
            </label>
            <button type="submit" className="button">
              {t("trainings.event.searchSubmit")}
            </button>
          </Form>
          {candidates.length === 0 ? (
            <p>{t("trainings.event.noCandidates")}</p>
          ) : (
            <AddParticipantsForm key={candidates.map((m) => m.id).join()} candidates={candidates} fieldErrors={participantErrors} />
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
