import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { CompositionTable } from "~/components/leadership/CompositionTable";
import { HoldingForm } from "~/components/leadership/HoldingForm";
import { HoldingHistory } from "~/components/leadership/HoldingHistory";
import { PeriodChanges } from "~/components/leadership/PeriodChanges";
import { addHolding, searchActiveMembers } from "~/domain/leadership/holdings.server";
import {
  activatePeriod,
  archivePastPeriod,
  compositionDay,
  endPeriodEarly,
  getPeriod,
  holdsOn,
  periodHistory,
} from "~/domain/leadership/periods.server";
import { canManageLeadership, listPositions } from "~/domain/leadership/positions.server";
import type { Refusal } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { periodStatusLabel } from "~/i18n/labels";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateLong } from "~/utils/format";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { useLazyZodResolver } from "~/utils/lazy-resolver";
import { badRequest, formRefusal, invalidForm, refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { toDateInput } from "~/validation/field-values";
import { endPeriodSchema, holdingFormSchema, type EndPeriodInput } from "~/validation/leadership";

const loadEndPeriodSchema = () => import("~/validation/leadership").then((m) => m.endPeriodSchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.period.name ?? t("leadership.title")} · ${t("app.name")}` },
];

/** Active members offered as holders; a chapter rarely has more, and the list is searchable by typing. */
const MEMBER_CHOICES = 2000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:leadership:chapter");
  const { period } = unwrap(await getPeriod(actor, params.id ?? ""));
  const canManage = canManageLeadership(actor);
  const today = calendarToday(actor.timeZone);
  const day = compositionDay(period, today);
  const [positions, members, changes] = await Promise.all([
    canManage ? listPositions(actor, { activeOnly: true }) : [],
    canManage ? searchActiveMembers(actor, "", MEMBER_CHOICES) : [],
    periodHistory(actor, period.id),
  ]);
  return {
    period,
    composition: period.holdings.filter((h) => holdsOn(h, period.endDate, day)),
    day,
    today: toDateInput(today),
    isPast: period.endDate < today,
    hasStarted: period.startDate <= today,
    canManage,
    positions: positions.map((p) => ({ id: p.id, title: p.title })),
    members,
    changes,
    timeZone: actor.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const periodId = params.id ?? "";
  const back = `/leadership/${periodId}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "addHolding") {
    const parsed = parseForm(holdingFormSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { form: "holding" as const });
    const result = await addHolding(actor, periodId, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, form: "holding" as const });
    return redirectWithToast(back, "success", "leadership.holding.added", { name: result.memberName, position: result.positionTitle });
  }

  if (intent === "endEarly") {
    const parsed = parseForm(endPeriodSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { form: "endEarly" as const });
    const result = await endPeriodEarly(actor, periodId, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, form: "endEarly" as const });
    return redirectWithToast(back, "success", result.ended ? "leadership.endEarly.doneEnded" : "leadership.endEarly.doneScheduled");
  }

  if (intent === "activate") {
    const result = await activatePeriod(actor, periodId);
    if (!result.ok) return refusedToast(back, result);
    return result.previous
      ? redirectWithToast(back, "success", "leadership.activate.doneReplacing", { name: result.name, previous: result.previous })
      : redirectWithToast(back, "success", "leadership.activate.done", { name: result.name });
  }

  if (intent === "archive") {
    const result = await archivePastPeriod(actor, periodId);
    if (!result.ok) return refusedToast(back, result);
    return redirectWithToast(back, "success", "leadership.archive.done");
  }

  badRequest();
}

/** A period button (activate, archive) refused by the period's state: its sentence as a toast on the page. */
function refusedToast(back: string, refusal: Refusal) {
  if (refusal.refusal !== "conflict") throw refusalResponse(refusal);
  return redirectWithToastText(back, "error", refusal.message);
}

function EndEarlyForm({
  today,
  fieldErrors,
  values,
}: {
  today: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const { register, handleSubmit, setError, formState } = useForm<EndPeriodInput>({
    resolver: useLazyZodResolver(loadEndPeriodSchema),
    defaultValues: { endDate: values?.endDate ?? today, note: values?.note ?? "" },
  });
  useServerFieldErrors(fieldErrors, setError);
  const onSubmit = useValidatedSubmit(handleSubmit);
  return (
    <Form method="post" noValidate className="form-grid" onSubmit={onSubmit} aria-label={t("leadership.endEarly.title")}>
      <input type="hidden" name="intent" value="endEarly" />
      <FormField
        label={t("leadership.field.periodLastDay")}
        type="date"
        error={formState.errors.endDate?.message}
        {...register("endDate")}
      />
      <FormField label={t("leadership.field.periodEndNote")} error={formState.errors.note?.message} {...register("note")} />
      <div>
        <button type="submit" className="button">
          {t("leadership.endEarly.submit")}
        </button>
      </div>
    </Form>
  );
}

export default function PeriodPage() {
  const { period, composition, day, today, isPast, hasStarted, canManage, positions, members, changes, timeZone } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const holdingErrors = actionData?.form === "holding" ? actionData : undefined;
  const endErrors = actionData?.form === "endEarly" ? actionData : undefined;
  const sk = period.skNumber
    ? period.skIssuer
      ? t("leadership.detail.skBy", {
          number: period.skNumber,
          date: period.skDate ? formatCalendarDateLong(period.skDate) : "–",
          issuer: period.skIssuer,
        })
      : t("leadership.detail.skByNoIssuer", { number: period.skNumber, date: period.skDate ? formatCalendarDateLong(period.skDate) : "–" })
    : t("leadership.detail.skNone");
  return (
    <>
      <PageHeader
        title={period.name}
        intro={`${periodStatusLabel(period.status)} · ${t("leadership.term", {
          start: formatCalendarDateLong(period.startDate),
          end: formatCalendarDateLong(period.endDate),
        })}`}
        actions={
          <>
            <a className="button" href={`/leadership/${period.id}/structure.pdf`}>
              {t("leadership.detail.pdf")}
            </a>
            {canManage ? (
              <Link className="button" to={`/leadership/${period.id}/edit`}>
                {t("leadership.edit.link")}
              </Link>
            ) : null}
          </>
        }
      />

      {canManage && period.status === "draft" ? (
        <section className="card">
          {isPast ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button">
                {t("leadership.archive.submit")}
              </button>
            </Form>
          ) : hasStarted ? (
            <Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(t("leadership.activate.confirm"))) event.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="activate" />
              <button type="submit" className="button button--primary">
                {t("leadership.activate.submit")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("leadership.error.notStarted")}</p>
          )}
        </section>
      ) : null}

      <section className="card">
        <dl className="facts">
          <dt>{t("leadership.detail.sk")}</dt>
          <dd data-testid="period-sk">{sk}</dd>
          <dt>{t("leadership.detail.installation")}</dt>
          <dd>
            {period.installationDate
              ? period.installationPlace
                ? t("leadership.detail.installationAt", {
                    date: formatCalendarDateLong(period.installationDate),
                    place: period.installationPlace,
                  })
                : formatCalendarDateLong(period.installationDate)
              : "–"}
          </dd>
          <dt>{t("leadership.detail.scan")}</dt>
          <dd>
            {period.skFile ? (
              <a href={`/leadership/${period.id}/sk`}>{t("leadership.detail.scanDownload")}</a>
            ) : (
              t("leadership.detail.scanNone")
            )}
          </dd>
        </dl>
        {canManage ? (
          <Form method="post" action={`/leadership/${period.id}/sk`} encType="multipart/form-data" className="inline-form">
            <label>
              {t("leadership.field.skFile")}
              <input type="file" name="sk" accept="application/pdf,image/jpeg,image/png" required />
            </label>
            <button type="submit" className="button">
              {t("leadership.detail.scanUpload")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card">
        <h2>{t("leadership.detail.composition", { date: formatCalendarDateLong(day) })}</h2>
        <CompositionTable
          rows={composition}
          actions={
            canManage && period.status !== "ended"
              ? (row) => <Link to={`/leadership/${period.id}/holdings/${row.id}`}>{t("leadership.detail.manage")}</Link>
              : undefined
          }
        />
      </section>

      {canManage && period.status !== "ended" ? (
        <section className="card">
          <h2>{t("leadership.holding.add")}</h2>
          <HoldingForm
            key={holdingErrors ? "failed" : "fresh"}
            positions={positions}
            members={members}
            defaults={holdingErrors?.values ?? { startDate: toDateInput(period.startDate) > today ? toDateInput(period.startDate) : today }}
            fieldErrors={holdingErrors?.fieldErrors}
          />
        </section>
      ) : null}

      {canManage && period.status === "active" ? (
        <section className="card">
          <h2>{t("leadership.endEarly.title")}</h2>
          <p className="muted">{t("leadership.endEarly.intro")}</p>
          <EndEarlyForm today={today} fieldErrors={endErrors?.fieldErrors} values={endErrors?.values} />
        </section>
      ) : null}

      <section className="card">
        <h2>{t("leadership.detail.history")}</h2>
        <HoldingHistory holdings={period.holdings} periodEnd={period.endDate} periodSk={period.skNumber} />
      </section>

      {canManage ? (
        <section className="card">
          <h2>{t("leadership.detail.changes")}</h2>
          <PeriodChanges changes={changes} timeZone={timeZone} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
