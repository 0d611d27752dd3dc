import { readFormData } from "~/utils/request-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { EndHoldingForm, ReplaceHoldingForm } from "~/components/leadership/HoldingChangeForms";
import { endHolding, replaceHolding, searchActiveMembers } from "~/domain/leadership/holdings.server";
import { getPeriod } from "~/domain/leadership/periods.server";
import type { Actor } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateLong } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { badRequest, formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { notFound, requireActor } from "~/http/permissions.server";
import { redirectWithToast } from "~/http/session.server";
import { toDateInput } from "~/validation/fields";
import { endHoldingSchema, replaceHoldingSchema } from "~/validation/leadership";

export const meta: MetaFunction = () => [{ title: `${t("leadership.detail.manage")} · ${t("app.name")}` }];

async function loadHolding(actor: Actor, periodId: string, holdingId: string) {
  const { period } = unwrap(await getPeriod(actor, periodId));
  const holding = period.holdings.find((h) => h.id === holdingId);
  if (!holding) notFound();
  return { period, holding };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const { period, holding } = await loadHolding(actor, params.id ?? "", params.holdingId ?? "");
  const today = calendarToday(actor.timeZone);
  const end = holding.endDate ?? period.endDate;
  return {
    period: { id: period.id, name: period.name, status: period.status },
    holding,
    end,
    open: end >= today && period.status !== "ended",
    today: toDateInput(today),
    members: (await searchActiveMembers(actor, "", 2000)).filter((m) => m.id !== holding.member.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:leadership:chapter");
  const { holding } = await loadHolding(actor, params.id ?? "", params.holdingId ?? "");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/leadership/${params.id}`;

  if (intent === "replace") {
    const parsed = parseForm(replaceHoldingSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { form: "replace" as const });
    const result = await replaceHolding(actor, holding.id, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, form: "replace" as const });
    return redirectWithToast(back, "success", "leadership.holding.replaced", {
      name: result.memberName,
      position: holding.position.title,
    });
  }

  if (intent === "end") {
    const parsed = parseForm(endHoldingSchema, formData);
    if (!parsed.success) return invalidForm(parsed, { form: "end" as const });
    const result = await endHolding(actor, holding.id, parsed.data);
    if (!result.ok) return formRefusal(result, { values: parsed.values, form: "end" as const });
    return redirectWithToast(back, "success", "leadership.holding.ended", { name: result.memberName, position: result.positionTitle });
  }

  badRequest();
}

export default function HoldingPage() {
  const { period, holding, end, open, today, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("leadership.holding.title", { position: holding.position.title, name: holding.member.fullName })}
        intro={`${period.name} · ${t("leadership.holding.intro", {
          start: formatCalendarDateLong(holding.startDate),
          until: t("leadership.holding.until", { end: formatCalendarDateLong(end) }),
        })}`}
        actions={
          <Link className="button" to={`/leadership/${period.id}`}>
            {period.name}
          </Link>
        }
      />
      {open ? (
        <>
          <section className="card">
            <h2>{t("leadership.holding.replace")}</h2>
            <p className="muted">{t("leadership.holding.replaceIntro")}</p>
            <ReplaceHoldingForm
              members={members}
              today={today}
              {...(actionData?.form === "replace" ? { fieldErrors: actionData.fieldErrors, values: actionData.values } : {})}
            />
          </section>
          <section className="card">
            <h2>{t("leadership.holding.end")}</h2>
            <p className="muted">{t("leadership.holding.endIntro")}</p>
            <EndHoldingForm
              today={today}
              {...(actionData?.form === "end" ? { fieldErrors: actionData.fieldErrors, values: actionData.values } : {})}
            />
          </section>
        </>
      ) : (
        <p className="notice">{t("leadership.holding.closed")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
