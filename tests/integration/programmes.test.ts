// CSR partners, programmes and their money against the real database: who may record money
// (Ketua, Bendahara, the programme's coordinator; never a Wakil Ketua who does not coordinate it,
// never a volunteer), the approval threshold (the Bendahara's entries above it wait for the
// Ketua; pending and rejected entries never count), the append-only ledger (the database refuses
// deletes and changes; a mistake is undone by a reversal, once), totals that always equal the sum
// of the approved entries, bad input with its Indonesian messages, activities logged under a
// programme and the actuals they give, receipts, partners, and who gets what through the routes.
//
// Simulated timeline, as in activities.test.ts: "today" is 15 June 2031 in Asia/Jakarta (NOW) for
// every domain call that takes a `now`, so each expected number is computed by hand. Two things
// run on the real clock and are handled so that the tests do not depend on the day they run:
// - createProgramme checks that the coordinator is a serving board member *today*
//   (currentBoardMembers without `now`): every chapter here gets an active leadership period from
//   1 January 2025 to the end of 2031 (or later), so the board serves on the real day and in 2031;
// - the routes record money on the real clock: the route tests use a programme running from 2026
//   to the end of 2031 and a fixed date in the past (15 January 2026).
// Each describe block builds its own chapter (and a new programme where it needs a clean ledger).
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Receipts and agreement scans go to a scratch folder; the env module reads UPLOADS_DIR on first use.
  process.env.UPLOADS_DIR = `${process.env.TMPDIR ?? "/tmp"}/ipsm-programmes-${process.pid}-${Date.now()}`;
});

import { logActivity } from "~/domain/activities/activities.server";
import { reopenActivity, verifyActivities } from "~/domain/activities/verification.server";
import {
  addAgreement,
  addContact,
  agreementState,
  getPartner,
  readAgreementScan,
  removeContact,
  savePartner,
} from "~/domain/programmes/partners.server";
import {
  decideMoneyEntry,
  getFinanceSettings,
  listMoneyEntries,
  mayRecordMoney,
  maySeeMoney,
  moneyTotals,
  programmeLedger,
  readReceipt,
  receivedByPartner,
  recordMoneyEntry,
  reverseMoneyEntry,
  updateFinanceSettings,
} from "~/domain/programmes/money.server";
import {
  checkActivityProgramme,
  createProgramme,
  getProgramme,
  listProgrammes,
  mayCurate,
  programmeActuals,
  programmeChoicesForActivity,
  setProgrammePhotos,
  updateProgramme,
} from "~/domain/programmes/programmes.server";
import { loader as programmeLoader } from "~/routes/programmes.$id._index";
import { action as moneyAction, loader as moneyLoader } from "~/routes/programmes.$id.money";
import { action as partnersAction, loader as partnersLoader } from "~/routes/programmes.partners._index";
import { db } from "~/utils/db.server";
import { activityFormSchema, type ReachEntry } from "~/validation/activities";
import {
  agreementSchema,
  contactSchema,
  DEFAULT_APPROVAL_THRESHOLD,
  moneyEntrySchema,
  parseProgrammeSubmission,
  partnerSchema,
} from "~/validation/programmes";
import { buildMember, calendarDate } from "../factories";
import { nextKey as key, ppksOf } from "../factories/activities";
import {
  newAgreement,
  newPartner,
  newProgramme,
  programmeChapter,
  programmeInput,
  recordedMoney,
  recordMoney,
  moneyForm,
  type MoneyFields,
  type ProgrammeChapter,
} from "../factories/programmes";
import { boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf as toastOf } from "../support/requests";
import { NOW, PLACES, wib } from "../support/timeline";

const TZ = PLACES.TZ;
const V1002 = PLACES.V1002; // Benuamelayu Laut, kecamatan 61.71.01 (Pontianak Selatan)
const V1003 = PLACES.V1003; // Benuamelayu Darat, kecamatan 61.71.01 (Pontianak Selatan)

const MSG = {
  moneyForbidden: "Hanya Ketua, Bendahara, dan koordinator program yang dapat mencatat keuangan program.",
  rupiahNegative: "Jumlah tidak boleh negatif. Untuk membetulkan catatan, batalkan catatan itu dengan entri koreksi.",
  rupiah: "Isi jumlah dalam rupiah tanpa desimal, lebih dari 0, misalnya 1.250.000.",
  date: "Masukkan tanggal yang benar.",
  moneyKind: "Pilih jenis catatan: dana masuk atau belanja.",
  moneyFuture: "Tanggal tidak boleh di masa depan.",
  moneyPartner: "Pilih mitra yang mendanai program ini.",
  coordinator: "Pilih koordinator dari pengurus yang sedang menjabat.",
  partnerTwice: "Setiap mitra cukup dicantumkan sekali.",
  partnerTaken: "Mitra dengan nama ini sudah terdaftar.",
  agreementTaken: "Nomor perjanjian ini sudah tercatat untuk mitra ini.",
  receiptType: "Berkas harus PDF, JPG, atau PNG.",
  activityProgramme: "Pilih program yang Anda ikuti.",
  duplicateKey: "Formulir ini sudah pernah dikirim. Muat ulang halaman untuk mencatat kegiatan baru.",
  forbidden: "Anda tidak berwenang mengubah program.",
  notReversible: "Catatan ini tidak dapat dikoreksi (belum disetujui, sudah dikoreksi, atau merupakan koreksi).",
  notPending: "Catatan ini sudah diputuskan.",
} as const;

// ---------------------------------------------------------------------------------------------
// Helpers

type Ctx = ProgrammeChapter;

/** A person acting: the actor of their account (as a request builds it), with its email. */
type Person = TestActor;

/** A new chapter whose board serves on the real day and in the simulated 2031. */
const newChapter = () => programmeChapter();

/** Records a money entry on the simulated clock (the outcome). */
const record = (actor: Person, programmeId: string, fields: MoneyFields, now = NOW) => recordMoney(actor, programmeId, fields, now);

/** Records a money entry that must be saved, on the simulated clock. */
const recorded = (actor: Person, programmeId: string, fields: MoneyFields, now = NOW) => recordedMoney(actor, programmeId, fields, now);

async function entryOf(id: string) {
  return db.moneyEntry.findUniqueOrThrow({
    where: { id },
    select: {
      amount: true,
      kind: true,
      status: true,
      date: true,
      purpose: true,
      partnerId: true,
      reversesId: true,
      overBudgetReason: true,
      recordedById: true,
      decidedById: true,
      decidedAt: true,
      decisionNote: true,
      receiptFile: true,
      receiptFileType: true,
    },
  });
}

async function totalsOf(programmeId: string) {
  const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { budget: true } });
  return moneyTotals(programmeId, programme.budget);
}

const entryCount = (programmeId: string) => db.moneyEntry.count({ where: { programmeId } });

async function auditsOf(entityId: string, action: string) {
  const rows = await db.auditLog.findMany({
    where: { entityId, action },
    select: { actorId: true, chapterId: true, before: true, after: true },
    orderBy: { at: "asc" },
  });
  return rows.map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
}

/** The first message of each field the money schema refused. */
function moneyIssues(fields: Record<string, string>) {
  const result = moneyEntrySchema.safeParse({ idempotencyKey: key(), kind: "spending", date: "2031-06-10", purpose: "Belanja", ...fields });
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) issues[issue.path.join(".")] ??= issue.message;
  return issues;
}

/** A multipart POST, as the money form sends it (fields and, optionally, a file). */
function multipart(
  url: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { field: string; bytes: Uint8Array; type: string; name: string },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request(`http://localhost:3000${url}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

/**
 * What the database said when it refused a write (a trigger's RAISE message reaches Prisma as
 * the driver error's original message); fails when the write went through.
 */
async function databaseRefusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }).meta?.driverAdapterError?.cause;
    return cause?.originalMessage ?? String(error);
  }
  throw new Error("expected the database to refuse the write");
}

const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);

// ---------------------------------------------------------------------------------------------
// Who may record money

describe("who may record a programme's money", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let wakil: Person;
  let kabid: Person;
  let anggota: Person;
  let vol: Person;
  let programmeId: string;
  let otherProgrammeId: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    wakil = await boardMember(ctx.id, "wakil_ketua");
    kabid = await boardMember(ctx.id, "koordinator_bidang");
    anggota = await boardMember(ctx.id, "anggota_pengurus");
    vol = await volunteer(ctx.id);
    programmeId = await newProgramme(ketua, { coordinatorId: kabid.memberId! }, { volunteerIds: [vol.memberId!] });
    otherProgrammeId = await newProgramme(wakil, { coordinatorId: anggota.memberId! });
  });

  it("answers mayRecordMoney and maySeeMoney by position and by coordination", () => {
    const programme = { coordinatorId: kabid.memberId! };
    expect([ketua, bendahara, kabid, wakil, anggota, vol].map((p) => mayRecordMoney(p, programme))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    // The board reads every programme's money; a volunteer assigned to it does not.
    expect([ketua, bendahara, kabid, wakil, anggota, vol].map((p) => maySeeMoney(p, programme))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    // A volunteer who coordinates a programme records its money (and only that one's).
    expect(mayRecordMoney(vol, { coordinatorId: vol.memberId! })).toBe(true);
    expect(maySeeMoney(vol, { coordinatorId: vol.memberId! })).toBe(true);
    expect(mayRecordMoney({ ...vol, memberId: null }, { coordinatorId: vol.memberId! })).toBe(false);
  });

  it("lets the Ketua, the Bendahara and the coordinator (a Koordinator Bidang) record money", async () => {
    for (const [who, amount] of [
      [ketua, "1.000.000"],
      [bendahara, "2.000.000"],
      [kabid, "300.000"],
    ] as const) {
      const entry = await recorded(who, programmeId, {
        kind: "spending",
        date: "2031-06-01",
        amount,
        purpose: `Belanja oleh ${who.userId}`,
      });
      expect(entry).toMatchObject({ status: "approved", repeated: false });
      expect(await entryOf(entry.id)).toMatchObject({
        recordedById: who.userId,
        decidedById: who.userId,
        decidedAt: NOW,
        status: "approved",
      });
      const [audit] = await auditsOf(entry.id, "money.record");
      expect(audit).toMatchObject({
        actorId: who.userId,
        chapterId: ctx.id,
        after: { programmeId, kind: "spending", date: "2031-06-01", status: "approved" },
      });
    }
    expect((await totalsOf(programmeId)).spent).toBe(3_300_000);
  });

  it("refuses a Wakil Ketua who does not coordinate the programme, and an assigned volunteer, saving nothing", async () => {
    const before = await entryCount(programmeId);
    expect(expectRefusal(await record(wakil, programmeId, { amount: "100.000" }), "forbidden").message).toBe(MSG.moneyForbidden);
    expect(expectRefusal(await record(vol, programmeId, { amount: "100.000" }), "forbidden").message).toBe(MSG.moneyForbidden);
    // An Anggota Pengurus records for the programme they coordinate, not for another one.
    expect(expectRefusal(await record(anggota, programmeId, { amount: "100.000" }), "forbidden").message).toBe(MSG.moneyForbidden);
    expect(await entryCount(programmeId)).toBe(before);
    expect((await recorded(anggota, otherProgrammeId, { amount: "100.000" })).status).toBe("approved");
    expect(expectRefusal(await record(kabid, otherProgrammeId, { amount: "100.000" }), "forbidden").message).toBe(MSG.moneyForbidden);
    expect(await entryCount(otherProgrammeId)).toBe(1);
  });

  it("makes the coordinator's entry above the threshold wait for the Ketua", async () => {
    const entry = await recorded(kabid, programmeId, { kind: "disbursement", amount: "5.000.001", purpose: "Dana swadaya" });
    expect(entry.status).toBe("pending");
    expect(await entryOf(entry.id)).toMatchObject({ decidedById: null, decidedAt: null });
    // The coordinator may not approve their own entry.
    expectRefusal(await decideMoneyEntry(kabid, entry.id, "approve", null, NOW), "forbidden");
  });

  it("answers notFound for a programme of another chapter", async () => {
    const other = await newChapter();
    const otherKetua = await boardMember(other.id, "ketua");
    expectRefusal(await record(otherKetua, programmeId, { amount: "100.000" }), "notFound");
  });
});

// ---------------------------------------------------------------------------------------------
// Approval threshold

describe("the approval threshold", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let programmeId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    programmeId = await newProgramme(ketua, { coordinatorId: ketua.memberId!, budget: "100.000.000" });
  });

  it("approves the Bendahara's entry of exactly the threshold at once, and keeps one rupiah more pending", async () => {
    expect(DEFAULT_APPROVAL_THRESHOLD).toBe(5_000_000);
    expect(expectOk(await getFinanceSettings(ketua)).settings).toEqual({ financeApprovalThreshold: 5_000_000 });
    const atThreshold = await recorded(bendahara, programmeId, { amount: "5.000.000", date: "2031-06-01" });
    expect(atThreshold.status).toBe("approved");
    expect(await entryOf(atThreshold.id)).toMatchObject({ decidedById: bendahara.userId, decidedAt: NOW });
    const above = await recorded(bendahara, programmeId, { amount: "5.000.001", date: "2031-06-02" });
    expect(above.status).toBe("pending");
    expect(await entryOf(above.id)).toMatchObject({ status: "pending", decidedById: null, decidedAt: null });
    ids.spendingPending = above.id;
    ids.disbursementPending = (
      await recorded(bendahara, programmeId, {
        kind: "disbursement",
        amount: "6.000.000",
        date: "2031-06-03",
        purpose: "Dana swadaya cabang",
      })
    ).id;
  });

  it("always approves the Ketua's entries", async () => {
    expect(
      (await recorded(ketua, programmeId, { kind: "disbursement", amount: "40.000.000", date: "2031-06-04", purpose: "Pencairan dana" }))
        .status,
    ).toBe("approved");
    expect((await recorded(ketua, programmeId, { amount: "7.500.000", date: "2031-06-05" })).status).toBe("approved");
  });

  it("leaves pending entries out of the totals and shows them apart", async () => {
    // Approved: received 40.000.000; spent 5.000.000 + 7.500.000. Pending: 5.000.001 spent, 6.000.000 received.
    expect(await totalsOf(programmeId)).toEqual({
      budget: 100_000_000,
      received: 40_000_000,
      spent: 12_500_000,
      remaining: 87_500_000,
      balance: 27_500_000,
      pendingReceived: 6_000_000,
      pendingSpent: 5_000_001,
      realisation: 0.125,
    });
  });

  it("does not let the Bendahara approve", async () => {
    expectRefusal(await decideMoneyEntry(bendahara, ids.spendingPending!, "approve", null, NOW), "forbidden");
    expect((await entryOf(ids.spendingPending!)).status).toBe("pending");
    expect(await auditsOf(ids.spendingPending!, "money.approve")).toEqual([]);
  });

  it("counts an entry once the Ketua approves it, never one the Ketua rejects", async () => {
    const approvedAt = wib("2031-06-15", "11:00");
    expect(await decideMoneyEntry(ketua, ids.spendingPending!, "approve", null, approvedAt)).toEqual({ ok: true, status: "approved" });
    expect(await entryOf(ids.spendingPending!)).toMatchObject({
      status: "approved",
      decidedById: ketua.userId,
      decidedAt: approvedAt,
      decisionNote: null,
    });
    expect(await auditsOf(ids.spendingPending!, "money.approve")).toEqual([
      { actorId: ketua.userId, chapterId: ctx.id, before: { status: "pending" }, after: { status: "approved", note: null } },
    ]);

    const note = "Dana swadaya belum diterima di rekening cabang.";
    expect(await decideMoneyEntry(ketua, ids.disbursementPending!, "reject", note, approvedAt)).toEqual({ ok: true, status: "rejected" });
    expect(await entryOf(ids.disbursementPending!)).toMatchObject({ status: "rejected", decisionNote: note, decidedById: ketua.userId });
    expect(await auditsOf(ids.disbursementPending!, "money.reject")).toEqual([
      { actorId: ketua.userId, chapterId: ctx.id, before: { status: "pending" }, after: { status: "rejected", note } },
    ]);

    // spent 12.500.000 + 5.000.001; received still 40.000.000 (the rejected 6.000.000 never counts).
    expect(await totalsOf(programmeId)).toMatchObject({
      received: 40_000_000,
      spent: 17_500_001,
      pendingReceived: 0,
      pendingSpent: 0,
      remaining: 82_499_999,
      balance: 22_499_999,
    });
  });

  it("decides an entry once", async () => {
    expect(expectRefusal(await decideMoneyEntry(ketua, ids.spendingPending!, "reject", "Berubah pikiran", NOW), "conflict").message).toBe(
      MSG.notPending,
    );
    expect(expectRefusal(await decideMoneyEntry(ketua, ids.disbursementPending!, "approve", null, NOW), "conflict").message).toBe(
      MSG.notPending,
    );
    expect((await entryOf(ids.spendingPending!)).status).toBe("approved");
    expect((await entryOf(ids.disbursementPending!)).status).toBe("rejected");
    expectRefusal(await decideMoneyEntry(ketua, "tidak-ada", "approve", null, NOW), "notFound");
  });

  it("changes the threshold for the Ketua only, audited, and applies the new one", async () => {
    expectRefusal(await updateFinanceSettings(bendahara, 1), "forbidden");
    expect(expectOk(await getFinanceSettings(ketua)).settings).toEqual({ financeApprovalThreshold: 5_000_000 });

    expectOk(await updateFinanceSettings(ketua, 2_000_000));
    expect(expectOk(await getFinanceSettings(ketua)).settings).toEqual({ financeApprovalThreshold: 2_000_000 });
    expect(await auditsOf(ctx.id, "chapter.finance-settings")).toEqual([
      {
        actorId: ketua.userId,
        chapterId: ctx.id,
        before: { financeApprovalThreshold: 5_000_000 },
        after: { financeApprovalThreshold: 2_000_000 },
      },
    ]);

    expect((await recorded(bendahara, programmeId, { amount: "2.000.000" })).status).toBe("approved");
    expect((await recorded(bendahara, programmeId, { amount: "2.000.001" })).status).toBe("pending");
    expect((await recorded(bendahara, programmeId, { amount: "4.000.000" })).status).toBe("pending");
    expect((await recorded(ketua, programmeId, { amount: "3.000.000" })).status).toBe("approved");
  });
});

// ---------------------------------------------------------------------------------------------
// Append-only ledger and reversals

describe("the append-only ledger", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let partnerId: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    partnerId = await newPartner(ketua, "PT Sawit Khatulistiwa");
  });

  const programme = (fields: Record<string, string> = {}) =>
    newProgramme(
      ketua,
      { coordinatorId: ketua.memberId!, budget: "50.000.000", ...fields },
      { partners: [{ partnerId, committed: 20_000_000, agreementId: null }] },
    );

  it("refuses in the database to delete an entry or change what it says", async () => {
    const programmeId = await programme();
    const entry = await recorded(ketua, programmeId, { amount: "1.500.000", purpose: "Transport relawan" });
    expect(await databaseRefusal(db.moneyEntry.delete({ where: { id: entry.id } }))).toMatch(/never deleted/);
    expect(await databaseRefusal(db.moneyEntry.deleteMany({ where: { programmeId } }))).toMatch(/never deleted/);
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { amount: 150_000 } }))).toMatch(/never changed/);
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { purpose: "Lain" } }))).toMatch(/never changed/);
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { date: calendarDate(2031, 6, 1) } }))).toMatch(
      /never changed/,
    );
    expect(await databaseRefusal(db.moneyEntry.updateMany({ where: { programmeId }, data: { kind: "disbursement" } }))).toMatch(
      /never changed/,
    );
    expect(await entryOf(entry.id)).toMatchObject({
      amount: 1_500_000,
      purpose: "Transport relawan",
      kind: "spending",
      date: calendarDate(2031, 6, 10),
    });
    expect(await entryCount(programmeId)).toBe(1);
    // Deleting the programme with its ledger is refused too (the entries keep it).
    expect(await databaseRefusal(db.programme.delete({ where: { id: programmeId } }))).toMatch(/FOREIGN KEY|never deleted/i);
    expect(await entryCount(programmeId)).toBe(1);
  });

  it("keeps a decided entry's decision, its over-budget reason and its receipt", async () => {
    const programmeId = await programme();
    const entry = await recorded(ketua, programmeId, { amount: "1.000.000" });
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { decisionNote: "diubah" } }))).toMatch(
      /keeps its decision/,
    );
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { decidedById: bendahara.userId } }))).toMatch(
      /keeps its decision/,
    );
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { overBudgetReason: "diubah" } }))).toMatch(
      /never changed/,
    );
    await db.moneyEntry.update({ where: { id: entry.id }, data: { receiptFile: "a.png", receiptFileType: "image/png" } });
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: entry.id }, data: { receiptFile: "b.png" } }))).toMatch(
      /keeps its receipt/,
    );
    expect(await entryOf(entry.id)).toMatchObject({
      decisionNote: null,
      decidedById: ketua.userId,
      overBudgetReason: null,
      receiptFile: "a.png",
    });
  });

  it("keeps a decided entry's status: approved never goes back to pending, rejected never becomes approved", async () => {
    const programmeId = await programme();
    const approved = await recorded(ketua, programmeId, { amount: "1.000.000" });
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: approved.id }, data: { status: "pending" } }))).toMatch(
      /keeps its status/,
    );
    const pending = await recorded(bendahara, programmeId, { amount: "9.000.000" });
    expectOk(await decideMoneyEntry(ketua, pending.id, "reject", "Tidak ada bukti belanja.", NOW));
    expect(await databaseRefusal(db.moneyEntry.update({ where: { id: pending.id }, data: { status: "approved" } }))).toMatch(
      /keeps its status/,
    );
    expect((await entryOf(approved.id)).status).toBe("approved");
    expect((await entryOf(pending.id)).status).toBe("rejected");
    expect((await totalsOf(programmeId)).spent).toBe(1_000_000);
  });

  it("reverses an approved spending with an entry of the opposite amount, once", async () => {
    const programmeId = await programme();
    await recorded(ketua, programmeId, { amount: "10.000.000", date: "2031-05-01", purpose: "Paket sembako" });
    const transport = await recorded(ketua, programmeId, { amount: "4.750.000", date: "2031-05-05", purpose: "Transport relawan" });
    expect(await totalsOf(programmeId)).toMatchObject({ spent: 14_750_000, remaining: 35_250_000 });

    const reversal = expectOk(await reverseMoneyEntry(ketua, transport.id, "Salah catat", key(), NOW));
    expect(await entryOf(reversal.id)).toMatchObject({
      kind: "spending",
      amount: -4_750_000,
      reversesId: transport.id,
      status: "approved",
      date: calendarDate(2031, 6, 15),
      purpose: 'Koreksi atas "Transport relawan": Salah catat',
      recordedById: ketua.userId,
    });
    expect(await totalsOf(programmeId)).toMatchObject({ spent: 10_000_000, remaining: 40_000_000, balance: -10_000_000 });
    expect(await auditsOf(reversal.id, "money.reverse")).toEqual([
      {
        actorId: ketua.userId,
        chapterId: ctx.id,
        before: { entryId: transport.id, amount: 4_750_000 },
        after: { amount: -4_750_000, reason: "Salah catat", status: "approved" },
      },
    ]);
    // The original stays as it was, marked as reversed in the ledger.
    const ledger = await listMoneyEntries(programmeId);
    expect(ledger.find((e) => e.id === transport.id)).toMatchObject({
      amount: 4_750_000,
      status: "approved",
      reversals: [{ id: reversal.id, status: "approved" }],
    });

    expect(expectRefusal(await reverseMoneyEntry(ketua, transport.id, "Lagi", key(), NOW), "conflict").message).toBe(MSG.notReversible);
    expect(expectRefusal(await reverseMoneyEntry(ketua, reversal.id, "Koreksi atas koreksi", key(), NOW), "conflict").message).toBe(
      MSG.notReversible,
    );
    expect(await entryCount(programmeId)).toBe(3);
    expect((await totalsOf(programmeId)).spent).toBe(10_000_000);
  });

  it("pages a long ledger: the last page by default, each page as the whole ledger orders it, and where entries wait", async () => {
    const programmeId = await programme();
    for (let i = 0; i < 118; i++) {
      await recorded(ketua, programmeId, { amount: "10.000", date: `2031-06-0${1 + (i % 9)}`, purpose: `Belanja ${i}` });
    }
    // above the threshold, by the Bendahara: waiting for the Ketua, one early in the ledger, one at its end
    const early = await recorded(bendahara, programmeId, { amount: "6.000.000", date: "2031-06-01", purpose: "Sewa tenda" });
    const late = await recorded(bendahara, programmeId, { amount: "6.000.000", date: "2031-06-09", purpose: "Konsumsi" });
    expect([early.status, late.status]).toEqual(["pending", "pending"]);

    const whole = (await listMoneyEntries(programmeId)).map((e) => e.id);
    expect(whole).toHaveLength(120);
    const ids = (ledger: { entries: { id: string }[] }) => ledger.entries.map((e) => e.id);
    const newest = expectOk(await programmeLedger(ketua, programmeId));
    expect(newest).toMatchObject({ page: 3, pages: 3 });
    expect(ids(newest)).toEqual(whole.slice(100));
    for (const page of [1, 2, 3]) {
      expect(ids(expectOk(await programmeLedger(ketua, programmeId, page)))).toEqual(whole.slice((page - 1) * 50, page * 50));
    }
    expect(expectOk(await programmeLedger(ketua, programmeId, 99)).page).toBe(3);
    expect(expectOk(await programmeLedger(ketua, programmeId, 0)).page).toBe(1);

    const pageOf = (id: string) => Math.floor(whole.indexOf(id) / 50) + 1;
    expect([pageOf(early.id), pageOf(late.id)]).toEqual([1, 3]);
    expect(newest.pendingElsewhere).toEqual([{ page: 1, count: 1 }]);
    expect(expectOk(await programmeLedger(ketua, programmeId, 1)).pendingElsewhere).toEqual([{ page: 3, count: 1 }]);
    expect(expectOk(await programmeLedger(ketua, programmeId, 2)).pendingElsewhere).toEqual([
      { page: 1, count: 1 },
      { page: 3, count: 1 },
    ]);
    // decided: no longer waiting anywhere
    expectOk(await decideMoneyEntry(ketua, early.id, "approve", null));
    expect(expectOk(await programmeLedger(ketua, programmeId, 3)).pendingElsewhere).toEqual([]);
  });

  it("does not reverse a pending or a rejected entry", async () => {
    const programmeId = await programme();
    const pending = await recorded(bendahara, programmeId, { amount: "6.000.000" });
    expect(expectRefusal(await reverseMoneyEntry(ketua, pending.id, "Batal", key(), NOW), "conflict").message).toBe(MSG.notReversible);
    const rejected = await recorded(bendahara, programmeId, { amount: "7.000.000" });
    expectOk(await decideMoneyEntry(ketua, rejected.id, "reject", "Tidak sesuai rencana.", NOW));
    expect(expectRefusal(await reverseMoneyEntry(ketua, rejected.id, "Batal", key(), NOW), "conflict").message).toBe(MSG.notReversible);
    expect(await entryCount(programmeId)).toBe(2);
  });

  it("makes one reversal of the same idempotency key sent twice", async () => {
    const programmeId = await programme();
    const entry = await recorded(bendahara, programmeId, { amount: "800.000" });
    const reverseKey = key();
    const first = expectOk(await reverseMoneyEntry(bendahara, entry.id, "Dobel input", reverseKey, NOW));
    const second = expectOk(await reverseMoneyEntry(bendahara, entry.id, "Dobel input", reverseKey, NOW));
    expect(second.id).toBe(first.id);
    expect(await db.moneyEntry.count({ where: { reversesId: entry.id } })).toBe(1);
    expect(await auditsOf(first.id, "money.reverse")).toHaveLength(1);
    expect((await totalsOf(programmeId)).spent).toBe(0);
  });

  it("reverses a partner's disbursement (received drops, the partner kept), dated on the last day of an ended programme", async () => {
    const programmeId = await programme({ startDate: "2031-03-01", endDate: "2031-05-31" });
    const disbursement = await recorded(ketua, programmeId, {
      kind: "disbursement",
      amount: "12.000.000",
      date: "2031-03-15",
      purpose: "Pencairan tahap I",
      partnerId,
    });
    expect((await totalsOf(programmeId)).received).toBe(12_000_000);
    expect((await receivedByPartner(programmeId)).get(partnerId)).toBe(12_000_000);
    const reversal = expectOk(await reverseMoneyEntry(ketua, disbursement.id, "Dana dikembalikan ke mitra", key(), NOW));
    // Today (15 June) is after the programme's end (31 May): the correction is dated 31 May.
    expect(await entryOf(reversal.id)).toMatchObject({
      kind: "disbursement",
      amount: -12_000_000,
      partnerId,
      date: calendarDate(2031, 5, 31),
      status: "approved",
    });
    expect(await totalsOf(programmeId)).toMatchObject({ received: 0, balance: 0 });
    expect((await receivedByPartner(programmeId)).get(partnerId)).toBe(0);
  });

  it("applies the approval rule to a reversal: the Bendahara's reversal above the threshold waits and does not count", async () => {
    const programmeId = await programme();
    const entry = await recorded(ketua, programmeId, { amount: "7.000.000" });
    const reversal = expectOk(await reverseMoneyEntry(bendahara, entry.id, "Salah catat", key(), NOW));
    expect(await entryOf(reversal.id)).toMatchObject({ amount: -7_000_000, status: "pending", decidedById: null });
    expect(await totalsOf(programmeId)).toMatchObject({ spent: 7_000_000, pendingSpent: -7_000_000 });
    // While it waits, the entry cannot be reversed a second time.
    expect(expectRefusal(await reverseMoneyEntry(ketua, entry.id, "Salah catat", key(), NOW), "conflict").message).toBe(MSG.notReversible);
    expectOk(await decideMoneyEntry(ketua, reversal.id, "approve", null, NOW));
    expect(await totalsOf(programmeId)).toMatchObject({ spent: 0, pendingSpent: 0 });
  });

  it("refuses a reversal by someone who may not record the programme's money", async () => {
    const programmeId = await programme();
    const entry = await recorded(ketua, programmeId, { amount: "500.000" });
    const wakil = await boardMember(ctx.id, "wakil_ketua");
    expectRefusal(await reverseMoneyEntry(wakil, entry.id, "Salah catat", key(), NOW), "forbidden");
    expect(await entryCount(programmeId)).toBe(1);
  });

  // Found while writing these tests and fixed: a rejected reversal used to block any further one.
  it("lets an entry be corrected after the Ketua rejected a first reversal of it", async () => {
    const programmeId = await programme();
    const entry = await recorded(ketua, programmeId, { amount: "7.000.000" });
    const reversal = expectOk(await reverseMoneyEntry(bendahara, entry.id, "Salah catat", key(), NOW));
    expectOk(await decideMoneyEntry(ketua, reversal.id, "reject", "Alasan koreksi tidak jelas.", NOW));
    expect((await totalsOf(programmeId)).spent).toBe(7_000_000);
    const again = await reverseMoneyEntry(ketua, entry.id, "Salah catat: belanja dibayar dari dana lain", key(), NOW);
    expect(again.ok).toBe(true);
    expect((await totalsOf(programmeId)).spent).toBe(0);
  });

  // Found while writing these tests and fixed: a key already used by another entry's reversal
  // used to hit the unique index (a 500 page).
  it("refuses a reversal whose idempotency key belongs to another entry, without a database error", async () => {
    const programmeId = await programme();
    const first = await recorded(ketua, programmeId, { amount: "100.000" });
    const second = await recorded(ketua, programmeId, { amount: "200.000" });
    const reverseKey = key();
    expectOk(await reverseMoneyEntry(ketua, first.id, "Salah catat", reverseKey, NOW));
    expect(expectRefusal(await reverseMoneyEntry(ketua, second.id, "Salah catat", reverseKey, NOW), "conflict").message).toBe(
      MSG.duplicateKey,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Totals

describe("totals after a mixed sequence", () => {
  it("always equal the sums of the approved entries", async () => {
    const ctx = await newChapter();
    const ketua = await boardMember(ctx.id, "ketua");
    const bendahara = await boardMember(ctx.id, "bendahara");
    const kabid = await boardMember(ctx.id, "koordinator_bidang");
    const partnerA = await newPartner(ketua, "PT Bank Kalbar Sejahtera");
    const partnerB = await newPartner(ketua, "Yayasan Peduli Kapuas");
    const pks = await newAgreement(ketua, partnerA, "12/PKS/CSR/2031", "2031-01-01", "2031-12-31");
    const programmeId = await newProgramme(
      ketua,
      { coordinatorId: kabid.memberId!, budget: "80.000.000" },
      {
        partners: [
          { partnerId: partnerA, committed: 50_000_000, agreementId: pks },
          { partnerId: partnerB, committed: 20_000_000, agreementId: null },
        ],
      },
    );
    await recorded(ketua, programmeId, {
      kind: "disbursement",
      date: "2031-03-10",
      amount: "30.000.000",
      purpose: "Pencairan tahap I",
      partnerId: partnerA,
    });
    await recorded(ketua, programmeId, {
      kind: "disbursement",
      date: "2031-03-20",
      amount: "15.000.000",
      purpose: "Hibah yayasan",
      partnerId: partnerB,
    });
    await recorded(bendahara, programmeId, {
      kind: "disbursement",
      date: "2031-04-01",
      amount: "2.500.000",
      purpose: "Dana swadaya cabang",
    });
    await recorded(bendahara, programmeId, { date: "2031-04-05", amount: "4.200.000", purpose: "Transport relawan" });
    await recorded(ketua, programmeId, { date: "2031-04-15", amount: "12.750.000", purpose: "Paket sembako" });
    expect((await recorded(bendahara, programmeId, { date: "2031-05-02", amount: "7.500.000", purpose: "Sewa tenda" })).status).toBe(
      "pending",
    );
    const rejected = await recorded(bendahara, programmeId, { date: "2031-05-03", amount: "6.000.000", purpose: "Konsumsi" });
    expectOk(await decideMoneyEntry(ketua, rejected.id, "reject", "Tidak ada dalam rencana anggaran.", NOW));
    const printing = await recorded(kabid, programmeId, { date: "2031-05-10", amount: "1.250.000", purpose: "Cetak spanduk" });
    expectOk(await reverseMoneyEntry(ketua, printing.id, "Dibayar dari dana lain", key(), NOW));
    const second = await recorded(bendahara, programmeId, {
      kind: "disbursement",
      date: "2031-05-20",
      amount: "8.000.000",
      purpose: "Pencairan tahap II",
      partnerId: partnerA,
    });
    expect(second.status).toBe("pending");
    expectOk(await decideMoneyEntry(ketua, second.id, "approve", null, NOW));

    const ledger = await listMoneyEntries(programmeId);
    expect(ledger).toHaveLength(10);
    const approved = ledger.filter((e) => e.status === "approved");
    const received = sum(approved.filter((e) => e.kind === "disbursement"));
    const spent = sum(approved.filter((e) => e.kind === "spending"));
    const totals = await moneyTotals(programmeId, 80_000_000);
    expect(totals).toMatchObject({
      received,
      spent,
      remaining: 80_000_000 - spent,
      balance: received - spent,
      pendingSpent: sum(ledger.filter((e) => e.status === "pending" && e.kind === "spending")),
      pendingReceived: sum(ledger.filter((e) => e.status === "pending" && e.kind === "disbursement")),
    });
    // By hand: received 30 + 15 + 2,5 + 8 million; spent 4,2 + 12,75 + 1,25 − 1,25 million.
    expect(totals).toEqual({
      budget: 80_000_000,
      received: 55_500_000,
      spent: 16_950_000,
      remaining: 63_050_000,
      balance: 38_550_000,
      pendingReceived: 0,
      pendingSpent: 7_500_000,
      realisation: 16_950_000 / 80_000_000,
    });
    const byPartner = await receivedByPartner(programmeId);
    expect([byPartner.get(partnerA), byPartner.get(partnerB), byPartner.get(null)]).toEqual([38_000_000, 15_000_000, 2_500_000]);
    // The ledger is oldest first; the reversal is dated today (15 June), after the others.
    expect(ledger.map((e) => [e.amount, e.status])).toEqual([
      [30_000_000, "approved"],
      [15_000_000, "approved"],
      [2_500_000, "approved"],
      [4_200_000, "approved"],
      [12_750_000, "approved"],
      [7_500_000, "pending"],
      [6_000_000, "rejected"],
      [1_250_000, "approved"],
      [8_000_000, "approved"],
      [-1_250_000, "approved"],
    ]);
    expect(ledger[1]).toMatchObject({ partner: { name: "Yayasan Peduli Kapuas" } });
    const ketuaName = (await db.user.findUniqueOrThrow({ where: { id: ketua.userId }, select: { name: true } })).name;
    const bendaharaName = (await db.user.findUniqueOrThrow({ where: { id: bendahara.userId }, select: { name: true } })).name;
    expect(ledger[6]).toMatchObject({
      status: "rejected",
      decisionNote: "Tidak ada dalam rencana anggaran.",
      decidedBy: { name: ketuaName },
      recordedBy: { name: bendaharaName },
    });
    expect(ledger[7]).toMatchObject({ reversals: [{ status: "approved" }] });

    // The board's list shows the approved spending of each programme; a volunteer's shows no money.
    const [listed] = (await listProgrammes(ketua, NOW)).filter((p) => p.id === programmeId);
    expect(listed).toMatchObject({ spent: 16_950_000, budget: 80_000_000, phase: "berjalan" });
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input

describe("bad input", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let programmeId: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    programmeId = await newProgramme(ketua, {
      coordinatorId: ketua.memberId!,
      startDate: "2031-03-01",
      endDate: "2031-12-31",
      budget: "10.000.000",
    });
  });

  it("refuses negative, unreadable, zero and decimal amounts in the money form, and reads 'Rp 1.250.000'", () => {
    const negative = moneyIssues({ amount: "-5000" }).amount;
    expect(negative?.startsWith("Jumlah tidak boleh negatif")).toBe(true);
    expect(negative).toBe(MSG.rupiahNegative);
    expect(moneyIssues({ amount: "abc" })).toEqual({ amount: MSG.rupiah });
    expect(moneyIssues({ amount: "0" })).toEqual({ amount: MSG.rupiah });
    expect(moneyIssues({ amount: "12,5" })).toEqual({ amount: MSG.rupiah });
    expect(moneyIssues({ amount: "" })).toEqual({ amount: MSG.rupiah });
    expect(moneyForm({ amount: "Rp 1.250.000" }).amount).toBe(1_250_000);
    expect(moneyForm({ amount: "1.250.000" }).amount).toBe(1_250_000);
    expect(moneyForm({ amount: "1250000" }).amount).toBe(1_250_000);
    expect(moneyIssues({ amount: "1000", date: "2031-02-30" })).toEqual({ date: MSG.date });
    expect(moneyIssues({ amount: "1000", kind: "transfer" })).toEqual({ kind: MSG.moneyKind });
  });

  it("refuses a date outside the programme's period and a date in the future (in Jakarta)", async () => {
    const before = await entryCount(programmeId);
    expect(expectInvalid(await record(ketua, programmeId, { amount: "100.000", date: "2031-02-28" }))).toEqual({
      date: "Tanggal harus di dalam periode program (1 Maret 2031 sampai 31 Desember 2031).",
    });
    expect(expectInvalid(await record(ketua, programmeId, { amount: "100.000", date: "2031-06-16" }))).toEqual({ date: MSG.moneyFuture });
    expect(await entryCount(programmeId)).toBe(before);
    // The first and last allowed days: the programme's start, and today.
    expect((await recorded(ketua, programmeId, { amount: "100.000", date: "2031-03-01" })).status).toBe("approved");
    expect((await recorded(ketua, programmeId, { amount: "100.000", date: "2031-06-15" })).status).toBe("approved");
    // 15 June 18:30 UTC is already 16 June in Jakarta.
    expect((await recorded(ketua, programmeId, { amount: "100.000", date: "2031-06-16" }, new Date("2031-06-15T18:30:00Z"))).status).toBe(
      "approved",
    );
    expect(await entryCount(programmeId)).toBe(before + 3);
  });

  it("refuses spending beyond the budget without a reason, counting pending spending, and records it with one", async () => {
    const id = await newProgramme(ketua, { coordinatorId: ketua.memberId!, budget: "10.000.000" });
    await recorded(ketua, id, { amount: "8.000.000" });
    expect(expectInvalid(await record(ketua, id, { amount: "2.000.001" }))).toEqual({
      overBudgetReason: "Belanja ini melebihi anggaran (sisa anggaran Rp2.000.000). Tuliskan alasannya untuk tetap mencatat.",
    });
    // Up to the remaining budget needs no reason.
    const exact = await recorded(bendahara, id, { amount: "2.000.000" });
    expect((await entryOf(exact.id)).overBudgetReason).toBeNull();
    expect(expectInvalid(await record(ketua, id, { amount: "1" }))).toEqual({
      overBudgetReason: "Belanja ini melebihi anggaran (sisa anggaran Rp0). Tuliskan alasannya untuk tetap mencatat.",
    });
    const reason = "Harga sembako naik menjelang hari raya.";
    const over = await recorded(ketua, id, { amount: "3.000.000", overBudgetReason: reason });
    expect(await entryOf(over.id)).toMatchObject({ overBudgetReason: reason, status: "approved" });
    expect(await totalsOf(id)).toMatchObject({ spent: 13_000_000, remaining: -3_000_000 });
    // Money received is never limited by the budget, and keeps no over-budget reason.
    const gift = await recorded(ketua, id, {
      kind: "disbursement",
      amount: "20.000.000",
      purpose: "Dana swadaya",
      overBudgetReason: "tidak perlu",
    });
    expect((await entryOf(gift.id)).overBudgetReason).toBeNull();

    // Spending still waiting for the Ketua counts against the budget too.
    const other = await newProgramme(ketua, { coordinatorId: ketua.memberId!, budget: "10.000.000" });
    expect((await recorded(bendahara, other, { amount: "6.000.000" })).status).toBe("pending");
    expect(expectInvalid(await record(ketua, other, { amount: "5.000.000" }))).toEqual({
      overBudgetReason: "Belanja ini melebihi anggaran (sisa anggaran Rp4.000.000). Tuliskan alasannya untuk tetap mencatat.",
    });
  });

  it("refuses money from a partner not on the programme, or outside its agreement's period", async () => {
    const funding = await newPartner(ketua, "PT Pelabuhan Dwikora");
    const stranger = await newPartner(ketua, "PT Tidak Terkait");
    const pks = await newAgreement(ketua, funding, "07/PKS/2030", "2030-07-01", "2031-04-30");
    const id = await newProgramme(
      ketua,
      { coordinatorId: ketua.memberId!, budget: "50.000.000" },
      { partners: [{ partnerId: funding, committed: 30_000_000, agreementId: pks }] },
    );
    expect(
      expectInvalid(await record(ketua, id, { kind: "disbursement", amount: "1.000.000", date: "2031-04-10", partnerId: stranger })),
    ).toEqual({ partnerId: MSG.moneyPartner });
    expect(
      expectInvalid(await record(ketua, id, { kind: "disbursement", amount: "1.000.000", date: "2031-05-05", partnerId: funding })),
    ).toEqual({
      partnerId:
        "Perjanjian 07/PKS/2030 hanya berlaku 1 Juli 2030 sampai 30 April 2031. Dana di luar masa itu memerlukan perjanjian yang baru.",
    });
    expect(await entryCount(id)).toBe(0);
    // The agreement's last day is still in force.
    expect((await recorded(ketua, id, { kind: "disbursement", amount: "1.000.000", date: "2031-04-30", partnerId: funding })).status).toBe(
      "approved",
    );
    // A spending never carries a partner.
    const spending = await recorded(ketua, id, { amount: "100.000", partnerId: stranger });
    expect((await entryOf(spending.id)).partnerId).toBeNull();
  });

  it("refuses a programme whose partner agreement ended before it starts", async () => {
    const partnerId = await newPartner(ketua, "PT Agro Lestari");
    const old = await newAgreement(ketua, partnerId, "01/MOU/2030", "2030-01-01", "2031-02-28");
    const lastDay = await newAgreement(ketua, partnerId, "02/MOU/2031", "2030-03-01", "2031-03-01");
    const input = (agreementId: string) =>
      programmeInput(
        { coordinatorId: ketua.memberId!, startDate: "2031-03-01" },
        { partners: [{ partnerId, committed: 10_000_000, agreementId }] },
      );
    const count = await db.programme.count({ where: { chapterId: ctx.id } });
    expect(expectInvalid(await createProgramme(ketua, input(old)))).toEqual({
      "partner.0.agreementId":
        "Perjanjian 01/MOU/2030 sudah berakhir pada 28 Februari 2031, sebelum program dimulai. Catat perjanjian yang baru terlebih dahulu.",
    });
    expect(await db.programme.count({ where: { chapterId: ctx.id } })).toBe(count);
    // One that ends on the programme's first day is accepted.
    expectOk(await createProgramme(ketua, input(lastDay)));
    // An agreement of another partner is refused.
    const otherPartner = await newPartner(ketua, "PT Lain Lagi");
    expect(
      expectInvalid(
        await createProgramme(
          ketua,
          programmeInput(
            { coordinatorId: ketua.memberId! },
            { partners: [{ partnerId: otherPartner, committed: 1, agreementId: lastDay }] },
          ),
        ),
      ),
    ).toEqual({
      "partner.0.agreementId": "Pilih perjanjian milik mitra tersebut.",
    });
  });

  it("refuses committed amounts above the budget", async () => {
    const a = await newPartner(ketua, "PT Komitmen Satu");
    const b = await newPartner(ketua, "PT Komitmen Dua");
    const partners = (second: number) => [
      { partnerId: a, committed: 30_000_000, agreementId: null },
      { partnerId: b, committed: second, agreementId: null },
    ];
    expect(
      expectInvalid(
        await createProgramme(
          ketua,
          programmeInput({ coordinatorId: ketua.memberId!, budget: "50.000.000" }, { partners: partners(25_000_000) }),
        ),
      ),
    ).toEqual({
      budget: "Jumlah komitmen mitra (Rp55.000.000) melebihi anggaran program (Rp50.000.000).",
    });
    expectOk(
      await createProgramme(
        ketua,
        programmeInput({ coordinatorId: ketua.memberId!, budget: "50.000.000" }, { partners: partners(20_000_000) }),
      ),
    );
  });

  it("refuses a coordinator who is not a serving board member", async () => {
    const plain = await volunteer(ctx.id);
    expect(expectInvalid(await createProgramme(ketua, programmeInput({ coordinatorId: plain.memberId! })))).toEqual({
      coordinatorId: MSG.coordinator,
    });
    // A former board member: their holding ended on 30 June 2025, before any day these tests run.
    const former = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "aktif" });
    const period = await db.leadershipPeriod.findFirstOrThrow({ where: { chapterId: ctx.id, status: "active" }, select: { id: true } });
    const position = await db.boardPosition.findFirstOrThrow({
      where: { chapterId: ctx.id, kind: "anggota_pengurus" },
      select: { id: true },
    });
    await db.positionHolding.create({
      data: {
        periodId: period.id,
        positionId: position.id,
        memberId: former.id,
        startDate: calendarDate(2025, 1, 1),
        endDate: calendarDate(2025, 6, 30),
      },
    });
    expect(expectInvalid(await createProgramme(ketua, programmeInput({ coordinatorId: former.id })))).toEqual({
      coordinatorId: MSG.coordinator,
    });
    // A serving Bendahara may coordinate, though they may not create programmes.
    expectOk(await createProgramme(ketua, programmeInput({ coordinatorId: bendahara.memberId! })));
    expect(
      expectRefusal(await createProgramme(bendahara, programmeInput({ coordinatorId: bendahara.memberId! })), "forbidden").message,
    ).toBe(MSG.forbidden);
  });

  it("refuses the same partner twice in the programme form", () => {
    const fd = new FormData();
    const fields: Record<string, string> = {
      name: "Program Dobel Mitra",
      goal: "Tujuan program.",
      startDate: "2031-03-01",
      endDate: "2031-12-31",
      budget: "50.000.000",
      fundingSource: "csr",
      coordinatorId: "koordinator",
      "partner.0.partnerId": "mitra-a",
      "partner.0.committed": "10.000.000",
      "partner.1.partnerId": "mitra-a",
      "partner.1.committed": "5.000.000",
    };
    for (const [name, value] of Object.entries(fields)) fd.append(name, value);
    expect(parseProgrammeSubmission(fd)).toEqual({ ok: false, fieldErrors: { partners: MSG.partnerTwice } });
    fd.set("partner.1.partnerId", "mitra-b");
    fd.append("villages", V1002);
    fd.append("villages", V1002);
    fd.append("target:kategori-8", "40");
    fd.append("target:kategori-9", "0");
    expect(parseProgrammeSubmission(fd)).toMatchObject({
      ok: true,
      partners: [
        { partnerId: "mitra-a", committed: 10_000_000, agreementId: null },
        { partnerId: "mitra-b", committed: 5_000_000, agreementId: null },
      ],
      villageCodes: [V1002],
      targets: [{ categoryId: "kategori-8", target: 40 }],
    });
    fd.set("partner.1.committed", "-5.000.000");
    expect(parseProgrammeSubmission(fd)).toEqual({ ok: false, fieldErrors: { "partner.1.committed": MSG.rupiahNegative } });
  });

  it("returns the first entry for an idempotency key sent again, and refuses it on another programme", async () => {
    const id = await newProgramme(ketua, { coordinatorId: ketua.memberId! });
    const formKey = key();
    const first = await recorded(bendahara, id, { amount: "750.000", idempotencyKey: formKey });
    const again = await recorded(bendahara, id, { amount: "900.000", idempotencyKey: formKey });
    expect(again).toEqual({ ok: true, id: first.id, status: "approved", repeated: true });
    expect(await entryCount(id)).toBe(1);
    expect((await entryOf(first.id)).amount).toBe(750_000);
    expect(await auditsOf(first.id, "money.record")).toHaveLength(1);
    const other = await newProgramme(ketua, { coordinatorId: ketua.memberId! });
    expect(expectRefusal(await record(bendahara, other, { amount: "750.000", idempotencyKey: formKey }), "conflict").message).toBe(
      MSG.duplicateKey,
    );
    expect(await entryCount(other)).toBe(0);
  });

  it("refuses a programme's new dates that leave money entries outside", async () => {
    const id = await newProgramme(ketua, { coordinatorId: ketua.memberId!, startDate: "2031-03-01", endDate: "2031-12-31" });
    await recorded(ketua, id, { amount: "100.000", date: "2031-03-05" });
    await recorded(ketua, id, { amount: "100.000", date: "2031-06-01" });
    const existing = await db.programme.findUniqueOrThrow({ where: { id }, select: { name: true } });
    expect(
      expectInvalid(
        await updateProgramme(
          ketua,
          id,
          programmeInput({ name: existing.name, coordinatorId: ketua.memberId!, startDate: "2031-04-01", endDate: "2031-12-31" }),
        ),
      ),
    ).toEqual({
      startDate: "1 catatan keuangan berada di luar tanggal baru. Periode program harus tetap mencakupnya.",
    });
    expectOk(
      await updateProgramme(
        ketua,
        id,
        programmeInput({ name: existing.name, coordinatorId: ketua.memberId!, startDate: "2031-03-05", endDate: "2031-06-30" }),
      ),
    );
    expect(
      expectRefusal(
        await updateProgramme(bendahara, id, programmeInput({ name: existing.name, coordinatorId: ketua.memberId! })),
        "forbidden",
      ).message,
    ).toBe(MSG.forbidden);
  });
});

// ---------------------------------------------------------------------------------------------
// Activities under a programme

describe("activities under a programme", () => {
  let ctx: Ctx;
  let ketua: Person;
  let wakil: Person;
  let budi: Person;
  let maria: Person;
  let rudi: Person;
  let programmeId: string;
  let LANSIA: string;
  let DISABILITAS: string;
  let FAKIR: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    wakil = await boardMember(ctx.id, "wakil_ketua");
    budi = await volunteer(ctx.id, { villageCode: V1002, fullName: "Budi Santoso" });
    maria = await volunteer(ctx.id, { villageCode: V1003, fullName: "Maria Ulfah" });
    rudi = await volunteer(ctx.id, { villageCode: V1002, fullName: "Rudi Hartono" });
    LANSIA = ppksOf(ctx, 8);
    DISABILITAS = ppksOf(ctx, 9);
    FAKIR = ppksOf(ctx, 24);
    programmeId = await newProgramme(
      ketua,
      { coordinatorId: ketua.memberId!, startDate: "2031-06-01", endDate: "2031-08-31" },
      { villageCodes: [V1002, V1003], targets: [{ categoryId: LANSIA, target: 40 }], volunteerIds: [budi.memberId!, maria.memberId!] },
    );
  });

  function log(actor: Person, fields: Record<string, string>, reach: ReachEntry[] = [], coVolunteerIds: string[] = [], submit = true) {
    const data = activityFormSchema.parse({
      idempotencyKey: key(),
      typeId: ctx.typeId,
      villageCode: V1002,
      durationMinutes: "60",
      households: "1",
      narrative: "Kunjungan dan pendataan lansia.",
      programmeId,
      ...fields,
    });
    return logActivity(actor, { data, reach, aid: [], coVolunteerIds, followUp: null, submit }, NOW);
  }

  it("drops a chosen photo from the programme once its activity is reopened", async () => {
    const id = expectOk(await log(budi, { date: "2031-06-11" })).id;
    expect(await verifyActivities(ketua, [id], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    const photo = await db.activityPhoto.create({ data: { activityId: id, file: "foto-uji.jpg" }, select: { id: true } });
    expect(await setProgrammePhotos(ketua, programmeId, [photo.id], 6)).toEqual({ ok: true });
    expect(expectOk(await getProgramme(ketua, programmeId)).programme.photos).toEqual([{ photoId: photo.id, activityId: id }]);
    expect(await reopenActivity(ketua, id, "Jumlah orang perlu diperiksa lagi.")).toEqual({ ok: true });
    expect(expectOk(await getProgramme(ketua, programmeId)).programme.photos).toEqual([]);
  });

  it("lets an assigned volunteer log an activity under the programme", async () => {
    const id = expectOk(await log(budi, { date: "2031-06-10" })).id;
    expect((await db.activity.findUniqueOrThrow({ where: { id }, select: { programmeId: true } })).programmeId).toBe(programmeId);
  });

  it("refuses a volunteer not assigned to it, and a programme of another chapter even for the board", async () => {
    const before = await db.activity.count({ where: { chapterId: ctx.id } });
    expect(expectInvalid(await log(rudi, { date: "2031-06-10" }))).toEqual({ programmeId: MSG.activityProgramme });
    const other = await newChapter();
    const otherKetua = await boardMember(other.id, "ketua");
    const foreign = await newProgramme(otherKetua, { coordinatorId: otherKetua.memberId!, startDate: "2031-06-01", endDate: "2031-08-31" });
    expect(expectInvalid(await log(wakil, { date: "2031-06-10", programmeId: foreign }))).toEqual({ programmeId: MSG.activityProgramme });
    expect(await db.activity.count({ where: { chapterId: ctx.id } })).toBe(before);
    // The board logs under any programme of its chapter.
    expectOk(await log(wakil, { date: "2031-06-10" }));
    expect(await checkActivityProgramme(db, rudi, programmeId, calendarDate(2031, 6, 10))).toBe(MSG.activityProgramme);
    expect(await checkActivityProgramme(db, budi, programmeId, calendarDate(2031, 6, 10))).toBeNull();
  });

  it("refuses an activity dated outside the programme's period", async () => {
    expect(expectInvalid(await log(budi, { date: "2031-05-31" }))).toEqual({
      programmeId: "Tanggal kegiatan di luar periode program (1 Juni 2031 sampai 31 Agustus 2031).",
    });
    expect(await checkActivityProgramme(db, budi, programmeId, calendarDate(2031, 9, 1))).toBe(
      "Tanggal kegiatan di luar periode program (1 Juni 2031 sampai 31 Agustus 2031).",
    );
    expect(await checkActivityProgramme(db, budi, programmeId, calendarDate(2031, 8, 31))).toBeNull();
  });

  it("offers the running programmes the volunteer works on (and recently ended ones) in the activity form", async () => {
    const names = async (actor: Person, now: Date) => (await programmeChoicesForActivity(actor, now)).map((p) => p.id);
    expect(await names(budi, NOW)).toEqual([programmeId]);
    expect(await names(rudi, NOW)).toEqual([]);
    expect(await names(wakil, NOW)).toContain(programmeId);
    // Not before it starts; still 90 days after its end (31 August + 90 days = 29 November), not 91.
    expect(await names(budi, wib("2031-05-31", "23:00"))).toEqual([]);
    expect(await names(budi, wib("2031-11-29", "23:00"))).toEqual([programmeId]);
    expect(await names(budi, wib("2031-11-30", "01:00"))).toEqual([]);
  });

  it("counts only verified activities in the actuals: people by category and kelurahan, households, hours", async () => {
    const programme2 = await newProgramme(
      ketua,
      { coordinatorId: ketua.memberId!, startDate: "2031-06-01", endDate: "2031-08-31" },
      { volunteerIds: [budi.memberId!, maria.memberId!] },
    );
    // Verified: A1 (Budi, 120 min, Maria with him), A2 (Budi, 90 min), A5 (Maria, 30 min, Budi with her).
    const a1 = expectOk(
      await logActivity(
        budi,
        {
          data: activityFormSchema.parse({
            idempotencyKey: key(),
            typeId: ctx.typeId,
            villageCode: V1002,
            durationMinutes: "120",
            households: "6",
            date: "2031-06-10",
            narrative: "Kunjungan lansia.",
            programmeId: programme2,
          }),
          reach: [
            { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 5 },
            { categoryId: LANSIA, sex: "L", ageBand: "lansia", count: 3 },
          ],
          aid: [],
          coVolunteerIds: [maria.memberId!],
          followUp: null,
          submit: true,
        },
        NOW,
      ),
    ).id;
    const logUnder = (actor: Person, fields: Record<string, string>, reach: ReachEntry[], co: string[] = [], submit = true) =>
      logActivity(
        actor,
        {
          data: activityFormSchema.parse({
            idempotencyKey: key(),
            typeId: ctx.typeId,
            narrative: "Pendataan.",
            programmeId: programme2,
            ...fields,
          }),
          reach,
          aid: [],
          coVolunteerIds: co,
          followUp: null,
          submit,
        },
        NOW,
      );
    const a2 = expectOk(
      await logUnder(budi, { date: "2031-06-12", durationMinutes: "90", villageCode: V1003, households: "4" }, [
        { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 4 },
        { categoryId: FAKIR, sex: "L", ageBand: "dewasa", count: 2 },
      ]),
    ).id;
    // A3 waits for verification; A4 is a draft.
    expectOk(
      await logUnder(maria, { date: "2031-06-13", durationMinutes: "60", villageCode: V1002, households: "3" }, [
        { categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 3 },
      ]),
    );
    expectOk(
      await logUnder(
        maria,
        { date: "2031-06-14", durationMinutes: "45", villageCode: V1002, households: "9" },
        [{ categoryId: LANSIA, sex: "P", ageBand: "lansia", count: 9 }],
        [],
        false,
      ),
    );
    const a5 = expectOk(
      await logUnder(
        maria,
        { date: "2031-06-11", durationMinutes: "30", villageCode: V1002, households: "2" },
        [{ categoryId: DISABILITAS, sex: "L", ageBand: "dewasa", count: 1 }],
        [budi.memberId!],
      ),
    ).id;
    // A verified activity of Budi under no programme does not count either.
    const outside = expectOk(
      await logActivity(
        budi,
        {
          data: activityFormSchema.parse({
            idempotencyKey: key(),
            typeId: ctx.typeId,
            villageCode: V1002,
            durationMinutes: "300",
            households: "7",
            date: "2031-06-09",
            narrative: "Di luar program.",
          }),
          reach: [{ categoryId: LANSIA, sex: "L", ageBand: "lansia", count: 7 }],
          aid: [],
          coVolunteerIds: [],
          followUp: null,
          submit: true,
        },
        NOW,
      ),
    ).id;
    expect(await verifyActivities(wakil, [a1, a2, a5, outside], NOW)).toEqual({ ok: true, verified: 4, skipped: 0 });

    const actuals = await programmeActuals(programme2);
    expect({
      activities: actuals.activities,
      people: actuals.people,
      households: actuals.households,
      waiting: actuals.waiting,
      hours: actuals.volunteerHours,
    }).toEqual({
      activities: 3,
      people: 15, // 8 + 6 + 1
      households: 12, // 6 + 4 + 2
      waiting: 1,
      hours: 6.5, // Budi 120 + 90 + 30 min, Maria 30 + 120 min
    });
    expect(actuals.byCategory.map((c) => [c.categoryId, c.people])).toEqual([
      [LANSIA, 12],
      [FAKIR, 2],
      [DISABILITAS, 1],
    ]);
    expect(actuals.byVillage.map((v) => [v.villageCode, v.name, v.district, v.people, v.households, v.activities])).toEqual([
      [V1002, "Benuamelayu Laut", "Pontianak Selatan", 9, 8, 2],
      [V1003, "Benuamelayu Darat", "Pontianak Selatan", 6, 4, 1],
    ]);
    expect(actuals.volunteers.map((v) => [v.memberId, v.fullName, v.hours, v.activities])).toEqual([
      [budi.memberId, "Budi Santoso", 4, 3],
      [maria.memberId, "Maria Ulfah", 2.5, 2],
    ]);
    // The programme's one target kelurahan is Benuamelayu Laut: A2's 6 people in Benuamelayu Darat
    // stay in the totals but are flagged apart and do not count toward the targets.
    expect(actuals.byCategory.map((c) => [c.categoryId, c.inTarget])).toEqual([
      [LANSIA, 8],
      [FAKIR, 0],
      [DISABILITAS, 1],
    ]);
    expect(actuals.byVillage.map((v) => [v.villageCode, v.inTarget])).toEqual([
      [V1002, true],
      [V1003, false],
    ]);
    expect(actuals.outsideTarget).toEqual({
      people: 6,
      villages: [expect.objectContaining({ villageCode: V1003, people: 6, households: 4, activities: 1, inTarget: false })],
    });
    expect(actuals.unassigned).toEqual({ hours: 0, volunteers: [] });

    // Without target kelurahan every kelurahan counts toward the targets and nothing is outside.
    await db.programmeVillage.deleteMany({ where: { programmeId: programme2 } });
    const everywhere = await programmeActuals(programme2);
    expect(everywhere.byCategory.map((c) => [c.categoryId, c.people, c.inTarget])).toEqual([
      [LANSIA, 12, 12],
      [FAKIR, 2, 2],
      [DISABILITAS, 1, 1],
    ]);
    expect(everywhere.byVillage.every((v) => v.inTarget)).toBe(true);
    expect(everywhere.outsideTarget).toEqual({ people: 0, villages: [] });

    // The board logs under any programme: the Wakil Ketua's hours are flagged (not assigned), the
    // coordinator's (the Ketua) are not.
    const byWakil = expectOk(
      await logUnder(wakil, { date: "2031-06-15", durationMinutes: "45", villageCode: V1002, households: "1" }, []),
    ).id;
    const byKetua = expectOk(
      await logUnder(ketua, { date: "2031-06-14", durationMinutes: "45", villageCode: V1002, households: "1" }, []),
    ).id;
    expect(await verifyActivities(ketua, [byWakil], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(await verifyActivities(wakil, [byKetua], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    const after = await programmeActuals(programme2);
    expect(after.volunteerHours).toBe(8); // 6.5 + 45 min each for the Wakil Ketua and the Ketua
    expect(after.unassigned).toEqual({
      hours: 0.75,
      volunteers: [expect.objectContaining({ memberId: wakil.memberId, hours: 0.75, activities: 1, assigned: false })],
    });
    expect(after.volunteers.find((v) => v.memberId === ketua.memberId)).toMatchObject({ hours: 0.75, assigned: true });
  });
});

// ---------------------------------------------------------------------------------------------
// Editing a programme with money on its ledger

describe("editing a programme whose partners sent money", () => {
  it("keeps a partner with money on the ledger, refuses a partner twice, and compares partner names without capitals", async () => {
    const ctx = await newChapter();
    const ketua = await boardMember(ctx.id, "ketua");
    const partnerId = await newPartner(ketua, "PT Kapuas Lestari");
    const input = programmeInput(
      { coordinatorId: ketua.memberId! },
      { partners: [{ partnerId, committed: 20_000_000, agreementId: null }] },
    );
    const programmeId = expectOk(await createProgramme(ketua, input)).id;
    await recorded(ketua, programmeId, { kind: "disbursement", amount: "20.000.000", purpose: "Dana CSR", partnerId });
    const dropped = await updateProgramme(ketua, programmeId, { ...input, partners: [] });
    expect(expectInvalid(dropped)).toEqual({
      partners: "PT Kapuas Lestari sudah menyalurkan dana ke program ini, sehingga tetap tercantum sebagai mitra.",
    });
    expect(await db.programmePartner.count({ where: { programmeId } })).toBe(1);
    const twice = await createProgramme(
      ketua,
      programmeInput(
        { coordinatorId: ketua.memberId! },
        {
          partners: [
            { partnerId, committed: 1, agreementId: null },
            { partnerId, committed: 2, agreementId: null },
          ],
        },
      ),
    );
    expect(expectInvalid(twice)).toMatchObject({ partners: "Setiap mitra cukup dicantumkan sekali." });
    const sameName = await savePartner(ketua, partnerSchema.parse({ name: "pt kapuas lestari", kind: "perusahaan", status: "aktif" }));
    expect(expectInvalid(sameName)).toEqual({ name: "Mitra dengan nama ini sudah terdaftar." });
  });
});

// ---------------------------------------------------------------------------------------------
// Partners

describe("partners, contacts and agreements", () => {
  let ctx: Ctx;
  let ketua: Person;
  let partnerId: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    partnerId = await newPartner(ketua, "PT Kapuas Energi");
  });

  it("audits a new partner and refuses a name already registered, also on rename", async () => {
    const [audit] = await auditsOf(partnerId, "partner.create");
    expect(audit).toMatchObject({ actorId: ketua.userId, chapterId: ctx.id, after: { name: "PT Kapuas Energi", kind: "perusahaan" } });
    expect(
      expectInvalid(await savePartner(ketua, partnerSchema.parse({ name: " PT Kapuas Energi ", kind: "bumn", status: "aktif" }))),
    ).toEqual({
      name: MSG.partnerTaken,
    });
    const second = await newPartner(ketua, "CV Sungai Jawi");
    expect(
      expectInvalid(await savePartner(ketua, partnerSchema.parse({ name: "PT Kapuas Energi", kind: "lainnya", status: "aktif" }), second)),
    ).toEqual({ name: MSG.partnerTaken });
    // Saving a partner under its own name is fine.
    expectOk(await savePartner(ketua, partnerSchema.parse({ name: "CV Sungai Jawi", kind: "lainnya", status: "nonaktif" }), second));
    expect(await auditsOf(second, "partner.update")).toHaveLength(1);
    // Another chapter may have a partner of the same name, and cannot change this chapter's.
    const other = await newChapter();
    const otherKetua = await boardMember(other.id, "ketua");
    expectOk(await savePartner(otherKetua, partnerSchema.parse({ name: "PT Kapuas Energi", kind: "perusahaan", status: "aktif" })));
    expectRefusal(
      await savePartner(otherKetua, partnerSchema.parse({ name: "Diambil alih", kind: "perusahaan", status: "aktif" }), partnerId),
      "notFound",
    );
  });

  it("adds and removes contact people, audited, within the chapter only", async () => {
    const contactId = expectOk(
      await addContact(
        ketua,
        partnerId,
        contactSchema.parse({ name: "Hendra Wijaya", position: "Manajer CSR", phone: "0812 5678 9012", email: "hendra@kapuas.co.id" }),
      ),
    ).id;
    expect(contactId).toEqual(expect.any(String));
    expect(expectOk(await getPartner(ketua, partnerId)).partner.contacts.map((c) => c.name)).toEqual(["Hendra Wijaya"]);
    expect(await auditsOf(partnerId, "partner.contact.add")).toMatchObject([{ after: { name: "Hendra Wijaya", position: "Manajer CSR" } }]);
    const other = await newChapter();
    const otherKetua = await boardMember(other.id, "ketua");
    expectRefusal(await removeContact(otherKetua, partnerId, contactId), "notFound");
    expectRefusal(await addContact(otherKetua, partnerId, contactSchema.parse({ name: "Penyusup" })), "notFound");
    // Only those who record programmes change partners.
    const bendahara = await boardMember(ctx.id, "bendahara");
    expectRefusal(await addContact(bendahara, partnerId, contactSchema.parse({ name: "Tanpa hak" })), "forbidden");
    expectRefusal(await removeContact(bendahara, partnerId, contactId), "forbidden");
    expectOk(await removeContact(ketua, partnerId, contactId));
    expect(expectOk(await getPartner(ketua, partnerId)).partner.contacts).toEqual([]);
    expect(await auditsOf(partnerId, "partner.contact.remove")).toMatchObject([{ before: { name: "Hendra Wijaya" } }]);
  });

  it("stores an agreement's scan (PDF by its bytes), refuses other files and a number used twice", async () => {
    const text = new TextEncoder().encode("ini bukan PDF");
    const agreement = agreementSchema.parse({
      kind: "pks",
      number: "12/PKS/CSR/2031",
      signedOn: "2031-01-05",
      startDate: "2031-01-05",
      endDate: "2031-12-31",
    });
    expect(expectInvalid(await addAgreement(ketua, partnerId, agreement, { bytes: text, size: text.length }))).toEqual({
      file: MSG.receiptType,
    });
    expect(await db.partnerAgreement.count({ where: { partnerId } })).toBe(0);

    const pdf = new TextEncoder().encode("%PDF-1.4\n% uji\n%%EOF\n");
    const id = expectOk(await addAgreement(ketua, partnerId, agreement, { bytes: pdf, size: pdf.length })).id;
    const scan = expectOk(await readAgreementScan(ketua, partnerId, id));
    expect(scan).toMatchObject({ type: "application/pdf", name: "12-PKS-CSR-2031.pdf" });
    expect(new Uint8Array(scan.bytes)).toEqual(pdf);
    const other = await newChapter();
    expectRefusal(await readAgreementScan(await boardMember(other.id, "ketua"), partnerId, id), "notFound");
    // Partners are the board's: a volunteer never reads an agreement.
    expectRefusal(await readAgreementScan(await volunteer(ctx.id), partnerId, id), "forbidden");
    expect(expectInvalid(await addAgreement(ketua, partnerId, agreement, null))).toEqual({ number: MSG.agreementTaken });
    expectRefusal(await addAgreement(ketua, "tidak-ada", agreementSchema.parse({ ...agreement, number: "lain" }), null), "notFound");
    expect(agreementSchema.safeParse({ ...agreement, endDate: "2030-12-31" }).error?.issues[0]?.message).toBe(
      "Tanggal berakhir tidak boleh sebelum tanggal mulai.",
    );
  });

  it("tells whether an agreement is in force on the chapter's day, start and end inclusive", () => {
    const agreement = { startDate: calendarDate(2031, 1, 1), endDate: calendarDate(2031, 12, 31) };
    expect(agreementState(agreement, TZ, wib("2030-12-31", "23:59"))).toBe("belum");
    // 1 January 00:30 in Jakarta is still 31 December in UTC.
    expect(agreementState(agreement, TZ, wib("2031-01-01", "00:30"))).toBe("berlaku");
    expect(agreementState(agreement, TZ, wib("2031-12-31", "23:59"))).toBe("berlaku");
    expect(agreementState(agreement, TZ, wib("2032-01-01", "00:01"))).toBe("berakhir");
  });
});

// ---------------------------------------------------------------------------------------------
// Receipts

describe("receipts", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let vol: Person;
  let programmeId: string;

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    vol = await volunteer(ctx.id);
    programmeId = await newProgramme(ketua, { coordinatorId: ketua.memberId! }, { volunteerIds: [vol.memberId!] });
  });

  it("refuses a receipt that is not a PDF, JPEG or PNG, saving nothing", async () => {
    const text = new TextEncoder().encode("Kwitansi pembelian sembako Rp 1.250.000");
    const result = await recordMoneyEntry(
      bendahara,
      programmeId,
      moneyForm({ amount: "1.250.000" }),
      { bytes: text, size: text.length },
      NOW,
    );
    expect(expectInvalid(result)).toEqual({ receipt: MSG.receiptType });
    expect(await entryCount(programmeId)).toBe(0);
    const stored = await readdir(path.join(process.env.UPLOADS_DIR ?? "", "receipts")).catch(() => []);
    expect(stored).toEqual([]);
  });

  it("stores a PNG receipt and gives it to those who see the money only", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    const entry = expectOk(
      await recordMoneyEntry(
        bendahara,
        programmeId,
        moneyForm({ amount: "1.250.000" }),
        { bytes: new Uint8Array(png), size: png.length },
        NOW,
      ),
    );
    expect(await entryOf(entry.id)).toMatchObject({
      receiptFile: expect.stringMatching(new RegExp(`^${programmeId}-[0-9a-f]{16}\\.png$`)),
      receiptFileType: "image/png",
      amount: 1_250_000,
    });
    const receipt = expectOk(await readReceipt(bendahara, entry.id));
    expect(receipt).toMatchObject({ type: "image/png", name: `kwitansi-${entry.id}.png` });
    expect(Buffer.compare(receipt.bytes, png)).toBe(0);
    expectOk(await readReceipt(ketua, entry.id));
    expectRefusal(await readReceipt(vol, entry.id), "notFound");
    const other = await newChapter();
    expectRefusal(await readReceipt(await boardMember(other.id, "ketua"), entry.id), "notFound");
    expect(await readdir(path.join(process.env.UPLOADS_DIR ?? "", "receipts"))).toHaveLength(1);
    // The same form sent again keeps the first entry and its one receipt.
    const again = await recordMoneyEntry(
      bendahara,
      programmeId,
      {
        ...moneyForm({ amount: "1.250.000" }),
        idempotencyKey: (await db.moneyEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { idempotencyKey: true } }))
          .idempotencyKey,
      },
      { bytes: new Uint8Array(png), size: png.length },
      NOW,
    );
    expect(again).toMatchObject({ ok: true, id: entry.id, repeated: true });
    expect(await readdir(path.join(process.env.UPLOADS_DIR ?? "", "receipts"))).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Curation

describe("choosing the report's photos", () => {
  it("is for the board managing programmes and the coordinator", async () => {
    const ctx = await newChapter();
    const ketua = await boardMember(ctx.id, "ketua");
    const bendahara = await boardMember(ctx.id, "bendahara");
    const kabid = await boardMember(ctx.id, "koordinator_bidang");
    const vol = await volunteer(ctx.id);
    const programmeId = await newProgramme(ketua, { coordinatorId: kabid.memberId! }, { volunteerIds: [vol.memberId!] });
    const programme = { coordinatorId: kabid.memberId! };
    expect([ketua, kabid, bendahara, vol].map((p) => mayCurate(p, programme))).toEqual([true, true, false, false]);
    expectRefusal(await setProgrammePhotos(bendahara, programmeId, [], 6), "forbidden");
    expect(await setProgrammePhotos(kabid, programmeId, ["a", "b", "c"], 2)).toMatchObject({
      refusal: "invalid",
      formError: "Pilih paling banyak 2 foto.",
    });
    expect(await setProgrammePhotos(kabid, programmeId, ["tidak-ada"], 6)).toMatchObject({
      refusal: "invalid",
      formError: "Foto harus berasal dari kegiatan terverifikasi program ini.",
    });
    expect(await setProgrammePhotos(kabid, programmeId, [], 6)).toEqual({ ok: true });
    expectRefusal(await setProgrammePhotos(kabid, "tidak-ada", [], 6), "notFound");
  });
});

// ---------------------------------------------------------------------------------------------
// Routes

describe("through the routes", () => {
  let ctx: Ctx;
  let ketua: Person;
  let bendahara: Person;
  let wakil: Person;
  let assigned: Person;
  let unassigned: Person;
  let foreign: Person;
  let programmeId: string;
  let partnerId: string;
  const cookies = { ketua: "", bendahara: "", wakil: "", assigned: "", unassigned: "", foreign: "" };
  const DAY = "2026-01-15"; // a past day inside the programme, whatever the real date

  beforeAll(async () => {
    ctx = await newChapter();
    ketua = await boardMember(ctx.id, "ketua");
    bendahara = await boardMember(ctx.id, "bendahara");
    wakil = await boardMember(ctx.id, "wakil_ketua");
    assigned = await volunteer(ctx.id);
    unassigned = await volunteer(ctx.id);
    const other = await newChapter();
    foreign = await volunteer(other.id);
    partnerId = await newPartner(ketua, "PT Mitra Rute");
    const pks = await newAgreement(ketua, partnerId, "77/PKS/RUTE/2026", "2026-01-01", "2031-12-31");
    programmeId = await newProgramme(
      ketua,
      { coordinatorId: ketua.memberId!, startDate: "2026-01-01", endDate: "2031-12-31", budget: "50.000.000" },
      { partners: [{ partnerId, committed: 30_000_000, agreementId: pks }], volunteerIds: [assigned.memberId!] },
    );
    await recorded(ketua, programmeId, { kind: "disbursement", amount: "10.000.000", date: DAY, purpose: "Pencairan", partnerId });
    const people = { ketua, bendahara, wakil, assigned, unassigned, foreign };
    for (const name of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[name] = await signIn(people[name].email);
  });

  it("gives a volunteer 403 on the partners and on the programme's money", async () => {
    expect(statusOf(await run(partnersLoader, getRequest("/programmes/partners", cookies.assigned)))).toBe(403);
    expect(
      statusOf(
        await run(
          partnersAction,
          postForm("/programmes/partners", { name: "PT Relawan", kind: "perusahaan", status: "aktif" }, cookies.assigned),
        ),
      ),
    ).toBe(403);
    expect(await db.partner.count({ where: { chapterId: ctx.id, name: "PT Relawan" } })).toBe(0);
    expect(statusOf(await run(moneyLoader, getRequest(`/programmes/${programmeId}/money`, cookies.assigned), { id: programmeId }))).toBe(
      403,
    );
    expect(statusOf(await run(partnersLoader, getRequest("/programmes/partners", cookies.bendahara)))).toBe(200);
    expect(statusOf(await run(moneyLoader, getRequest(`/programmes/${programmeId}/money`, cookies.wakil), { id: programmeId }))).toBe(200);
  });

  it("shows an assigned volunteer the programme without money, and hides it from others", async () => {
    const result = await run(programmeLoader, getRequest(`/programmes/${programmeId}`, cookies.assigned), { id: programmeId });
    expect(statusOf(result)).toBe(200);
    const page = dataOf<{
      programme: { id: string; budget: number | null; partners: { committed: number | null; received: number | null }[] };
      totals: unknown;
      money: boolean;
    }>(result);
    expect(page.programme.id).toBe(programmeId);
    expect(page.money).toBe(false);
    expect(page.totals).toBeNull();
    expect(page.programme.budget).toBeNull();
    // who funds it, by name only: no agreement, no amounts (docs/permissions.md)
    expect(page.programme.partners).toEqual([
      expect.objectContaining({ partner: { name: "PT Mitra Rute" }, agreement: null, agreementId: null, committed: null, received: null }),
    ]);
    expect(JSON.stringify(page)).not.toContain("77/PKS/RUTE/2026");

    const board = dataOf<{
      programme: { budget: number | null; partners: { committed: number | null; received: number | null }[] };
      totals: { received: number } | null;
    }>(await run(programmeLoader, getRequest(`/programmes/${programmeId}`, cookies.bendahara), { id: programmeId }));
    expect(board.programme.budget).toBe(50_000_000);
    expect(board.programme.partners).toEqual([
      expect.objectContaining({
        committed: 30_000_000,
        received: 10_000_000,
        agreement: expect.objectContaining({ number: "77/PKS/RUTE/2026" }),
      }),
    ]);
    expect(board.totals?.received).toBe(10_000_000);

    expect(statusOf(await run(programmeLoader, getRequest(`/programmes/${programmeId}`, cookies.unassigned), { id: programmeId }))).toBe(
      404,
    );
    expect(statusOf(await run(programmeLoader, getRequest(`/programmes/${programmeId}`, cookies.foreign), { id: programmeId }))).toBe(404);
  });

  it("lets the Bendahara record money through the money form, and refuses a volunteer's post", async () => {
    const url = `/programmes/${programmeId}/money`;
    const fields = (amount: string, extra: Record<string, string> = {}) => ({
      intent: "record",
      idempotencyKey: key(),
      kind: "spending",
      date: DAY,
      amount,
      purpose: "Paket sembako",
      ...extra,
    });
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000000" } })
      .png()
      .toBuffer();

    const response = (await run(
      moneyAction,
      multipart(url, cookies.bendahara, fields("Rp 1.250.000"), {
        field: "receipt",
        bytes: new Uint8Array(png),
        type: "image/png",
        name: "kwitansi.png",
      }),
      { id: programmeId },
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(url);
    expect(await toastOf(response)).toBe("Catatan keuangan disimpan.");
    const saved = await db.moneyEntry.findFirstOrThrow({
      where: { programmeId, recordedById: bendahara.userId },
      select: { amount: true, status: true, receiptFileType: true, date: true },
    });
    expect(saved).toEqual({ amount: 1_250_000, status: "approved", receiptFileType: "image/png", date: calendarDate(2026, 1, 15) });

    const pending = (await run(moneyAction, multipart(url, cookies.bendahara, fields("6.000.000")), { id: programmeId })) as Response;
    expect(await toastOf(pending)).toBe("Catatan keuangan disimpan dan menunggu persetujuan Ketua.");
    const waiting = await db.moneyEntry.findFirstOrThrow({ where: { programmeId, status: "pending" }, select: { id: true, amount: true } });
    expect(waiting.amount).toBe(6_000_000);
    // The Bendahara may not approve; the Ketua may.
    expect(
      statusOf(await run(moneyAction, multipart(url, cookies.bendahara, { intent: "approve", entryId: waiting.id }), { id: programmeId })),
    ).toBe(403);
    expect((await entryOf(waiting.id)).status).toBe("pending");
    expect(
      statusOf(await run(moneyAction, multipart(url, cookies.ketua, { intent: "approve", entryId: waiting.id }), { id: programmeId })),
    ).toBe(302);
    expect((await entryOf(waiting.id)).status).toBe("approved");

    const before = await entryCount(programmeId);
    const negative = await run(moneyAction, multipart(url, cookies.bendahara, fields("-5000")), { id: programmeId });
    expect(statusOf(negative)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(negative).fieldErrors).toEqual({ amount: MSG.rupiahNegative });
    // A Wakil Ketua who does not coordinate the programme gets the error page with the reason.
    const byWakil = (await run(moneyAction, multipart(url, cookies.wakil, fields("100.000")), { id: programmeId })) as Response;
    expect(byWakil.status).toBe(403);
    expect(await byWakil.text()).toBe(MSG.moneyForbidden);
    expect(statusOf(await run(moneyAction, multipart(url, cookies.assigned, fields("100.000")), { id: programmeId }))).toBe(403);
    expect(statusOf(await run(moneyAction, multipart(url, cookies.foreign, fields("100.000")), { id: programmeId }))).toBe(404);
    expect(await entryCount(programmeId)).toBe(before);
  });

  it("lets the Ketua create a partner, and refuses a name already registered", async () => {
    const response = (await run(
      partnersAction,
      postForm(
        "/programmes/partners",
        { name: "PT Borneo Lestari", kind: "perusahaan", sector: "Perkebunan", status: "aktif" },
        cookies.ketua,
      ),
    )) as Response;
    expect(response.status).toBe(302);
    const created = await db.partner.findFirstOrThrow({
      where: { chapterId: ctx.id, name: "PT Borneo Lestari" },
      select: { id: true, kind: true, sector: true },
    });
    expect(created).toMatchObject({ kind: "perusahaan", sector: "Perkebunan" });
    expect(response.headers.get("Location")).toBe(`/programmes/partners/${created.id}`);
    expect(await toastOf(response)).toBe("Mitra PT Borneo Lestari ditambahkan.");

    const duplicate = await run(
      partnersAction,
      postForm("/programmes/partners", { name: "PT Borneo Lestari", kind: "yayasan", status: "aktif" }, cookies.ketua),
    );
    expect(statusOf(duplicate)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(duplicate).fieldErrors).toEqual({ name: MSG.partnerTaken });
    expect(await db.partner.count({ where: { chapterId: ctx.id, name: "PT Borneo Lestari" } })).toBe(1);
    // The Bendahara reads the partners but does not record them.
    expect(
      statusOf(
        await run(
          partnersAction,
          postForm("/programmes/partners", { name: "PT Bendahara", kind: "perusahaan", status: "aktif" }, cookies.bendahara),
        ),
      ),
    ).toBe(403);
  });

  it("lists the programmes a volunteer works on, without money", async () => {
    // The volunteer's actor as a request builds it: their chapter and time zone, no board rights.
    expect(assigned).toMatchObject({ memberId: expect.any(String), chapterId: ctx.id, timeZone: TZ });
    const listed = await listProgrammes(assigned, NOW);
    expect(listed.map((p) => [p.id, p.budget, p.spent])).toEqual([[programmeId, null, null]]);
    expect(await listProgrammes(unassigned, NOW)).toEqual([]);
    expectRefusal(await getProgramme(unassigned, programmeId), "notFound");
    expect(expectOk(await getProgramme(assigned, programmeId)).programme.id).toBe(programmeId);
  });
});
