// A programme's money, kept as accountants do: a ledger of entries (money received from a partner
// or the chapter's funds, and money spent) that are never changed or deleted (the database refuses
// it, see the `programmes` migration); a mistake is undone by a correcting entry that reverses it.
// Rules:
// - only the Ketua, the Bendahara (`update:programme-finance`) and the programme's coordinator
//   record money;
// - an entry above the chapter's threshold by anyone but the Ketua (`approve:programme-finance`)
//   waits for the Ketua's approval; pending and rejected entries do not count;
// - amounts are whole rupiah above zero; the date lies inside the programme's period and not in
//   the future; money received from a partner needs that partner on the programme and its
//   agreement (when one is linked) still in force on the day;
// - spending beyond the budget is recorded only with a reason;
// - totals are sums of the approved entries, computed in SQL;
// - every entry, decision and reversal is audited.
import { notify } from "~/domain/notifications/notify.server";
import { boardUsers } from "~/domain/notifications/recipients.server";
import { t } from "~/i18n/index";
import { recordAudit } from "~/utils/audit.server";
import { calendarToday } from "~/utils/dates";
import { db, type Prisma } from "~/utils/db.server";
import { readPage } from "~/domain/shared/pages.server";
import { formatCalendarDateLong, formatRupiah } from "~/utils/format";
import { calendarDateOf } from "~/validation/fields";
import type { MoneyEntryData, MoneyKind, MoneyStatus } from "~/validation/programmes";
import { isStorageFault, saveWithFiles } from "~/utils/uploads.server";
import { checkDocument, planDocument, readDocument, type DocumentUpload } from "~/domain/shared/scans.server";
import { can, type Actor } from "~/domain/shared/actor.server";
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ok,
  refusable,
  Refused,
  type FieldErrors,
  type Outcome,
} from "~/domain/shared/outcome.server";
import { findProgramme } from "./programmes.server";

type Tx = Prisma.TransactionClient;

const approves = (actor: Pick<Actor, "permissions">) => can(actor, "approve:programme-finance:chapter");

/** Whether the actor may record money for the programme: Ketua, Bendahara, or its coordinator. */
export function mayRecordMoney(actor: Actor, programme: { coordinatorId: string }) {
  return can(actor, "update:programme-finance:chapter") || (actor.memberId !== null && actor.memberId === programme.coordinatorId);
}

/** Whether the actor may see the programme's money: those who record it and the board's readers of finance. */
export function maySeeMoney(actor: Actor, programme: { coordinatorId: string }) {
  return mayRecordMoney(actor, programme) || can(actor, "read:programme:chapter");
}

/** Entries of the ledger page. */
export const MONEY_PAGE_SIZE = 50;

/**
 * The programme's money page: one page of its ledger (oldest first; without a page, the last,
 * where new entries land) and its totals, for those who may see the money; whether the actor
 * records money and approves entries; and the other pages holding entries that wait for the
 * Ketua's decision (so that none is missed on a long ledger).
 */
export async function programmeLedger(actor: Actor, programmeId: string, requestedPage?: number) {
  const programme = await findProgramme(actor, programmeId);
  if (!programme) return notFound();
  if (!maySeeMoney(actor, programme)) return forbidden();
  const total = await db.moneyEntry.count({ where: { programmeId: programme.id } });
  const pages = Math.max(1, Math.ceil(total / MONEY_PAGE_SIZE));
  const page =
    requestedPage !== undefined && Number.isFinite(requestedPage) ? Math.min(Math.max(1, Math.floor(requestedPage)), pages) : pages;
  const [entries, totals, waiting] = await Promise.all([
    readPage(LEDGER_ORDER, page, total, MONEY_PAGE_SIZE, (window) =>
      db.moneyEntry.findMany({ where: { programmeId: programme.id }, select: ledgerSelect, ...window }),
    ),
    moneyTotals(programme.id, programme.budget),
    // only the Ketua decides: the others are not told where entries wait
    approves(actor) ? pendingPages(programme.id, total) : new Map<number, number>(),
  ]);
  return ok({
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
    page,
    pages,
    /** pages other than this one with entries waiting for a decision, and how many */
    pendingElsewhere: [...waiting.entries()].filter(([p]) => p !== page).map(([p, count]) => ({ page: p, count })),
    totals,
    canRecord: mayRecordMoney(actor, programme),
    canApprove: approves(actor),
  });
}

/**
 * The ledger page (in LEDGER_ORDER) of each entry waiting for a decision, counted per page. An
 * entry's place is counted from the end of the ledger (on MoneyEntry_ledger_idx): entries wait for
 * days, not years, so they sit near the end and the count is short; an old one waiting costs a
 * count over the ledger (about 1 ms for 20,000 entries).
 */
async function pendingPages(programmeId: string, total: number): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ after: bigint | number }[]>`
    SELECT (SELECT count(*) FROM "MoneyEntry" e
        WHERE e."programmeId" = p."programmeId" AND (e."date", e."createdAt", e."id") > (p."date", p."createdAt", p."id")) AS "after"
    FROM "MoneyEntry" p WHERE p."programmeId" = ${programmeId} AND p."status" = 'pending'`;
  const pages = new Map<number, number>();
  for (const position of rows.map((row) => total - 1 - Number(row.after)).sort((x, y) => x - y)) {
    const page = Math.floor(position / MONEY_PAGE_SIZE) + 1;
    pages.set(page, (pages.get(page) ?? 0) + 1);
  }
  return pages;
}

/** Approved totals of a programme, in SQL: received, spent, remaining budget and cash at hand; pending amounts apart. */
export async function moneyTotals(programmeId: string, budget: number, tx: Tx | typeof db = db) {
  const sums = await tx.moneyEntry.groupBy({ by: ["kind", "status"], where: { programmeId }, _sum: { amount: true }, _count: true });
  const sum = (kind: MoneyKind, status: MoneyStatus) => sums.find((s) => s.kind === kind && s.status === status)?._sum.amount ?? 0;
  const received = sum("disbursement", "approved");
  const spent = sum("spending", "approved");
  return {
    budget,
    received,
    spent,
    remaining: budget - spent,
    balance: received - spent,
    pendingReceived: sum("disbursement", "pending"),
    pendingSpent: sum("spending", "pending"),
    realisation: budget > 0 ? spent / budget : 0,
  };
}
export type MoneyTotals = Awaited<ReturnType<typeof moneyTotals>>;

/** The ledger's order: by date, then as recorded; the id last makes it total (a page read from the end: shared/pages.server.ts). */
const LEDGER_ORDER: { date?: "asc" | "desc"; createdAt?: "asc" | "desc"; id?: "asc" | "desc" }[] = [
  { date: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
];

const ledgerSelect = {
  id: true,
  kind: true,
  date: true,
  amount: true,
  purpose: true,
  status: true,
  overBudgetReason: true,
  decisionNote: true,
  decidedAt: true,
  reversesId: true,
  receiptFile: true,
  partner: { select: { name: true } },
  recordedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
  reversals: { select: { id: true, status: true } },
  createdAt: true,
} satisfies Prisma.MoneyEntrySelect;

/** The whole ledger, oldest first, with who recorded and decided each entry (the programme report). */
export async function listMoneyEntries(programmeId: string) {
  return db.moneyEntry.findMany({ where: { programmeId }, select: ledgerSelect, orderBy: LEDGER_ORDER });
}

/** Money received per partner (approved), for the partner table of the programme page and report. */
export async function receivedByPartner(programmeId: string) {
  const sums = await db.moneyEntry.groupBy({
    by: ["partnerId"],
    where: { programmeId, kind: "disbursement", status: "approved" },
    _sum: { amount: true },
  });
  return new Map(sums.map((s) => [s.partnerId, s._sum.amount ?? 0]));
}

async function threshold(tx: Tx, chapterId: string) {
  return (await tx.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { financeApprovalThreshold: true } }))
    .financeApprovalThreshold;
}

/** Approved at once for the Ketua and for amounts up to the threshold; otherwise waiting for the Ketua. */
async function initialStatus(tx: Tx, actor: Actor, amount: number): Promise<MoneyStatus> {
  if (approves(actor)) return "approved";
  return Math.abs(amount) > (await threshold(tx, actor.chapterId)) ? "pending" : "approved";
}

/** Records an entry (with its receipt scan, if any). The same idempotency key again returns the first. */
export async function recordMoneyEntry(
  actor: Actor,
  programmeId: string,
  data: MoneyEntryData,
  receipt: DocumentUpload | null = null,
  now = new Date(),
): Promise<Outcome<{ id: string; status: MoneyStatus; repeated: boolean }>> {
  const checkedReceipt = receipt ? checkDocument(receipt) : null;
  if (checkedReceipt && "error" in checkedReceipt) return invalid({ receipt: t(`programmes.error.receipt.${checkedReceipt.error}`) });
  // The receipt is written first and the entry saved with it, or neither (uploads.server.ts).
  const receiptFile =
    checkedReceipt && receipt && !("error" in checkedReceipt)
      ? planDocument("receipts", programmeId, receipt.bytes, checkedReceipt.extension)
      : null;
  const outcome = await saveWithFiles(
    receiptFile ? [receiptFile] : [],
    () =>
      refusable(() =>
        db.$transaction(async (tx) => {
          const programme = await tx.programme.findFirst({
            where: { id: programmeId, chapterId: actor.chapterId },
            select: {
              id: true,
              name: true,
              startDate: true,
              endDate: true,
              budget: true,
              coordinatorId: true,
              partners: { select: { partnerId: true, agreement: { select: { number: true, startDate: true, endDate: true } } } },
            },
          });
          if (!programme) return notFound();
          if (!mayRecordMoney(actor, programme)) return forbidden(t("programmes.error.moneyForbidden"));
          const repeated = await tx.moneyEntry.findUnique({
            where: { idempotencyKey: data.idempotencyKey },
            select: { id: true, status: true, programmeId: true },
          });
          if (repeated) {
            if (repeated.programmeId !== programmeId) return conflict(t("activities.error.duplicateKey"));
            return ok({ id: repeated.id, status: repeated.status, repeated: true });
          }
          const errors: FieldErrors = {};
          const date = calendarDateOf(data.date);
          if (date > calendarToday(actor.timeZone, now)) errors.date = t("programmes.error.moneyFuture");
          else if (date < programme.startDate || date > programme.endDate) {
            errors.date = t("programmes.error.moneyOutside", {
              start: formatCalendarDateLong(programme.startDate),
              end: formatCalendarDateLong(programme.endDate),
            });
          }
          let partnerId: string | null = null;
          if (data.kind === "disbursement" && data.partnerId) {
            const link = programme.partners.find((p) => p.partnerId === data.partnerId);
            if (!link) errors.partnerId = t("programmes.error.moneyPartner");
            else if (link.agreement && !errors.date && (date > link.agreement.endDate || date < link.agreement.startDate)) {
              errors.partnerId = t("programmes.error.agreementNotInForce", {
                number: link.agreement.number,
                start: formatCalendarDateLong(link.agreement.startDate),
                end: formatCalendarDateLong(link.agreement.endDate),
              });
            }
            partnerId = data.partnerId;
          }
          if (data.kind === "spending") {
            const totals = await moneyTotals(programme.id, programme.budget, tx);
            // Spending already waiting for approval counts too: the budget must hold once it is approved.
            const committed = totals.spent + totals.pendingSpent;
            if (committed + data.amount > programme.budget && !data.overBudgetReason) {
              errors.overBudgetReason = t("programmes.error.overBudget", { remaining: formatRupiah(programme.budget - committed) });
            }
          }
          if (Object.keys(errors).length) throw new Refused(invalid(errors));
          const status = await initialStatus(tx, actor, data.amount);
          const entry = await tx.moneyEntry.create({
            data: {
              programmeId,
              kind: data.kind,
              date,
              amount: data.amount,
              purpose: data.purpose,
              partnerId,
              overBudgetReason: data.kind === "spending" ? data.overBudgetReason : null,
              status,
              recordedById: actor.userId,
              ...(status === "approved" ? { decidedById: actor.userId, decidedAt: now } : {}),
              idempotencyKey: data.idempotencyKey,
              ...(receiptFile && checkedReceipt && !("error" in checkedReceipt)
                ? { receiptFile: receiptFile.fileName, receiptFileType: checkedReceipt.type }
                : {}),
            },
            select: { id: true },
          });
          await recordAudit(
            {
              actorId: actor.userId,
              chapterId: actor.chapterId,
              action: "money.record",
              entityType: "MoneyEntry",
              entityId: entry.id,
              after: {
                programmeId,
                kind: data.kind,
                date: data.date,
                amount: data.amount,
                purpose: data.purpose,
                partnerId,
                status,
                overBudgetReason: data.overBudgetReason,
              },
            },
            tx,
          );
          // an entry waiting for approval: the Ketua hears of it (docs/decisions/029)
          if (status === "pending") {
            const by = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
            await notify(
              tx,
              {
                kind: "money_awaiting_approval",
                chapterId: actor.chapterId,
                eventKey: `money-pending:${entry.id}`,
                recipients: await boardUsers(tx, actor.chapterId, ["ketua"], now),
                link: `/programmes/${programmeId}/money`,
                params: { description: data.purpose, amount: formatRupiah(data.amount), programme: programme.name, by: by?.name ?? "" },
              },
              now,
            );
          }
          return ok({ id: entry.id, status, repeated: false });
        }),
      ),
    (result) => result.ok && !result.repeated,
  );
  if (isStorageFault(outcome)) return invalid({ receipt: t("upload.storageFault") });
  return outcome;
}

/** The Ketua approves or rejects a pending entry (a rejection needs a note). */
export async function decideMoneyEntry(
  actor: Actor,
  entryId: string,
  decision: "approve" | "reject",
  note: string | null,
  now = new Date(),
): Promise<Outcome<{ status: MoneyStatus }>> {
  if (!approves(actor)) return forbidden();
  return db.$transaction(async (tx) => {
    const entry = await tx.moneyEntry.findFirst({
      where: { id: entryId, programme: { chapterId: actor.chapterId } },
      select: { id: true, status: true, recordedById: true },
    });
    if (!entry) return notFound();
    if (entry.status !== "pending") return conflict(t("programmes.money.notPending"));
    const status = decision === "approve" ? "approved" : "rejected";
    await tx.moneyEntry.update({
      where: { id: entry.id },
      data: { status, decidedById: actor.userId, decidedAt: now, decisionNote: note },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: `money.${decision}`,
        entityType: "MoneyEntry",
        entityId: entry.id,
        before: { status: "pending" },
        after: { status, note },
      },
      tx,
    );
    return ok({ status });
  });
}

/**
 * Reverses an approved entry with a correcting entry of the opposite amount, on the day given
 * (today by default), with the reason; it follows the same approval rule. An entry has at most one
 * reversal that is pending or approved (a rejected one leaves it open to another).
 */
export async function reverseMoneyEntry(
  actor: Actor,
  entryId: string,
  reason: string,
  idempotencyKey: string,
  now = new Date(),
): Promise<Outcome<{ id: string }>> {
  return db.$transaction(async (tx) => {
    const entry = await tx.moneyEntry.findFirst({
      where: { id: entryId, programme: { chapterId: actor.chapterId } },
      select: {
        id: true,
        kind: true,
        amount: true,
        status: true,
        reversesId: true,
        partnerId: true,
        programmeId: true,
        purpose: true,
        programme: { select: { coordinatorId: true, startDate: true, endDate: true } },
        reversals: { select: { status: true } },
      },
    });
    if (!entry) return notFound();
    if (!mayRecordMoney(actor, entry.programme)) return forbidden(t("programmes.error.moneyForbidden"));
    const repeated = await tx.moneyEntry.findUnique({ where: { idempotencyKey }, select: { id: true, reversesId: true } });
    if (repeated) return repeated.reversesId === entry.id ? ok({ id: repeated.id }) : conflict(t("activities.error.duplicateKey"));
    if (entry.status !== "approved" || entry.reversesId) return conflict(t("programmes.money.notReversible"));
    // A rejected reversal does not count: the entry can be corrected again.
    if (entry.reversals.some((r) => r.status !== "rejected")) return conflict(t("programmes.money.notReversible"));
    const today = calendarToday(actor.timeZone, now);
    // A correction after the programme has ended is dated on its last day, inside its period.
    const date = today > entry.programme.endDate ? entry.programme.endDate : today;
    const status = await initialStatus(tx, actor, entry.amount);
    const correction = await tx.moneyEntry.create({
      data: {
        programmeId: entry.programmeId,
        kind: entry.kind,
        date,
        amount: -entry.amount,
        purpose: t("programmes.money.reversalPurpose", { purpose: entry.purpose, reason }),
        partnerId: entry.partnerId,
        status,
        recordedById: actor.userId,
        ...(status === "approved" ? { decidedById: actor.userId, decidedAt: now } : {}),
        reversesId: entry.id,
        idempotencyKey,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "money.reverse",
        entityType: "MoneyEntry",
        entityId: correction.id,
        before: { entryId: entry.id, amount: entry.amount },
        after: { amount: -entry.amount, reason, status },
      },
      tx,
    );
    return ok({ id: correction.id });
  });
}

/** A money entry's receipt scan, for those who may see the programme's money. */
export async function readReceipt(actor: Actor, entryId: string): Promise<Outcome<{ bytes: Buffer; type: string; name: string }>> {
  const entry = await db.moneyEntry.findFirst({
    where: { id: entryId, programme: { chapterId: actor.chapterId } },
    select: { receiptFile: true, receiptFileType: true, programme: { select: { coordinatorId: true } } },
  });
  if (!entry?.receiptFile || !entry.receiptFileType || !maySeeMoney(actor, entry.programme)) return notFound();
  const bytes = await readDocument("receipts", entry.receiptFile);
  return bytes ? ok({ bytes, type: entry.receiptFileType, name: `kwitansi-${entryId}.${entry.receiptFile.split(".").pop()}` }) : notFound();
}

/** The chapter's approval threshold (whole rupiah), for the Ketua who sets it. */
export async function getFinanceSettings(actor: Actor): Promise<Outcome<{ settings: { financeApprovalThreshold: number } }>> {
  if (!approves(actor)) return forbidden();
  const settings = await db.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { financeApprovalThreshold: true } });
  return ok({ settings });
}

/** The Ketua sets the amount above which entries wait for approval. */
export async function updateFinanceSettings(actor: Actor, financeApprovalThreshold: number): Promise<Outcome> {
  if (!approves(actor)) return forbidden();
  await db.$transaction(async (tx) => {
    const before = await tx.chapter.findUniqueOrThrow({ where: { id: actor.chapterId }, select: { financeApprovalThreshold: true } });
    await tx.chapter.update({ where: { id: actor.chapterId }, data: { financeApprovalThreshold } });
    await recordAudit(
      {
        actorId: actor.userId,
        chapterId: actor.chapterId,
        action: "chapter.finance-settings",
        entityType: "Chapter",
        entityId: actor.chapterId,
        before,
        after: { financeApprovalThreshold },
      },
      tx,
    );
  });
  return ok();
}
