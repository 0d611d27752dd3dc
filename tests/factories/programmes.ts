// Builders for programme tests: a chapter whose board serves both on the real day and in the
// simulated years, partners with agreements, programmes as the form submits them, and money
// entries recorded for an actor. Used by the programme, money and programme report tests.
import { addAgreement, savePartner } from "~/domain/programmes/partners.server";
import { recordMoneyEntry } from "~/domain/programmes/money.server";
import { createProgramme } from "~/domain/programmes/programmes.server";
import type { Actor } from "~/domain/shared/actor.server";
import { db } from "~/utils/db.server";
import { agreementSchema, moneyEntrySchema, partnerSchema, programmeSchema, type ProgrammeSubmission } from "~/validation/programmes";
import { expectOk } from "../support/outcomes";
import { PLACES } from "../support/timeline";
import { activityChapter, nextKey, type ActivityChapter } from "./activities";
import { buildChapter, calendarDate } from "./index";

/** A chapter with its catalogue; `typeId` is its first activity type. */
export type ProgrammeChapter = ActivityChapter & { typeId: string };

/**
 * A new chapter (Kota Pontianak) with its catalogue and an active leadership period from 1 January
 * 2025 to the end of `until` (or of next year, if later): the board serves on the real day (the
 * routes, currentBoardMembers) and on the simulated days of the tests.
 */
export async function programmeChapter(
  options: { until?: number; overrides?: Parameters<typeof buildChapter>[0] } = {},
): Promise<ProgrammeChapter> {
  const chapter = await activityChapter(options.overrides);
  const end = Math.max(options.until ?? 2031, new Date().getUTCFullYear() + 1);
  await db.leadershipPeriod.create({
    data: {
      chapterId: chapter.id,
      name: `Periode 2025-${end}`,
      startDate: calendarDate(2025, 1, 1),
      endDate: calendarDate(end, 12, 31),
      status: "active",
      activatedAt: new Date(),
    },
  });
  return { ...chapter, typeId: chapter.types[0]!.id };
}

/** A partner company that must be saved; its id. */
export async function newPartner(actor: Actor, name: string, fields: Record<string, string> = {}) {
  const data = partnerSchema.parse({
    name,
    kind: "perusahaan",
    sector: "Perkebunan",
    address: "Jl. Ahmad Yani No. 1, Pontianak",
    status: "aktif",
    ...fields,
  });
  return expectOk(await savePartner(actor, data)).id;
}

/** A PKS of the partner (no scan) that must be saved; its id. */
export async function newAgreement(
  actor: Actor,
  partnerId: string,
  number: string,
  startDate: string,
  endDate: string,
  signedOn = startDate,
) {
  const data = agreementSchema.parse({ kind: "pks", number, signedOn, startDate, endDate });
  return expectOk(await addAgreement(actor, partnerId, data, null)).id;
}

let programmeSerial = 0;

/** What the programme form would submit (scalar fields as strings, parsed by the shared schema); give the coordinator. */
export function programmeInput(
  fields: Record<string, string>,
  extra: Partial<Omit<ProgrammeSubmission, "data">> = {},
): ProgrammeSubmission {
  return {
    data: programmeSchema.parse({
      name: `Program Uji ${++programmeSerial}`,
      goal: "Mendampingi lanjut usia terlantar agar mendapat bantuan pangan dan layanan kesehatan.",
      startDate: "2031-03-01",
      endDate: "2031-12-31",
      budget: "50.000.000",
      fundingSource: "csr",
      ...fields,
    }),
    partners: [],
    villageCodes: [PLACES.V1002],
    targets: [],
    volunteerIds: [],
    ...extra,
  };
}

/** A programme that must be saved; its id. */
export async function newProgramme(actor: Actor, fields: Record<string, string>, extra: Partial<Omit<ProgrammeSubmission, "data">> = {}) {
  return expectOk(await createProgramme(actor, programmeInput(fields, extra))).id;
}

export type MoneyFields = {
  kind?: "disbursement" | "spending";
  date?: string;
  amount: string;
  purpose?: string;
  partnerId?: string;
  overBudgetReason?: string;
  idempotencyKey?: string;
};

/** A money entry as the form posts it (a spending on 10 June 2031 unless told), parsed by the shared schema. */
export function moneyForm(fields: MoneyFields) {
  return moneyEntrySchema.parse({
    idempotencyKey: nextKey(),
    kind: "spending",
    date: "2031-06-10",
    purpose: "Paket sembako lansia",
    ...fields,
  });
}

/** Records a money entry for the actor, without a receipt (the outcome, as recordMoneyEntry answers). */
export function recordMoney(actor: Actor, programmeId: string, fields: MoneyFields, now: Date) {
  return recordMoneyEntry(actor, programmeId, moneyForm(fields), null, now);
}

/** Records a money entry that must be saved; the entry's id, status and whether it was a repeat. */
export async function recordedMoney(actor: Actor, programmeId: string, fields: MoneyFields, now: Date) {
  return expectOk(await recordMoney(actor, programmeId, fields, now));
}
