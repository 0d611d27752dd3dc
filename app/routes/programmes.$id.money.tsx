import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { FormField } from "~/components/FormField";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageHeader } from "~/components/PageHeader";
import { ReasonForm } from "~/components/ReasonForm";
import { DOCUMENT_MAX_BYTES } from "~/domain/shared/scans.server";
import {
  decideMoneyEntry,
  listMoneyEntries,
  mayRecordMoney,
  maySeeMoney,
  moneyTotals,
  recordMoneyEntry,
  reverseMoneyEntry,
} from "~/domain/programmes/money.server";
import { getProgramme, programmeActorOf } from "~/domain/programmes/programmes.server";
import { t } from "~/i18n";
import { calendarToday } from "~/utils/dates";
import { formatCalendarDateShort, formatRupiah } from "~/utils/format";
import { formValues, parseForm } from "~/utils/forms";
import { hasPermission } from "~/utils/permissions";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/session.server";
import { fileField, readMultipart } from "~/utils/uploads.server";
import { toDateInput } from "~/validation/fields";
import { MONEY_KINDS, moneyEntrySchema, moneyReasonSchema } from "~/validation/programmes";

export const meta: MetaFunction = () => [{ title: `${t("programmes.money.title")} · ${t("app.name")}` }];

async function loadProgramme(request: Request, id: string) {
  const user = await requirePermission(request, "read:programme:own");
  const actor = programmeActorOf(user);
  const programme = await getProgramme(actor, id);
  if (!programme) notFound();
  if (!maySeeMoney(actor, programme)) throw new Response("Forbidden", { status: 403 });
  return { user, actor, programme };
}

// /programmes/:id/money: the programme's ledger. The Ketua, the Bendahara and the coordinator
// record money received and spent (with a receipt scan); the Ketua approves or rejects entries
// waiting above the threshold; an approved entry is undone only by a correcting entry.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, programme } = await loadProgramme(request, params.id ?? "");
  const [entries, totals] = await Promise.all([listMoneyEntries(programme.id), moneyTotals(programme.id, programme.budget)]);
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      partners: programme.partners.map((p) => ({ id: p.partnerId, name: p.partner.name })),
    },
    entries: entries.map(({ receiptFile, reversals, ...e }) => ({
      ...e,
      hasReceipt: Boolean(receiptFile),
      reversed: reversals.some((r) => r.status !== "rejected"),
    })),
    totals,
    canRecord: mayRecordMoney(actor, programme),
    canApprove: hasPermission(user.permissions, "approve:programme-finance:chapter"),
    defaults: { idempotencyKey: randomUUID(), date: toDateInput(calendarToday(user.chapter.timeZone)), kind: "spending" } as Record<
      string,
      string
    >,
    reverseKey: randomUUID(),
  };
}

type ActionResult = { intent: string; entryId?: string; fieldErrors: Record<string, string | undefined>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, programme } = await loadProgramme(request, params.id ?? "");
  const back = `/programmes/${programme.id}/money`;
  const form = await readMultipart(request, DOCUMENT_MAX_BYTES);
  if (form === "tooBig")
    return data<ActionResult>(
      { intent: "record", fieldErrors: { receipt: t("programmes.error.receipt.size") }, values: {} },
      { status: 400 },
    );
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  if (intent === "record") {
    const parsed = parseForm(moneyEntrySchema, form);
    if (!parsed.success) return data<ActionResult>({ intent, fieldErrors: parsed.fieldErrors, values }, { status: 400 });
    const receipt = await fileField(form, "receipt");
    const result = await recordMoneyEntry(actor, programme.id, parsed.data, receipt);
    if (!result.ok) {
      if ("notFound" in result) notFound();
      return data<ActionResult>({ intent, fieldErrors: result.fieldErrors, values }, { status: 400 });
    }
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
      if (!parsed.success) return data<ActionResult>({ intent, entryId, fieldErrors: parsed.fieldErrors, values }, { status: 400 });
      note = parsed.data.reason;
    }
    const result = await decideMoneyEntry(actor, entryId, intent, note);
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      if (result.error === "forbidden") throw new Response("Forbidden", { status: 403 });
      return redirectWithToast(back, "error", "programmes.money.notPending");
    }
    return redirectWithToast(back, "success", intent === "approve" ? "programmes.money.approved" : "programmes.money.rejected");
  }
  if (intent === "reverse") {
    const parsed = parseForm(moneyReasonSchema, form);
    if (!parsed.success) return data<ActionResult>({ intent, entryId, fieldErrors: parsed.fieldErrors, values }, { status: 400 });
    const result = await reverseMoneyEntry(actor, entryId, parsed.data.reason, String(form.get("idempotencyKey") ?? randomUUID()));
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      if (result.error === "forbidden") throw new Response("Forbidden", { status: 403 });
      return redirectWithToast(
        back,
        "error",
        result.error === "duplicateKey" ? "activities.error.duplicateKey" : "programmes.money.notReversible",
      );
    }
    return redirectWithToast(back, "success", "programmes.money.reversed");
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function ProgrammeMoneyPage() {
  const { programme, entries, totals, canRecord, canApprove, defaults, reverseKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const recordErrors = result?.intent === "record" ? result.fieldErrors : {};
  const values = result?.intent === "record" ? { ...defaults, ...result.values } : defaults;
  const errorFor = (intent: string, entryId: string) =>
    result?.intent === intent && result.entryId === entryId ? result.fieldErrors.reason : undefined;
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
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            aria-label={t("programmes.money.record")}
            key={values.idempotencyKey}
          >
            <input type="hidden" name="intent" value="record" />
            <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
            {recordErrors.form ? (
              <p className="form-error" role="alert">
                {recordErrors.form}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="kind">{t("programmes.money.kind")}</label>
              <select id="kind" name="kind" defaultValue={values.kind}>
                {MONEY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`programmes.money.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <FormField label={t("programmes.money.date")} name="date" type="date" defaultValue={values.date} error={recordErrors.date} />
            <FormField
              label={t("programmes.money.amount")}
              name="amount"
              inputMode="numeric"
              placeholder="1.250.000"
              defaultValue={values.amount ?? ""}
              error={recordErrors.amount}
            />
            <FormField
              label={t("programmes.money.purpose")}
              name="purpose"
              defaultValue={values.purpose ?? ""}
              error={recordErrors.purpose}
            />
            {programme.partners.length ? (
              <div className="field">
                <label htmlFor="partnerId">{t("programmes.money.partner")}</label>
                <select id="partnerId" name="partnerId" defaultValue={values.partnerId ?? ""}>
                  <option value="">{t("programmes.money.ownFunds")}</option>
                  {programme.partners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {recordErrors.partnerId ? (
                  <p className="field__error" role="alert">
                    {recordErrors.partnerId}
                  </p>
                ) : null}
              </div>
            ) : null}
            <FormField
              label={t("programmes.money.overBudgetReason")}
              name="overBudgetReason"
              defaultValue={values.overBudgetReason ?? ""}
              error={recordErrors.overBudgetReason}
            />
            <FormField
              label={t("programmes.money.receipt")}
              name="receipt"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              error={recordErrors.receipt}
            />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("programmes.money.save")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("programmes.money.ledger")}</h2>
        {entries.length === 0 ? (
          <p>{t("programmes.money.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="ledger">
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
                    <td>{formatCalendarDateShort(e.date)}</td>
                    <td>
                      {t(`programmes.money.kind.${e.kind}` as "programmes.money.kind.spending")}
                      {e.partner ? <small className="muted"> · {e.partner.name}</small> : null}
                    </td>
                    <td>
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
                    </td>
                    <td className="num">{formatRupiah(e.amount)}</td>
                    <td>
                      {t(`programmes.money.status.${e.status}` as "programmes.money.status.approved")}
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
                    </td>
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
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
