import { readFormData } from "~/utils/request-form.server";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { CompositionTable } from "~/components/leadership/CompositionTable";
import { HoldingForm } from "~/components/leadership/HoldingForm";
import { HoldingHistory } from "~/components/leadership/HoldingHistory";
import { PeriodChanges } from "~/components/leadership/PeriodChanges";
import {
  activatePeriod,
  archivePastPeriod,
  addHolding,
  compositionDay,
  endPeriodEarly,
  getPeriod,
  holdsOn,
  listPositions,
  periodHistory,
  searchActiveMembers,
  type PeriodActionError,
} from "~/domain/leadership/leadership.server";
import { t, type MessageKey } from "~/i18n";
import { periodStatusLabel } from "~/i18n/labels";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateLong } from "~/utils/format";
import { parseForm, useServerFieldErrors, useValidatedSubmit } from "~/utils/forms";
import { hasPermission } from "~/utils/permissions";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { toDateInput } from "~/validation/fields";
import { endPeriodSchema, holdingFormSchema, type EndPeriodInput } from "~/validation/leadership";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.period.name ?? t("leadership.title")} · ${t("app.name")}` },
];

/** Active members offered as holders; a chapter rarely has more, and the list is searchable by typing. */
const MEMBER_CHOICES = 2000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:leadership:chapter");
  const period = await getPeriod(user.chapter.id, params.id ?? "");
  if (!period) notFound();
  const canManage = hasPermission(user.permissions, "update:leadership:chapter");
  const today = calendarToday(user.chapter.timeZone);
  const day = compositionDay(period, today);
  const [positions, members, changes] = await Promise.all([
    canManage ? listPositions(user.chapter.id, { activeOnly: true }) : [],
    canManage ? searchActiveMembers(user.chapter.id, "", MEMBER_CHOICES) : [],
    canManage ? periodHistory(user.chapter.id, period.id) : [],
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
    timeZone: user.chapter.timeZone,
  };
}

const PERIOD_ERRORS: Record<PeriodActionError, MessageKey> = {
  notFound: "leadership.error.notFound",
  notDraft: "leadership.error.notDraft",
  notStarted: "leadership.error.notStarted",
  alreadyOver: "leadership.error.alreadyOver",
  noKetua: "leadership.error.noKetua",
  notActive: "leadership.error.notActive",
  notOver: "leadership.error.notOver",
  endOutside: "leadership.error.endOutside",
  holdingsAfterEnd: "leadership.error.holdingsAfterEnd",
  successorStartsEarlier: "leadership.error.successorStartsEarlier",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:leadership:chapter");
  const periodId = params.id ?? "";
  const back = `/leadership/${periodId}`;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const scope = { chapterId: user.chapter.id, actorId: user.id, periodId, timeZone: user.chapter.timeZone };

  if (intent === "addHolding") {
    const parsed = parseForm(holdingFormSchema, formData);
    if (!parsed.success) return data({ form: "holding" as const, ...parsed }, { status: 400 });
    const result = await addHolding({ ...scope, data: parsed.data });
    if (!result.ok) {
      if ("notFound" in result) notFound();
      return data({ form: "holding" as const, fieldErrors: result.fieldErrors, values: parsed.values }, { status: 400 });
    }
    const added = await getPeriod(user.chapter.id, periodId);
    const holding = added?.holdings.find((h) => h.id === result.id);
    return redirectWithToast(back, "success", "leadership.holding.added", {
      name: holding?.member.fullName ?? "",
      position: holding?.position.title ?? "",
    });
  }

  if (intent === "endEarly") {
    const parsed = parseForm(endPeriodSchema, formData);
    if (!parsed.success) return data({ form: "endEarly" as const, ...parsed }, { status: 400 });
    const result = await endPeriodEarly({ ...scope, ...parsed.data });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return data(
        { form: "endEarly" as const, fieldErrors: { endDate: t(PERIOD_ERRORS[result.error]) }, values: parsed.values },
        { status: 400 },
      );
    }
    return redirectWithToast(back, "success", result.ended ? "leadership.endEarly.doneEnded" : "leadership.endEarly.doneScheduled");
  }

  if (intent === "activate") {
    const result = await activatePeriod(scope);
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return redirectWithToast(back, "error", PERIOD_ERRORS[result.error]);
    }
    return result.previous
      ? redirectWithToast(back, "success", "leadership.activate.doneReplacing", { name: result.name, previous: result.previous })
      : redirectWithToast(back, "success", "leadership.activate.done", { name: result.name });
  }

  if (intent === "archive") {
    const result = await archivePastPeriod(scope);
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return redirectWithToast(back, "error", PERIOD_ERRORS[result.error]);
    }
    return redirectWithToast(back, "success", "leadership.archive.done");
  }

  throw new Response("Bad Request", { status: 400 });
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
    resolver: zodResolver(endPeriodSchema),
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
