import { CardCell } from "~/components/CardCell";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ReasonForm } from "~/components/ReasonForm";
import { MoneyEntryForm } from "~/components/programmes/MoneyEntryForm";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import type { Refusal } from "~/domain/shared/outcome.server";
import { decideMoneyEntry, programmeLedger, recordMoneyEntry, reverseMoneyEntry } from "~/domain/programmes/money.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateShort, formatRupiah } from "~/utils/format";
import { formValues, parseForm } from "~/utils/forms";
import { badRequest, formRefusal, invalidForm, refusalResponse, unwrap } from "~/http/outcome.server";
import { requireActor } from "~/http/permissions.server";
import { redirectWithToast, redirectWithToastText } from "~/http/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { toDateInput } from "~/validation/fields";
import { parsePage } from "~/validation/field-values";
import { Pager } from "~/components/Pager";
import { moneyEntrySchema, moneyReasonSchema } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.money.title")} · ${t("app.name")}` }];

// /programmes/:id/money: the programme's ledger. The Ketua, the Bendahara and the coordinator
// record money received and spent (with a receipt scan); the Ketua approves or rejects entries
// waiting above the threshold; an approved entry is undone only by a correcting entry.
/** The ledger page asked for; none: the last (where new entries land). */
const ledgerPage = (value: string | null) => (value ? parsePage(value) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const ledger = unwrap(await programmeLedger(actor, params.id ?? "", ledgerPage(new URL(request.url).searchParams.get("page"))));
  return {
    ...ledger,
    defaults: { idempotencyKey: randomUUID(), date: toDateInput(calendarToday(actor.timeZone)), kind: "spending" } as Record<
      string,
      string
    >,
    reverseKey: randomUUID(),
  };
}

/** A decision or a correction the entry's state refuses: its sentence as a toast on the ledger. */
function refusedToast(back: string, refusal: Refusal) {
  if (refusal.refusal !== "conflict") throw refusalResponse(refusal);
  return redirectWithToastText(back, "error", refusal.message);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "read:programme:own");
  const programmeId = params.id ?? "";
  // a new entry (or reversal) lands on the last page, the ledger's default; a decision stays on the page it was made on
  const back = `/programmes/${programmeId}/money`;
  const page = ledgerPage(new URL(request.url).searchParams.get("page"));
  const here = page ? `${back}?page=${page}` : back;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig")
    return invalidForm({ fieldErrors: { receipt: t("programmes.error.receipt.size") }, values: {} }, { intent: "record" });
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  if (intent === "record") {
    const parsed = parseForm(moneyEntrySchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent });
    const receipt = await fileField(form, "receipt");
    const result = await recordMoneyEntry(actor, programmeId, parsed.data, receipt);
    if (!result.ok) return formRefusal(result, { values, intent });
    return redirectWithToast(
      back,
      "success",
      result.status === "pending" ? "programmes.money.recordedPending" : "programmes.money.recorded",
    );
  }
  const entryId = String(form.get("entryId") ?? "");
  if (intent === "approve" || intent === "reject") {
    let note: string | null = null;
    if (intent === "reject") {
      const parsed = parseForm(moneyReasonSchema, form);
      if (!parsed.success) return invalidForm(parsed, { intent, entryId });
      note = parsed.data.reason;
    }
    const result = await decideMoneyEntry(actor, entryId, intent, note);
    if (!result.ok) return refusedToast(here, result);
    return redirectWithToast(here, "success", intent === "approve" ? "programmes.money.approved" : "programmes.money.rejected");
  }
  if (intent === "reverse") {
    const parsed = parseForm(moneyReasonSchema, form);
    if (!parsed.success) return invalidForm(parsed, { intent, entryId });
    const result = await reverseMoneyEntry(actor, entryId, parsed.data.reason, String(form.get("idempotencyKey") ?? randomUUID()));
    if (!result.ok) return refusedToast(here, result);
    return redirectWithToast(back, "success", "programmes.money.reversed");
  }
  return badRequest();
}

export default function ProgrammeMoneyPage() {
  const { programme, entries, page, pages, pendingElsewhere, totals, canRecord, canApprove, defaults, reverseKey } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const recorded = result?.intent === "record" ? result : undefined;
  const recordErrors: Record<string, string | undefined> = recorded?.fieldErrors ?? {};
  const values = result?.intent === "record" ? { ...defaults, ...result.values } : defaults;
  const errorFor = (intent: string, entryId: string) =>
    result?.intent === intent && "entryId" in result && result.entryId === entryId ? result.fieldErrors.reason : undefined;
  return (
    <>
      <PageHeader
        title={t("programmes.money.title")}
        intro={programme.name}
        actions={<Link to={`/programmes/${programme.id}`}>{t("programmes.money.back")}</Link>}
      />
      <section className="stats stats--money" data-testid="money-totals">
        {(
          [
            ["budget", totals.budget],
            ["received", totals.received],
            ["spent", totals.spent],
            ["remaining", totals.remaining],
            ["balance", totals.balance],
          ] as const
        ).map(([key, amount]) => (
          <div className="stat" key={key} data-testid={`money-${key}`}>
            <span className="stat__label">{t(`programmes.money.${key}`)}</span>
            <span className="stat__value">{formatRupiah(amount)}</span>
          </div>
        ))}
      </section>
      {canRecord ? (
        <section className="card">
          <h2>{t("programmes.money.record")}</h2>
          <MoneyEntryForm
            key={values.idempotencyKey}
            defaults={values}
            partners={programme.partners}
            fieldErrors={recordErrors}
            formError={recorded?.formError}
            busy={busy}
          />
        </section>
      ) : null}
      <section className="card">
        <h2>{t("programmes.money.ledger")}</h2>
        {canApprove && pendingElsewhere.length > 0 ? (
          <p className="notice" data-testid="pending-elsewhere">
            {t("programmes.money.pendingElsewhere")}{" "}
            {pendingElsewhere.map((p, i) => (
              <span key={p.page}>
                {i > 0 ? ", " : null}
                <Link to={`?page=${p.page}`}>{t("programmes.money.pendingOnPage", { page: p.page, count: p.count })}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {entries.length === 0 ? (
          <p>{t("programmes.money.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards" data-testid="ledger">
              <thead>
                <tr>
                  <th>{t("programmes.money.date")}</th>
                  <th>{t("programmes.money.kind")}</th>
                  <th>{t("programmes.money.purpose")}</th>
                  <th className="num">{t("programmes.money.amount")}</th>
                  <th>{t("programmes.money.status")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid={`entry-${e.id}`}>
                    <CardCell label={t("programmes.money.date")}>{formatCalendarDateShort(e.date)}</CardCell>
                    <CardCell label={t("programmes.money.kind")}>
                      {t(`programmes.money.kind.${e.kind}`)}
                      {e.partner ? <small className="muted"> · {e.partner.name}</small> : null}
                    </CardCell>
                    <CardCell label={t("programmes.money.purpose")}>
                      {e.purpose}
                      {e.overBudgetReason ? (
                        <small className="muted"> · {t("programmes.money.overBudgetNote", { reason: e.overBudgetReason })}</small>
                      ) : null}
                      {e.hasReceipt ? (
                        <>
                          {" "}
                          · <a href={`/programmes/${programme.id}/money/${e.id}/receipt`}>{t("programmes.money.receiptLink")}</a>
                        </>
                      ) : null}
                      <br />
                      <small className="muted">{t("programmes.money.by", { name: e.recordedBy.name })}</small>
                    </CardCell>
                    <CardCell label={t("programmes.money.amount")} className="num">
                      {formatRupiah(e.amount)}
                    </CardCell>
                    <CardCell label={t("programmes.money.status")}>
                      {t(`programmes.money.status.${e.status}`)}
                      {e.decisionNote ? <small className="muted"> · {e.decisionNote}</small> : null}
                      {e.reversed ? <small className="muted"> · {t("programmes.money.reversedNote")}</small> : null}
                      {canApprove && e.status === "pending" ? (
                        <>
                          <Form method="post" encType="multipart/form-data">
                            <input type="hidden" name="intent" value="approve" />
                            <input type="hidden" name="entryId" value={e.id} />
                            <button type="submit" className="button button--ghost">
                              {t("programmes.money.approve")}
                            </button>
                          </Form>
                          <ReasonForm
                            intent="reject"
                            hidden={{ entryId: e.id }}
                            multipart
                            ghost
                            label={t("programmes.money.rejectReason")}
                            submit={t("programmes.money.reject")}
                            error={errorFor("reject", e.id)}
                          />
                        </>
                      ) : null}
                      {canRecord && e.status === "approved" && !e.reversesId && !e.reversed ? (
                        <details>
                          <summary>{t("programmes.money.reverse")}</summary>
                          <ReasonForm
                            intent="reverse"
                            hidden={{ entryId: e.id, idempotencyKey: `${reverseKey}-${e.id}` }}
                            multipart
                            ghost
                            label={t("programmes.money.reverseReason")}
                            submit={t("programmes.money.reverse")}
                            error={errorFor("reverse", e.id)}
                          />
                        </details>
                      ) : null}
                    </CardCell>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th colSpan={3}>{t("programmes.money.netSpent")}</th>
                  <th className="num">{formatRupiah(totals.spent)}</th>
                  <th />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
