// Activities against the real database: the catalogue (standard types, national PPKS), logging
// (idempotency, dates in the chapter's time zone, closing days, the chapter's area, types,
// categories, co-volunteers, nothing half-saved), the form's own rules (duration, counts,
// rupiah), editing (author only, draft or returned only), verification by scope (Koordinator
// Kecamatan, board), returns and reopening with their audits, the verification queue, a
// member's own list and totals, and the board's filtered list with totals over every match.
//
// Simulated timeline: "today" is 15 June 2031 in Asia/Jakarta (NOW) unless a test passes its
// own `now`, so the expected numbers are computed by hand and never depend on the real clock.
import { beforeAll, describe, expect, it } from "vitest";
import {
  activityDashboard,
  getActivity,
  listActivities,
  listOwnActivities,
  logActivity,
  ownTotals,
  updateActivity,
  verificationQueue,
} from "~/domain/activities/activities.server";
import { reopenActivity, returnActivities, verifyActivities } from "~/domain/activities/verification.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { addDays } from "~/utils/dates";
import { db } from "~/utils/db.server";
import {
  ACTIVITIES_PAGE_SIZE,
  DEFAULT_ACTIVITY_TYPES,
  NATIONAL_PPKS,
  activityFormSchema,
  parseAid,
  parseReach,
} from "~/validation/activities";
import { toDateInput } from "~/validation/fields";
import { buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import {
  activityAudits,
  activityChapter,
  activityForm,
  activityInput,
  activityState,
  boardFilters,
  formDataOf,
  koordinator,
  logFor,
  loggedFor,
  nextKey,
  ppksOf,
  reach,
  typeOf,
  type ActivityChapter,
  type ActivityExtra,
} from "../factories/activities";
import { actorOfUser, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { NOW, PLACES, TODAY, wib } from "../support/timeline";

const { TZ, V1002, V1003, V0401, OUTSIDE, D01, D04 } = PLACES;
const iso = (date: Date | null | undefined) => toDateInput(date);

const MSG = {
  future: "Tanggal kegiatan tidak boleh di masa depan.",
  tooOld60: "Kegiatan lebih dari 60 hari yang lalu hanya dapat dicatat oleh pengurus.",
  tooOld7: "Kegiatan lebih dari 7 hari yang lalu hanya dapat dicatat oleh pengurus.",
  village: "Pilih kelurahan/desa di wilayah cabang ini.",
  type: "Pilih jenis kegiatan.",
  category: "Pilih kategori PPKS dari daftar.",
  coVolunteer: "Relawan pendamping harus anggota aktif cabang ini.",
  duplicateKey: "Formulir ini sudah pernah dikirim. Muat ulang halaman untuk mencatat kegiatan baru.",
  noMember: "Akun ini tidak terhubung dengan data anggota, sehingga tidak dapat mencatat kegiatan.",
  notOwn: "Hanya relawan yang mencatat kegiatan ini yang dapat mengubahnya.",
  locked: "Kegiatan yang sudah dikirim atau terverifikasi tidak dapat diubah.",
  duration: "Lama kegiatan antara 5 menit dan 24 jam.",
  durationRequired: "Isi jam mulai dan selesai, atau lama kegiatan dalam menit.",
  endBeforeStart: "Jam selesai harus setelah jam mulai.",
  time: "Isi jam dengan format JJ:MM, misalnya 08:30.",
  count: "Isi dengan bilangan bulat 0 atau lebih.",
  rupiah: "Isi nilai dalam rupiah tanpa desimal, misalnya 150.000.",
  source: "Pilih sumber dana.",
  required: "Wajib diisi.",
} as const;

// ---------------------------------------------------------------------------------------------
// Helpers

/** The first message of each field a schema refused. */
function schemaIssues(fields: Record<string, string>) {
  const result = activityFormSchema.safeParse({
    idempotencyKey: nextKey(),
    date: "2031-06-10",
    typeId: "jenis",
    villageCode: V1002,
    ...fields,
  });
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) issues[issue.path.join(".")] ??= issue.message;
  return issues;
}

/** Rows of every activity table that belong to the chapter. */
async function countsOf(chapterId: string) {
  const activity = { chapterId };
  const [activities, reachRows, aidRows, volunteers, followUps] = await Promise.all([
    db.activity.count({ where: activity }),
    db.activityReach.count({ where: { activity } }),
    db.activityAid.count({ where: { activity } }),
    db.activityVolunteer.count({ where: { activity } }),
    db.followUp.count({ where: { chapterId } }),
  ]);
  return { activities, reach: reachRows, aid: aidRows, volunteers, followUps };
}

async function reachOf(activityId: string) {
  const rows = await db.activityReach.findMany({
    where: { activityId },
    select: { categoryId: true, sex: true, ageBand: true, count: true },
  });
  return rows.sort((a, b) => a.count - b.count);
}

async function coVolunteersOf(activityId: string) {
  const rows = await db.activityVolunteer.findMany({ where: { activityId }, select: { memberId: true } });
  return rows.map((r) => r.memberId).sort();
}

// ---------------------------------------------------------------------------------------------
// Catalogue (first: the national PPKS list does not exist yet in this file's database)

describe("activity catalogue", () => {
  it("gives each chapter the 12 standard types once and the 26 national PPKS once, the first 7 for children", async () => {
    expect(await db.ppksCategory.count({ where: { chapterId: null } })).toBe(0);
    const a = await buildChapter();
    const b = await buildChapter();
    // First use by two chapters at once, then again and again.
    await Promise.all([ensureActivityCatalogue(a.id), ensureActivityCatalogue(b.id)]);
    await ensureActivityCatalogue(a.id);
    await ensureActivityCatalogue(b.id);
    await listActivityTypes(a.id);
    await listPpksCategories(b.id);

    for (const chapterId of [a.id, b.id]) {
      const types = await db.activityType.findMany({
        where: { chapterId },
        select: { name: true, active: true },
        orderBy: { sortOrder: "asc" },
      });
      expect(types).toHaveLength(12);
      expect(types.map((t) => t.name)).toEqual([...DEFAULT_ACTIVITY_TYPES]);
      expect(types.every((t) => t.active)).toBe(true);
    }
    const national = await db.ppksCategory.findMany({
      where: { chapterId: null },
      select: { number: true, name: true, forChildren: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(national).toHaveLength(26);
    expect(national.map((c) => c.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(national.map((c) => c.name)).toEqual([...NATIONAL_PPKS]);
    expect(national.filter((c) => c.forChildren).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(national[0]).toEqual({ number: 1, name: "Anak Balita Terlantar", forChildren: true });
    expect(national[7]).toEqual({ number: 8, name: "Lanjut Usia Terlantar", forChildren: false });
  });

  it("keeps what the chapter changed: a deactivated type is not recreated and drops out of the list", async () => {
    const ctx = await activityChapter();
    const dropped = ctx.types[2]!;
    await db.activityType.update({ where: { id: dropped.id }, data: { active: false } });
    await ensureActivityCatalogue(ctx.id);
    expect(await db.activityType.count({ where: { chapterId: ctx.id } })).toBe(12);
    const listed = await listActivityTypes(ctx.id);
    expect(listed).toHaveLength(11);
    expect(listed.map((t) => t.name)).not.toContain(dropped.name);
    expect(await db.ppksCategory.count({ where: { chapterId: null } })).toBe(26);
  });

  it("lists the national PPKS first, then the chapter's own, never another chapter's", async () => {
    const a = await activityChapter();
    const b = await activityChapter();
    await db.ppksCategory.create({ data: { chapterId: a.id, name: "Korban Banjir Rob", sortOrder: 5 } });
    const listA = await listPpksCategories(a.id);
    const listB = await listPpksCategories(b.id);
    expect(listA).toHaveLength(27);
    expect(listA.slice(0, 26).map((c) => c.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(listA[26]).toMatchObject({ name: "Korban Banjir Rob", number: null, forChildren: false });
    expect(listB).toHaveLength(26);
    expect(listB.map((c) => c.name)).not.toContain("Korban Banjir Rob");
  });
});

// ---------------------------------------------------------------------------------------------
// The form's own rules (shared by browser and server)

describe("activity form parsing", () => {
  it("accepts a duration of 5 minutes to 24 hours and refuses 4 minutes or 24 hours 1 minute", () => {
    expect(schemaIssues({ durationMinutes: "4" })).toEqual({ durationMinutes: MSG.duration });
    expect(schemaIssues({ durationMinutes: "1441" })).toEqual({ durationMinutes: MSG.duration });
    expect(schemaIssues({ durationMinutes: "1,5" })).toEqual({ durationMinutes: MSG.count });
    expect(schemaIssues({})).toEqual({ durationMinutes: MSG.durationRequired });
    expect(
      activityFormSchema.parse({ idempotencyKey: nextKey(), date: "2031-06-10", typeId: "t", villageCode: V1002, durationMinutes: "5" })
        .durationMinutes,
    ).toBe(5);
    expect(
      activityFormSchema.parse({ idempotencyKey: nextKey(), date: "2031-06-10", typeId: "t", villageCode: V1002, durationMinutes: "1440" })
        .durationMinutes,
    ).toBe(1440);
  });

  // A typed duration of 0 (or "00") minutes is below the 5-minute minimum (the domain relies on
  // the schema for durations).
  it("refuses a typed duration of 0 minutes", () => {
    expect(schemaIssues({ durationMinutes: "0" })).toEqual({ durationMinutes: MSG.duration });
    expect(schemaIssues({ durationMinutes: "00" })).toEqual({ durationMinutes: MSG.duration });
  });

  it("computes the duration from start and end times, refusing an end before (or at) the start and under 5 minutes", () => {
    expect(schemaIssues({ startTime: "08:00", endTime: "08:04" })).toEqual({ endTime: MSG.duration });
    expect(schemaIssues({ startTime: "08:00", endTime: "07:30" })).toEqual({ endTime: MSG.endBeforeStart });
    expect(schemaIssues({ startTime: "08:00", endTime: "08:00" })).toEqual({ endTime: MSG.endBeforeStart });
    expect(schemaIssues({ startTime: "8.00", endTime: "09:00" })).toEqual({ startTime: MSG.time });
    expect(schemaIssues({ startTime: "08:00" })).toEqual({ endTime: MSG.time });
    const data = activityFormSchema.parse({
      idempotencyKey: nextKey(),
      date: "2031-06-10",
      typeId: "t",
      villageCode: V1002,
      startTime: "08:15",
      endTime: "10:45",
      durationMinutes: "5",
    });
    expect(data).toMatchObject({ startTime: "08:15", endTime: "10:45", durationMinutes: 150 });
    const night = activityFormSchema.parse({
      idempotencyKey: nextKey(),
      date: "2031-06-10",
      typeId: "t",
      villageCode: V1002,
      startTime: "00:00",
      endTime: "23:59",
    });
    expect(night.durationMinutes).toBe(1439);
  });

  it("refuses households that are not a whole number", () => {
    expect(schemaIssues({ durationMinutes: "60", households: "-1" })).toEqual({ households: MSG.count });
    expect(schemaIssues({ durationMinutes: "60", households: "2.5" })).toEqual({ households: MSG.count });
    expect(
      activityFormSchema.parse({
        idempotencyKey: nextKey(),
        date: "2031-06-10",
        typeId: "t",
        villageCode: V1002,
        durationMinutes: "60",
        households: "",
      }).households,
    ).toBe(0);
  });

  it("parseReach refuses negative and fractional counts, skips zero and empty ones", () => {
    const negative = parseReach(formDataOf({ "reach:kat1:L:-": "-1" }));
    expect(negative).toEqual({ entries: [], fieldErrors: { "reach:kat1:L:-": MSG.count } });
    const fraction = parseReach(formDataOf({ "reach:kat1:P:anak": "1.5" }));
    expect(fraction).toEqual({ entries: [], fieldErrors: { "reach:kat1:P:anak": MSG.count } });
    const nothing = parseReach(formDataOf({ "reach:kat1:L:-": "0", "reach:kat1:P:-": "", "reach:kat2:L:lansia": "   " }));
    expect(nothing).toEqual({ entries: [], fieldErrors: {} });
    const mixed = parseReach(
      formDataOf({ "reach:kat1:P:anak": "3", "reach:kat2:L:-": " 4 ", "reach:kat2:P:dewasa": "-2", narrative: "x" }),
    );
    expect(mixed.entries).toEqual([reach("kat1", "P", "anak", 3), reach("kat2", "L", null, 4)]);
    expect(mixed.fieldErrors).toEqual({ "reach:kat2:P:dewasa": MSG.count });
  });

  it("parseAid reads rupiah as typed and refuses decimals, a zero quantity and an unknown source", () => {
    const good = parseAid(
      formDataOf({
        "aid.0.item": "Beras",
        "aid.0.quantity": "10",
        "aid.0.unit": "kg",
        "aid.0.value": "Rp 1.250.000",
        "aid.0.source": "apbd",
        "aid.1.item": "Selimut",
        "aid.1.quantity": "2",
        "aid.1.value": "150000",
        "aid.1.source": "swadaya",
      }),
    );
    expect(good.fieldErrors).toEqual({});
    expect(good.entries).toEqual([
      { item: "Beras", quantity: 10, unit: "kg", value: 1_250_000, source: "apbd" },
      { item: "Selimut", quantity: 2, unit: null, value: 150_000, source: "swadaya" },
    ]);
    const decimal = parseAid(formDataOf({ "aid.0.item": "Beras", "aid.0.quantity": "1", "aid.0.value": "12,5", "aid.0.source": "csr" }));
    expect(decimal).toEqual({ entries: [], fieldErrors: { "aid.0.value": MSG.rupiah } });
    const bad = parseAid(formDataOf({ "aid.2.quantity": "0", "aid.2.value": "1.000", "aid.2.source": "lainnya" }));
    expect(bad.entries).toEqual([]);
    expect(bad.fieldErrors).toEqual({ "aid.2.item": MSG.required, "aid.2.quantity": MSG.count, "aid.2.source": MSG.source });
  });
});

// ---------------------------------------------------------------------------------------------
// Logging

describe("logActivity", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;
  let other: TestActor;
  let board: TestActor;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id);
    other = await volunteer(ctx.id, { villageCode: V0401 });
    board = await boardMember(ctx.id, "ketua");
  });

  it("saves a submitted activity with its people, aid, co-volunteers and follow-up; the kecamatan comes from the kelurahan", async () => {
    const co = await volunteer(ctx.id, { villageCode: V1003 });
    const lansia = ppksOf(ctx, 8);
    const balita = ppksOf(ctx, 1);
    const miskin = ppksOf(ctx, 24);
    const people = parseReach(
      formDataOf({
        [`reach:${balita}:L:anak`]: "2",
        [`reach:${lansia}:P:lansia`]: "3",
        [`reach:${miskin}:P:-`]: "5",
        [`reach:${miskin}:L:-`]: "0",
      }),
    );
    const aid = parseAid(
      formDataOf({
        "aid.0.item": "Paket sembako",
        "aid.0.quantity": "4",
        "aid.0.unit": "paket",
        "aid.0.value": "Rp 1.250.000",
        "aid.0.source": "apbd",
      }),
    );
    expect(people.fieldErrors).toEqual({});
    expect(aid.fieldErrors).toEqual({});
    const data = activityForm(ctx, {
      date: "2031-06-14",
      startTime: "08:00",
      endTime: "10:30",
      villageCode: V1003,
      rt: "003",
      rw: "01",
      households: "4",
      latitude: "-0.0263",
      longitude: "109.3425",
    });
    const result = await logActivity(
      vol,
      activityInput(data, {
        reach: people.entries,
        aid: aid.entries,
        coVolunteerIds: [co.memberId!],
        followUp: { institution: "Dinas Sosial Kota Pontianak", description: "Rujukan PBI JK" },
      }),
      NOW,
    );
    const { id } = expectOk(result);
    expect(result).toEqual({ ok: true, id, repeated: false });

    const saved = expectOk(await getActivity(vol, id)).activity;
    expect(saved).toMatchObject({
      date: calendarDate(2031, 6, 14),
      startTime: "08:00",
      endTime: "10:30",
      durationMinutes: 150,
      typeId: typeOf(ctx),
      villageCode: V1003,
      districtCode: D01,
      rt: "003",
      rw: "01",
      households: 4,
      latitude: -0.0263,
      longitude: 109.3425,
      status: "submitted",
      submittedAt: NOW,
      verifiedAt: null,
      idempotencyKey: data.idempotencyKey,
      member: { id: vol.memberId },
    });
    expect(await reachOf(id)).toEqual([
      { categoryId: balita, sex: "L", ageBand: "anak", count: 2 },
      { categoryId: lansia, sex: "P", ageBand: "lansia", count: 3 },
      { categoryId: miskin, sex: "P", ageBand: null, count: 5 },
    ]);
    expect(saved!.aid).toEqual([{ item: "Paket sembako", quantity: 4, unit: "paket", value: 1_250_000, source: "apbd" }]);
    expect(saved!.volunteers.map((v) => v.member.id)).toEqual([co.memberId]);
    expect(saved!.followUpsOpened).toEqual([
      {
        id: expect.any(String),
        status: "baru",
        institution: "Dinas Sosial Kota Pontianak",
        description: "Rujukan PBI JK",
        caseIdentifierMasked: null,
      },
    ]);
  });

  it("saves a draft without a submission time", async () => {
    const id = await loggedFor(ctx, vol, {}, { submit: false });
    expect(await activityState(id)).toEqual({
      status: "draft",
      returnReason: null,
      submittedAt: null,
      verifiedAt: null,
      verifiedById: null,
    });
  });

  it("answers the same idempotency key with the activity already saved, once, and refuses it to another member", async () => {
    const data = activityForm(ctx, { households: "2" });
    const first = await logActivity(vol, activityInput(data, { reach: [reach(ppksOf(ctx, 8), "L", "lansia", 3)] }), NOW);
    const again = await logActivity(
      vol,
      activityInput({ ...data, households: 99 }, { reach: [reach(ppksOf(ctx, 8), "L", "lansia", 40)] }),
      NOW,
    );
    const { id } = expectOk(first);
    expect(first).toEqual({ ok: true, id, repeated: false });
    expect(again).toEqual({ ok: true, id, repeated: true });
    expect(await db.activity.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
    const saved = await db.activity.findUniqueOrThrow({ where: { id }, select: { households: true, memberId: true } });
    expect(saved).toEqual({ households: 2, memberId: vol.memberId });
    expect(await reachOf(id)).toEqual([{ categoryId: ppksOf(ctx, 8), sex: "L", ageBand: "lansia", count: 3 }]);

    const stolen = await logActivity(other, activityInput(data), NOW);
    expect(expectRefusal(stolen, "conflict").message).toBe(MSG.duplicateKey);
    expect(await db.activity.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
    expect(await db.activity.count({ where: { memberId: other.memberId! } })).toBe(0);
  });

  it("answers a repeat sent long after (the phone's queue) with the first, though the form is past the closing days now", async () => {
    const data = activityForm(ctx);
    const { id } = expectOk(await logActivity(vol, activityInput(data), NOW));
    const later = addDays(NOW, 400);
    expect(await logActivity(vol, activityInput(data), later)).toEqual({ ok: true, id, repeated: true });
    // a new form with that date is refused then
    expectRefusal(await logActivity(vol, activityInput({ ...data, idempotencyKey: `${data.idempotencyKey}-b` }), later), "invalid");
  });

  it("saves one activity when the same form arrives twice at once (a double tap)", async () => {
    const data = activityForm(ctx);
    const [a, b] = await Promise.all([logActivity(vol, activityInput(data), NOW), logActivity(vol, activityInput(data), NOW)]);
    expect(expectOk(a).id).toBe(expectOk(b).id);
    expect([expectOk(a).repeated, expectOk(b).repeated].sort()).toEqual([false, true]);
    expect(await db.activity.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
  });

  it("refuses a date in the future of the chapter's time zone, at the WIB day boundary", async () => {
    // 00:30 WIB on 15 June is still 14 June in UTC: the 15th is today, the 16th the future.
    const afterMidnight = new Date("2031-06-14T17:30:00Z");
    const id = await loggedFor(ctx, vol, { date: "2031-06-15" }, {}, afterMidnight);
    expect(iso((await db.activity.findUniqueOrThrow({ where: { id } })).date)).toBe("2031-06-15");
    expect(expectInvalid(await logFor(ctx, vol, { date: "2031-06-16" }, {}, afterMidnight))).toEqual({ date: MSG.future });
    // 23:59 WIB on 14 June: the 15th is still tomorrow, even for the board.
    const beforeMidnight = new Date("2031-06-14T16:59:00Z");
    expect(expectInvalid(await logFor(ctx, vol, { date: "2031-06-15" }, {}, beforeMidnight))).toEqual({ date: MSG.future });
    expect(expectInvalid(await logFor(ctx, board, { date: "2031-06-15" }, {}, beforeMidnight))).toEqual({ date: MSG.future });
    expect(await db.activity.count({ where: { chapterId: ctx.id, date: calendarDate(2031, 6, 16) } })).toBe(0);
    expect(await db.activity.count({ where: { chapterId: ctx.id, date: calendarDate(2031, 6, 15) } })).toBe(1);
  });

  it("refuses a date older than the 60 closing days to a volunteer (or a Koordinator Kecamatan) but not to the board", async () => {
    expect(iso(addDays(TODAY, -60))).toBe("2031-04-16");
    const kk = await koordinator(ctx.id);
    const atLimit = await loggedFor(ctx, vol, { date: "2031-04-16" });
    expect(iso((await db.activity.findUniqueOrThrow({ where: { id: atLimit } })).date)).toBe("2031-04-16");
    expect(expectInvalid(await logFor(ctx, vol, { date: "2031-04-15" }))).toEqual({ date: MSG.tooOld60 });
    expect(expectInvalid(await logFor(ctx, kk, { date: "2031-04-15" }))).toEqual({ date: MSG.tooOld60 });
    expect(await db.activity.count({ where: { chapterId: ctx.id, date: calendarDate(2031, 4, 15) } })).toBe(0);

    const late = await loggedFor(ctx, board, { date: "2031-04-15" });
    const veryLate = await loggedFor(ctx, board, { date: "2030-01-02" });
    const rows = await db.activity.findMany({ where: { id: { in: [late, veryLate] } }, select: { date: true, memberId: true } });
    expect(rows.map((r) => iso(r.date)).sort()).toEqual(["2030-01-02", "2031-04-15"]);
    expect(rows.every((r) => r.memberId === board.memberId)).toBe(true);
  });

  it("uses the chapter's own closing days", async () => {
    const short = await activityChapter();
    await db.chapter.update({ where: { id: short.id }, data: { activityClosingDays: 7 } });
    const v = await volunteer(short.id);
    await loggedFor(short, v, { date: "2031-06-08" });
    expect(expectInvalid(await logFor(short, v, { date: "2031-06-07" }))).toEqual({ date: MSG.tooOld7 });
    expect(await db.activity.count({ where: { chapterId: short.id } })).toBe(1);
  });

  it("refuses a kelurahan outside the chapter's area or unknown", async () => {
    expect(expectInvalid(await logFor(ctx, vol, { villageCode: OUTSIDE }))).toEqual({ villageCode: MSG.village });
    expect(expectInvalid(await logFor(ctx, vol, { villageCode: "61.71.01.9999" }))).toEqual({ villageCode: MSG.village });
    expect(await db.activity.count({ where: { villageCode: { in: [OUTSIDE, "61.71.01.9999"] } } })).toBe(0);
    const inside = await loggedFor(ctx, vol, { villageCode: V0401 });
    expect((await db.activity.findUniqueOrThrow({ where: { id: inside } })).districtCode).toBe(D04);
  });

  it("refuses an unknown type, another chapter's type and a deactivated type", async () => {
    const elsewhere = await activityChapter();
    const retired = await db.activityType.create({ data: { chapterId: ctx.id, name: "Jenis lama (tidak dipakai)", active: false } });
    for (const typeId of ["jenis-tidak-ada", typeOf(elsewhere), retired.id]) {
      expect(expectInvalid(await logFor(ctx, vol, { typeId }))).toEqual({ typeId: MSG.type });
    }
    expect(await db.activity.count({ where: { typeId: { in: [typeOf(elsewhere), retired.id] } } })).toBe(0);
  });

  it("refuses an unknown PPKS category or another chapter's own category, accepts the chapter's own", async () => {
    const elsewhere = await activityChapter();
    const theirs = await db.ppksCategory.create({ data: { chapterId: elsewhere.id, name: "Kategori cabang lain" } });
    const ours = await db.ppksCategory.create({ data: { chapterId: ctx.id, name: "Korban kebakaran permukiman" } });
    expect(expectInvalid(await logFor(ctx, vol, {}, { reach: [reach("kategori-tidak-ada", "L", null, 2)] }))).toEqual({
      reach: MSG.category,
    });
    expect(
      expectInvalid(await logFor(ctx, vol, {}, { reach: [reach(ppksOf(ctx, 8), "L", null, 1), reach(theirs.id, "P", null, 2)] })),
    ).toEqual({
      reach: MSG.category,
    });
    expect(await db.activityReach.count({ where: { categoryId: theirs.id } })).toBe(0);
    const id = await loggedFor(ctx, vol, {}, { reach: [reach(ours.id, "P", "dewasa", 6), reach(ours.id, "L", "dewasa", 1)] });
    expect((await reachOf(id)).map((r) => r.count)).toEqual([1, 6]);
  });

  it("accepts only active members of the chapter as co-volunteers and drops the author from them", async () => {
    const inactive = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "nonaktif" });
    const candidate = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "calon" });
    const elsewhere = await activityChapter();
    const outsider = await buildMember({ chapterId: elsewhere.id, villageCode: V1002, status: "aktif" });
    const co = await buildMember({ chapterId: ctx.id, villageCode: V1003, status: "aktif" });
    for (const bad of [inactive.id, candidate.id, outsider.id, "anggota-tidak-ada"]) {
      expect(expectInvalid(await logFor(ctx, vol, {}, { coVolunteerIds: [co.id, bad] }))).toEqual({ coVolunteers: MSG.coVolunteer });
    }
    expect(await db.activityVolunteer.count({ where: { memberId: { in: [co.id, inactive.id, candidate.id, outsider.id] } } })).toBe(0);

    const id = await loggedFor(ctx, vol, {}, { coVolunteerIds: [vol.memberId!, co.id, co.id] });
    expect(await coVolunteersOf(id)).toEqual([co.id]);
    const own = await loggedFor(ctx, vol, {}, { coVolunteerIds: [vol.memberId!] });
    expect(await coVolunteersOf(own)).toEqual([]);
  });

  it("refuses an account without a member", async () => {
    const user = await buildUser({ chapterId: ctx.id, role: "volunteer" });
    const before = await countsOf(ctx.id);
    const result = await logFor(ctx, await actorOfUser(user));
    expect(result).toEqual({ ok: false, refusal: "forbidden", message: MSG.noMember });
    expect(await countsOf(ctx.id)).toEqual(before);
  });

  it("reports every broken rule at once and saves nothing, leaving the idempotency key free", async () => {
    const co = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "aktif" });
    const inactive = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "nonaktif" });
    const extra = {
      reach: [reach(ppksOf(ctx, 8), "P", "lansia", 4)],
      aid: [{ item: "Beras", quantity: 5, unit: "kg", value: 75_000, source: "swadaya" as const }],
      coVolunteerIds: [co.id],
      followUp: { institution: "Puskesmas Siantan Hulu", description: "Pemeriksaan kesehatan" },
    };
    const before = await countsOf(ctx.id);
    const broken = activityForm(ctx, { date: "2031-06-20", typeId: "jenis-tidak-ada", villageCode: OUTSIDE });
    expect(expectInvalid(await logActivity(vol, activityInput(broken, { ...extra, coVolunteerIds: [co.id, inactive.id] }), NOW))).toEqual({
      date: MSG.future,
      typeId: MSG.type,
      villageCode: MSG.village,
      coVolunteers: MSG.coVolunteer,
    });
    // One rule alone is enough to save nothing at all.
    const data = activityForm(ctx);
    expect(expectInvalid(await logActivity(vol, activityInput(data, { ...extra, coVolunteerIds: [co.id, inactive.id] }), NOW))).toEqual({
      coVolunteers: MSG.coVolunteer,
    });
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await db.activity.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(0);

    const fixed = await logActivity(vol, activityInput(data, extra), NOW);
    expect(fixed).toEqual({ ok: true, id: expect.any(String), repeated: false });
    expect(await countsOf(ctx.id)).toEqual({
      activities: before.activities + 1,
      reach: before.reach + 1,
      aid: before.aid + 1,
      volunteers: before.volunteers + 1,
      followUps: before.followUps + 1,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Editing

describe("updateActivity", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;
  let other: TestActor;
  let board: TestActor;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id);
    other = await volunteer(ctx.id);
    board = await boardMember(ctx.id, "ketua");
  });

  it("lets the author edit a draft, replacing the people, aid and co-volunteers, then submit it", async () => {
    const co1 = await buildMember({ chapterId: ctx.id, villageCode: V1002, status: "aktif" });
    const co2 = await buildMember({ chapterId: ctx.id, villageCode: V0401, status: "aktif" });
    const id = await loggedFor(
      ctx,
      vol,
      { households: "3" },
      {
        submit: false,
        reach: [reach(ppksOf(ctx, 1), "L", "anak", 2), reach(ppksOf(ctx, 8), "P", "lansia", 3)],
        aid: [{ item: "Beras", quantity: 10, unit: "kg", value: 150_000, source: "apbd" }],
        coVolunteerIds: [co1.id],
      },
    );
    const edit = activityForm(ctx, {
      date: "2031-06-12",
      typeId: typeOf(ctx, 3),
      villageCode: V0401,
      durationMinutes: "45",
      households: "7",
      narrative: "Penyaluran bantuan sembako.",
    });
    const result = await updateActivity(
      vol,
      id,
      activityInput(edit, {
        submit: false,
        reach: [reach(ppksOf(ctx, 24), "P", null, 7)],
        aid: [{ item: "Selimut", quantity: 3, unit: "lembar", value: 1_250_000, source: "csr" }],
        coVolunteerIds: [co2.id],
      }),
      NOW,
    );
    expect(result).toEqual({ ok: true, id });
    const saved = expectOk(await getActivity(vol, id)).activity;
    expect(saved).toMatchObject({
      date: calendarDate(2031, 6, 12),
      typeId: typeOf(ctx, 3),
      villageCode: V0401,
      districtCode: D04,
      durationMinutes: 45,
      households: 7,
      narrative: "Penyaluran bantuan sembako.",
      status: "draft",
      submittedAt: null,
    });
    expect(await reachOf(id)).toEqual([{ categoryId: ppksOf(ctx, 24), sex: "P", ageBand: null, count: 7 }]);
    expect(saved!.aid).toEqual([{ item: "Selimut", quantity: 3, unit: "lembar", value: 1_250_000, source: "csr" }]);
    expect(await coVolunteersOf(id)).toEqual([co2.id]);

    const submitAt = wib("2031-06-15", "14:00");
    expect(await updateActivity(vol, id, activityInput(edit, { reach: [], aid: [], coVolunteerIds: [] }), submitAt)).toEqual({
      ok: true,
      id,
    });
    expect(await activityState(id)).toMatchObject({ status: "submitted", submittedAt: submitAt });
    expect(await reachOf(id)).toEqual([]);
    expect(await db.activityAid.count({ where: { activityId: id } })).toBe(0);
    expect(await coVolunteersOf(id)).toEqual([]);

    // Each edit is audited with what changed, before and after, by the volunteer.
    const audits = await activityAudits(id);
    expect(audits.map((a) => [a.action, a.actorId, a.chapterId])).toEqual([
      ["activity.update", vol.userId, ctx.id],
      ["activity.update", vol.userId, ctx.id],
    ]);
    const first = { before: JSON.parse(audits[0]!.before!), after: JSON.parse(audits[0]!.after!) };
    expect(Object.keys(first.after).sort()).toEqual([
      "aid",
      "coVolunteers",
      "date",
      "durationMinutes",
      "households",
      "narrative",
      "people",
      "reach",
      "typeId",
      "villageCode",
    ]);
    expect(first.before).toMatchObject({
      date: "2031-06-10",
      households: 3,
      durationMinutes: 60,
      people: 5,
      coVolunteers: [co1.id],
      villageCode: V1002,
    });
    expect(first.after).toMatchObject({
      date: "2031-06-12",
      households: 7,
      durationMinutes: 45,
      people: 7,
      coVolunteers: [co2.id],
      villageCode: V0401,
      narrative: "Penyaluran bantuan sembako.",
    });
    expect(first.after.aid).toEqual(["Selimut: 3 lembar Rp1250000 (csr)"]);
    const second = { before: JSON.parse(audits[1]!.before!), after: JSON.parse(audits[1]!.after!) };
    expect(second.before).toMatchObject({ status: "draft", people: 7, coVolunteers: [co2.id] });
    expect(second.after).toMatchObject({ status: "submitted", people: 0, reach: [], aid: [], coVolunteers: [] });
    expect(Object.keys(second.after)).not.toContain("households");
  });

  it("lets only the author edit, not another volunteer nor the board", async () => {
    const id = await loggedFor(ctx, vol, { narrative: "Catatan asli" }, { submit: false, reach: [reach(ppksOf(ctx, 8), "L", null, 2)] });
    for (const actor of [other, board]) {
      const result = await updateActivity(
        actor,
        id,
        activityInput(activityForm(ctx, { narrative: "Diubah orang lain" }), { reach: [] }),
        NOW,
      );
      expect(expectRefusal(result, "forbidden").message).toBe(MSG.notOwn);
    }
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).narrative).toBe("Catatan asli");
    expect(await reachOf(id)).toHaveLength(1);
  });

  it("locks a submitted or verified activity", async () => {
    const submitted = await loggedFor(ctx, vol, { narrative: "Terkirim" });
    expect(
      expectRefusal(await updateActivity(vol, submitted, activityInput(activityForm(ctx, { narrative: "Diubah" })), NOW), "conflict")
        .message,
    ).toBe(MSG.locked);
    expect(await verifyActivities(board, [submitted], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(
      expectRefusal(
        await updateActivity(vol, submitted, activityInput(activityForm(ctx, { narrative: "Diubah" }), { submit: false }), NOW),
        "conflict",
      ).message,
    ).toBe(MSG.locked);
    const saved = await db.activity.findUniqueOrThrow({ where: { id: submitted } });
    expect(saved).toMatchObject({ narrative: "Terkirim", status: "verified" });
  });

  it("does not find another chapter's activity", async () => {
    const elsewhere = await activityChapter();
    const theirs = await loggedFor(elsewhere, await volunteer(elsewhere.id), {}, { submit: false });
    const result = await updateActivity(vol, theirs, activityInput(activityForm(ctx)), NOW);
    expectRefusal(result, "notFound");
    expectRefusal(await updateActivity(vol, "kegiatan-tidak-ada", activityInput(activityForm(ctx)), NOW), "notFound");
  });

  it("keeps the saved activity whole when an edit is refused", async () => {
    const id = await loggedFor(ctx, vol, { narrative: "Sebelum" }, { submit: false, reach: [reach(ppksOf(ctx, 8), "L", "lansia", 9)] });
    const result = await updateActivity(
      vol,
      id,
      activityInput(activityForm(ctx, { villageCode: OUTSIDE, narrative: "Sesudah" }), {
        reach: [reach(ppksOf(ctx, 1), "P", "anak", 1)],
        submit: true,
      }),
      NOW,
    );
    expect(expectInvalid(result)).toEqual({ villageCode: MSG.village });
    expect(await db.activity.findUniqueOrThrow({ where: { id }, select: { narrative: true, villageCode: true, status: true } })).toEqual({
      narrative: "Sebelum",
      villageCode: V1002,
      status: "draft",
    });
    expect(await reachOf(id)).toEqual([{ categoryId: ppksOf(ctx, 8), sex: "L", ageBand: "lansia", count: 9 }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Verification

async function verificationChapter() {
  const ctx = await activityChapter();
  return {
    ctx,
    kk: await koordinator(ctx.id, D01),
    board: await boardMember(ctx.id, "ketua"),
    volA: await volunteer(ctx.id, { villageCode: V1002 }),
    volB: await volunteer(ctx.id, { villageCode: V1003 }),
    plain: await volunteer(ctx.id, { villageCode: V1002 }),
  };
}

const VERIFY_AT = wib("2031-06-15", "16:00");

describe("verification", () => {
  it("a Koordinator Kecamatan verifies submitted activities of their kecamatan only, never their own or one they worked on", async () => {
    const { ctx, kk, volA, volB } = await verificationChapter();
    const a1 = await loggedFor(ctx, volA, { villageCode: V1002 });
    const a2 = await loggedFor(ctx, volB, { villageCode: V1003 });
    const a3 = await loggedFor(ctx, volA, { villageCode: V0401 });
    const a4 = await loggedFor(ctx, kk, { villageCode: V1002 });
    const a5 = await loggedFor(ctx, volB, { villageCode: V1003 }, { coVolunteerIds: [kk.memberId!] });
    const a6 = await loggedFor(ctx, volA, { villageCode: V1002 }, { submit: false });

    expect(await verifyActivities(kk, [a1, a2, a3, a4, a5, a6, a1], VERIFY_AT)).toEqual({ ok: true, verified: 2, skipped: 4 });
    for (const id of [a1, a2]) {
      expect(await activityState(id)).toMatchObject({
        status: "verified",
        verifiedAt: VERIFY_AT,
        verifiedById: kk.userId,
        returnReason: null,
      });
      expect(await activityAudits(id)).toEqual([
        {
          action: "activity.verify",
          actorId: kk.userId,
          chapterId: ctx.id,
          before: JSON.stringify({ status: "submitted" }),
          after: JSON.stringify({ status: "verified" }),
        },
      ]);
    }
    for (const id of [a3, a4, a5])
      expect(await activityState(id)).toMatchObject({ status: "submitted", verifiedAt: null, verifiedById: null });
    expect((await activityState(a6)).status).toBe("draft");
    for (const id of [a3, a4, a5, a6]) expect(await activityAudits(id)).toEqual([]);

    // Verifying again changes nothing and audits nothing.
    expect(await verifyActivities(kk, [a1], wib("2031-06-16"))).toEqual({ ok: true, verified: 0, skipped: 1 });
    expect((await activityState(a1)).verifiedAt).toEqual(VERIFY_AT);
    expect(await activityAudits(a1)).toHaveLength(1);
  });

  it("the board verifies anywhere in its chapter, but not its own activity, one it worked on, or another chapter's", async () => {
    const { ctx, board, volA } = await verificationChapter();
    const b1 = await loggedFor(ctx, volA, { villageCode: V0401 });
    const b2 = await loggedFor(ctx, board, { villageCode: V1002 });
    const b3 = await loggedFor(ctx, volA, { villageCode: V1002 }, { coVolunteerIds: [board.memberId!] });
    const elsewhere = await activityChapter();
    const theirs = await loggedFor(elsewhere, await volunteer(elsewhere.id));

    expect(await verifyActivities(board, [b1, b2, b3, theirs], VERIFY_AT)).toEqual({ ok: true, verified: 1, skipped: 3 });
    expect(await activityState(b1)).toMatchObject({ status: "verified", verifiedById: board.userId });
    for (const id of [b2, b3, theirs]) expect((await activityState(id)).status).toBe("submitted");
    expect(await activityAudits(theirs)).toEqual([]);
  });

  it("a plain volunteer verifies and returns nothing", async () => {
    const { ctx, plain, volA } = await verificationChapter();
    const c1 = await loggedFor(ctx, volA, { villageCode: V1002 });
    expectRefusal(await verifyActivities(plain, [c1], VERIFY_AT), "forbidden");
    expectRefusal(await returnActivities(plain, [c1], "Tolong lengkapi foto."), "forbidden");
    expect(await activityState(c1)).toMatchObject({ status: "submitted", returnReason: null, verifiedAt: null });
    expect(await activityAudits(c1)).toEqual([]);
    expect(await verificationQueue(plain)).toEqual({ total: 0, rows: [] });
  });

  it("returns in bulk with the reason; the author edits and resubmits; then it is verified", async () => {
    const { ctx, kk, volA, volB } = await verificationChapter();
    const r1 = await loggedFor(ctx, volA, { villageCode: V1002, households: "1" });
    const r2 = await loggedFor(ctx, volB, { villageCode: V1003 });
    const r3 = await loggedFor(ctx, volA, { villageCode: V0401 });
    const reason = "Lampirkan foto kegiatan dan perbaiki jumlah KK.";

    expect(await returnActivities(kk, [r1, r2, r3], reason)).toEqual({ ok: true, verified: 2, skipped: 1 });
    for (const id of [r1, r2]) {
      expect(await activityState(id)).toMatchObject({ status: "returned", returnReason: reason, verifiedAt: null });
      expect(await activityAudits(id, "activity.return")).toEqual([
        {
          action: "activity.return",
          actorId: kk.userId,
          chapterId: ctx.id,
          before: JSON.stringify({ status: "submitted" }),
          after: JSON.stringify({ status: "returned", reason }),
        },
      ]);
    }
    expect(await activityState(r3)).toMatchObject({ status: "submitted", returnReason: null });
    expect(await activityAudits(r3)).toEqual([]);

    // The author sees the reason; a returned activity is neither verifiable nor in the queue.
    const own = await listOwnActivities(volA);
    expect(own.rows.find((r) => r.id === r1)).toMatchObject({ status: "returned", returnReason: reason });
    expect(await verifyActivities(kk, [r1], VERIFY_AT)).toEqual({ ok: true, verified: 0, skipped: 1 });
    expect((await verificationQueue(kk)).rows.map((r) => r.id)).toEqual([]);

    const resubmitAt = wib("2031-06-15", "18:00");
    const edited = await updateActivity(volA, r1, activityInput(activityForm(ctx, { villageCode: V1002, households: "6" })), resubmitAt);
    expect(edited).toEqual({ ok: true, id: r1 });
    expect(await activityState(r1)).toMatchObject({ status: "submitted", submittedAt: resubmitAt });
    expect((await verificationQueue(kk)).rows.map((r) => r.id)).toEqual([r1]);

    expect(await verifyActivities(kk, [r1], VERIFY_AT)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(await activityState(r1)).toMatchObject({ status: "verified", returnReason: null, verifiedById: kk.userId });
    expect((await db.activity.findUniqueOrThrow({ where: { id: r1 } })).households).toBe(6);
    expect((await activityAudits(r1)).map((a) => a.action)).toEqual(["activity.return", "activity.resubmit", "activity.verify"]);
    // The resubmission says what the volunteer changed.
    expect(await activityAudits(r1, "activity.resubmit")).toEqual([
      {
        action: "activity.resubmit",
        actorId: volA.userId,
        chapterId: ctx.id,
        before: JSON.stringify({ status: "returned", households: 1 }),
        after: JSON.stringify({ status: "submitted", households: 6 }),
      },
    ]);
  });

  it("locks a verified activity until the board reopens it (a Koordinator Kecamatan cannot), audited", async () => {
    const { ctx, kk, board, volA, plain } = await verificationChapter();
    const v1 = await loggedFor(ctx, volA, { villageCode: V1002, narrative: "Asli" });
    expect(await verifyActivities(kk, [v1], VERIFY_AT)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(
      expectRefusal(await updateActivity(volA, v1, activityInput(activityForm(ctx, { narrative: "Ubah" })), NOW), "conflict").message,
    ).toBe(MSG.locked);

    const reason = "Jumlah penerima manfaat keliru, mohon diperbaiki.";
    expectRefusal(await reopenActivity(kk, v1, reason), "forbidden");
    expectRefusal(await reopenActivity(plain, v1, reason), "forbidden");
    expect(await activityState(v1)).toMatchObject({ status: "verified", verifiedById: kk.userId });
    expect(await activityAudits(v1, "activity.reopen")).toEqual([]);

    expect(await reopenActivity(board, v1, reason)).toEqual({ ok: true });
    expect(await activityState(v1)).toMatchObject({ status: "returned", returnReason: reason, verifiedAt: null, verifiedById: null });
    expect(await activityAudits(v1, "activity.reopen")).toEqual([
      {
        action: "activity.reopen",
        actorId: board.userId,
        chapterId: ctx.id,
        before: JSON.stringify({ status: "verified" }),
        after: JSON.stringify({ status: "returned", reason }),
      },
    ]);
    expectRefusal(await reopenActivity(board, v1, reason), "conflict");
    expectRefusal(await reopenActivity(board, "kegiatan-tidak-ada", reason), "notFound");

    expect(await updateActivity(volA, v1, activityInput(activityForm(ctx, { narrative: "Diperbaiki" })), NOW)).toEqual({
      ok: true,
      id: v1,
    });
    expect(await db.activity.findUniqueOrThrow({ where: { id: v1 }, select: { status: true, narrative: true } })).toEqual({
      status: "submitted",
      narrative: "Diperbaiki",
    });
  });

  it("the board cannot reopen another chapter's activity", async () => {
    const { board } = await verificationChapter();
    const other = await verificationChapter();
    const theirs = await loggedFor(other.ctx, other.volA);
    expect(await verifyActivities(other.board, [theirs], VERIFY_AT)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expectRefusal(await reopenActivity(board, theirs, "Bukan urusan cabang ini."), "notFound");
    expect((await activityState(theirs)).status).toBe("verified");
  });

  it("the verification queue holds the submitted activities in scope, not the actor's own or those they worked on, oldest first", async () => {
    const { ctx, kk, board, volA, volB } = await verificationChapter();
    const at = (time: string) => wib("2031-06-15", time);
    const q1 = await loggedFor(
      ctx,
      volA,
      { villageCode: V1002 },
      { reach: [reach(ppksOf(ctx, 8), "L", null, 2), reach(ppksOf(ctx, 1), "P", "anak", 3)] },
      at("11:00"),
    );
    const q2 = await loggedFor(ctx, volB, { villageCode: V1003 }, { reach: [reach(ppksOf(ctx, 24), "P", null, 4)] }, at("08:00"));
    const q3 = await loggedFor(ctx, volA, { villageCode: V0401 }, {}, at("07:00"));
    const q4 = await loggedFor(ctx, kk, { villageCode: V1002 }, {}, at("06:00"));
    const q5 = await loggedFor(ctx, volB, { villageCode: V1002 }, { coVolunteerIds: [kk.memberId!] }, at("05:00"));
    await loggedFor(ctx, volA, { villageCode: V1002 }, { submit: false }, at("04:00"));
    const q7 = await loggedFor(ctx, volB, { villageCode: V1003 }, {}, at("03:00"));
    expect(await verifyActivities(board, [q7], VERIFY_AT)).toEqual({ ok: true, verified: 1, skipped: 0 });
    const q8 = await loggedFor(ctx, volA, { villageCode: V1003 }, {}, at("02:00"));
    expect(await returnActivities(board, [q8], "Perbaiki narasi.")).toEqual({ ok: true, verified: 1, skipped: 0 });

    const mine = await verificationQueue(kk);
    expect(mine.total).toBe(2);
    expect(mine.rows.map((r) => r.id)).toEqual([q2, q1]);
    expect(mine.rows.map((r) => r.people)).toEqual([4, 5]);
    expect(mine.rows[1]).toMatchObject({ submittedAt: at("11:00"), districtCode: D01, member: { id: volA.memberId } });

    const boards = await verificationQueue(board);
    expect(boards.total).toBe(5);
    expect(boards.rows.map((r) => r.id)).toEqual([q5, q4, q3, q2, q1]);

    const first = await verificationQueue(kk, 1);
    expect(first.total).toBe(2);
    expect(first.rows.map((r) => r.id)).toEqual([q2]);
  });
});

// ---------------------------------------------------------------------------------------------
// A member's own activities and totals

describe("own activities and totals", () => {
  // 00:30 WIB on 1 July 2031, still 30 June in UTC: "this month" is July in Jakarta.
  const TOTALS_NOW = new Date("2031-06-30T17:30:00Z");
  let ctx: ActivityChapter;
  let author: TestActor; // a Ketua: may log dates older than the closing days
  let mate: TestActor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await activityChapter();
    author = await boardMember(ctx.id, "ketua");
    mate = await volunteer(ctx.id, { villageCode: V0401 });
    const verifier = await boardMember(ctx.id, "wakil_ketua");
    const lansia = ppksOf(ctx, 8);
    const miskin = ppksOf(ctx, 24);
    const at = (fields: Record<string, string>, extra: ActivityExtra, actor = author) => loggedFor(ctx, actor, fields, extra, TOTALS_NOW);
    ids.t1 = await at({ date: "2031-07-01", durationMinutes: "90" }, { reach: [reach(lansia, "L", null, 3), reach(miskin, "P", null, 2)] });
    ids.t2 = await at({ date: "2031-06-30", durationMinutes: "60" }, { reach: [reach(lansia, "P", "lansia", 4)] });
    ids.t3 = await at({ date: "2031-01-01", durationMinutes: "30" }, { reach: [reach(miskin, "L", null, 1)] });
    ids.t4 = await at({ date: "2030-12-31", durationMinutes: "120" }, { reach: [reach(miskin, "L", null, 10)] });
    ids.t5 = await at({ date: "2031-07-01", durationMinutes: "45" }, { reach: [reach(miskin, "P", null, 7)], submit: false });
    ids.t6 = await at(
      { date: "2031-07-01", durationMinutes: "75", villageCode: V0401 },
      { reach: [reach(lansia, "P", null, 6)], coVolunteerIds: [author.memberId!] },
      mate,
    );
    ids.t7 = await at({ date: "2031-07-01", durationMinutes: "105", villageCode: V0401 }, { reach: [reach(lansia, "L", null, 9)] }, mate);
    ids.t8 = await at(
      { date: "2031-06-20", durationMinutes: "20", villageCode: V0401 },
      { reach: [reach(lansia, "L", null, 2)], coVolunteerIds: [author.memberId!], submit: false },
      mate,
    );
    expect(await verifyActivities(verifier, [ids.t2], TOTALS_NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(await returnActivities(verifier, [ids.t3], "Tambahkan foto.")).toEqual({ ok: true, verified: 1, skipped: 0 });
  });

  it("lists the activities a member logged or worked on as co-volunteer, newest first, with people reached", async () => {
    const own = await listOwnActivities(author);
    expect(own.total).toBe(7);
    expect(own.page).toBe(1);
    expect(own.pageCount).toBe(1);
    expect(new Set(own.rows.map((r) => r.id))).toEqual(new Set([ids.t1, ids.t2, ids.t3, ids.t4, ids.t5, ids.t6, ids.t8]));
    expect(own.rows.map((r) => iso(r.date))).toEqual([
      "2031-07-01",
      "2031-07-01",
      "2031-07-01",
      "2031-06-30",
      "2031-06-20",
      "2031-01-01",
      "2030-12-31",
    ]);
    const byId = new Map(own.rows.map((r) => [r.id, r]));
    expect(byId.get(ids.t1!)).toMatchObject({ people: 5, durationMinutes: 90, status: "submitted", member: { id: author.memberId } });
    expect(byId.get(ids.t6!)).toMatchObject({ people: 6, status: "submitted", member: { id: mate.memberId }, _count: { volunteers: 1 } });
    expect(byId.get(ids.t3!)).toMatchObject({ status: "returned", returnReason: "Tambahkan foto." });
    expect(byId.get(ids.t5!)).toMatchObject({ status: "draft", people: 7 });

    const mates = await listOwnActivities(mate);
    expect(mates.total).toBe(3);
    expect(new Set(mates.rows.map((r) => r.id))).toEqual(new Set([ids.t6, ids.t7, ids.t8]));

    const elsewhere = await activityChapter();
    expect(await listOwnActivities({ ...author, chapterId: elsewhere.id })).toMatchObject({ total: 0, rows: [] });
  });

  it("totals hours and people of non-draft activities this month and this year, in the chapter's time zone", async () => {
    // Month (July in WIB): t1 90 min / 5 people + t6 (co-volunteer) 75 min / 6 people.
    // Year: those + t2 (30 June, verified) 60 / 4 + t3 (1 January, returned) 30 / 1.
    // Never: t4 (last year), t5 (draft), t7 (not theirs), t8 (draft, co-volunteer).
    const totals = await ownTotals(author, TOTALS_NOW);
    // 165 minutes = 2.75 hours and 255 = 4.25, shown to one decimal like every hours figure.
    expect(totals).toEqual({
      month: { activities: 2, hours: 2.8, people: 11 },
      year: { activities: 4, hours: 4.3, people: 16 },
    });

    // The co-volunteer's colleague: t6 75 min / 6 people + t7 105 min / 9 people; t8 is a draft.
    expect(await ownTotals(mate, TOTALS_NOW)).toEqual({
      month: { activities: 2, hours: 3, people: 15 },
      year: { activities: 2, hours: 3, people: 15 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The board's list

describe("listActivities", () => {
  let ctx: ActivityChapter;
  let p: TestActor;
  let q: TestActor;
  const r: Record<string, string> = {};
  let lansia: string;
  let balita: string;
  let board: TestActor;
  let kk04: TestActor; // Koordinator Kecamatan of 61.71.04

  // r1 P 2031-06-01 V1002 (61.71.01) type0  60 min hh3 people 2+3=5 submitted
  // r2 P 2031-06-05 V1003 (61.71.01) type1  90 min hh1 people 4     verified
  // r3 Q 2031-06-10 V0401 (61.71.04) type0  30 min hh0 people 1     submitted
  // r4 Q 2031-05-20 V1002 (61.71.01) type1 120 min hh5 people 0     draft
  // r5 P 2031-06-14 V0401 (61.71.04) type1  45 min hh2 people 6+1=7 returned
  beforeAll(async () => {
    ctx = await activityChapter();
    p = await volunteer(ctx.id, { villageCode: V1002 });
    q = await volunteer(ctx.id, { villageCode: V0401 });
    board = await boardMember(ctx.id, "ketua");
    kk04 = await koordinator(ctx.id, D04);
    balita = ppksOf(ctx, 1);
    lansia = ppksOf(ctx, 8);
    const t0 = typeOf(ctx, 0);
    const t1 = typeOf(ctx, 1);
    r.r1 = await loggedFor(
      ctx,
      p,
      {
        date: "2031-06-01",
        villageCode: V1002,
        typeId: t0,
        durationMinutes: "60",
        households: "3",
        latitude: "-0.026312",
        longitude: "109.342503",
        locationAccuracy: "12.4",
      },
      { reach: [reach(balita, "L", "anak", 2), reach(lansia, "P", "lansia", 3)] },
    );
    r.r2 = await loggedFor(
      ctx,
      p,
      { date: "2031-06-05", villageCode: V1003, typeId: t1, durationMinutes: "90", households: "1" },
      { reach: [reach(lansia, "L", "lansia", 4)] },
    );
    r.r3 = await loggedFor(
      ctx,
      q,
      { date: "2031-06-10", villageCode: V0401, typeId: t0, durationMinutes: "30", households: "0" },
      { reach: [reach(balita, "P", "anak", 1)] },
    );
    r.r4 = await loggedFor(
      ctx,
      q,
      { date: "2031-05-20", villageCode: V1002, typeId: t1, durationMinutes: "120", households: "5" },
      { submit: false },
    );
    r.r5 = await loggedFor(
      ctx,
      p,
      { date: "2031-06-14", villageCode: V0401, typeId: t1, durationMinutes: "45", households: "2" },
      { reach: [reach(lansia, "P", null, 6), reach(balita, "L", "anak", 1)] },
    );
    expect(await verifyActivities(board, [r.r2], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    expect(await returnActivities(board, [r.r5], "Lengkapi RT/RW.")).toEqual({ ok: true, verified: 1, skipped: 0 });
    // Another chapter's activity never shows.
    const elsewhere = await activityChapter();
    await loggedFor(
      elsewhere,
      await volunteer(elsewhere.id),
      { durationMinutes: "600", households: "50" },
      { reach: [reach(ppksOf(elsewhere, 8), "L", null, 99)] },
    );
  });

  async function listed(over: Parameters<typeof boardFilters>[0], reader: TestActor = board) {
    const result = await listActivities(reader, boardFilters(over));
    // The page's own people agree with the totals (every match fits on one page here).
    expect(result.rows.reduce((sum, row) => sum + row.people, 0)).toBe(result.totals.people);
    return {
      total: result.total,
      totals: result.totals,
      ids: result.rows.map((row) => row.id),
      rows: result.rows,
      pageCount: result.pageCount,
    };
  }

  it("lists the chapter's activities newest first, with totals over all of them", async () => {
    const all = await listed({});
    expect(all.total).toBe(5);
    expect(all.ids).toEqual([r.r5, r.r3, r.r2, r.r1, r.r4]);
    // 345 minutes = 5.75 hours, rounded once to one decimal; the statuses the totals include.
    expect(all.totals).toEqual({
      hours: 5.8,
      households: 11,
      people: 17,
      statuses: [
        { status: "draft", count: 1 },
        { status: "submitted", count: 2 },
        { status: "returned", count: 1 },
        { status: "verified", count: 1 },
      ],
    });
    expect(all.rows.map((row) => row.people)).toEqual([7, 1, 4, 5, 0]);
    expect(all.rows[0]).toMatchObject({
      status: "returned",
      returnReason: "Lengkapi RT/RW.",
      districtCode: D04,
      village: { name: "Siantan Hulu" },
      type: { name: ctx.types[1]!.name },
    });
    expect(all.pageCount).toBe(1);
  });

  it("carries the phone's location (coordinates and accuracy only) for the board's Lokasi column", async () => {
    const { rows } = await listed({});
    const located = rows.find((row) => row.id === r.r1)!;
    expect(located).toMatchObject({ latitude: -0.026312, longitude: 109.342503, locationAccuracy: 12 });
    expect(located).not.toHaveProperty("locatedAt");
    expect(rows.find((row) => row.id === r.r2)).toMatchObject({ latitude: null, longitude: null, locationAccuracy: null });
    // The volunteer's own list does not need it.
    const own = await listOwnActivities(p, 1);
    expect(own.rows.find((row) => row.id === r.r1)).not.toHaveProperty("latitude");
  });

  it("filters by period (inclusive)", async () => {
    expect(await listed({ from: "2031-06-01", to: "2031-06-10" })).toMatchObject({
      total: 3,
      ids: [r.r3, r.r2, r.r1],
      totals: { hours: 3, households: 4, people: 10 },
    });
    expect(await listed({ from: "2031-06-05" })).toMatchObject({
      total: 3,
      ids: [r.r5, r.r3, r.r2],
      totals: { hours: 2.8, households: 3, people: 12 },
    });
    expect(await listed({ to: "2031-06-01" })).toMatchObject({
      total: 2,
      ids: [r.r1, r.r4],
      totals: { hours: 3, households: 8, people: 5 },
    });
  });

  it("filters by kecamatan and by kelurahan", async () => {
    expect(await listed({ districtCode: D01 })).toMatchObject({
      total: 3,
      ids: [r.r2, r.r1, r.r4],
      totals: { hours: 4.5, households: 9, people: 9 },
    });
    expect(await listed({ villageCode: V0401 })).toMatchObject({
      total: 2,
      ids: [r.r5, r.r3],
      totals: { hours: 1.3, households: 2, people: 8 },
    });
    expect(await listed({ villageCode: V1003 })).toMatchObject({ total: 1, ids: [r.r2], totals: { hours: 1.5, households: 1, people: 4 } });
  });

  it("filters by type, volunteer and status", async () => {
    expect(await listed({ typeId: typeOf(ctx, 1) })).toMatchObject({
      total: 3,
      ids: [r.r5, r.r2, r.r4],
      totals: { hours: 4.3, households: 8, people: 11 },
    });
    expect(await listed({ memberId: q.memberId })).toMatchObject({
      total: 2,
      ids: [r.r3, r.r4],
      totals: { hours: 2.5, households: 5, people: 1 },
    });
    expect(await listed({ status: "submitted" })).toMatchObject({
      total: 2,
      ids: [r.r3, r.r1],
      totals: { hours: 1.5, households: 3, people: 6 },
    });
    expect(await listed({ status: "draft" })).toMatchObject({ total: 1, ids: [r.r4], totals: { hours: 2, households: 5, people: 0 } });
  });

  it("filters by PPKS category (activities that reached it; their people in every category)", async () => {
    expect(await listed({ categoryId: lansia })).toMatchObject({
      total: 3,
      ids: [r.r5, r.r2, r.r1],
      totals: { hours: 3.3, households: 6, people: 16 },
    });
    expect(await listed({ categoryId: balita })).toMatchObject({
      total: 3,
      ids: [r.r5, r.r3, r.r1],
      totals: { hours: 2.3, households: 5, people: 13 },
    });
    expect(await listed({ categoryId: ppksOf(ctx, 24) })).toMatchObject({
      total: 0,
      ids: [],
      totals: { hours: 0, households: 0, people: 0 },
    });
  });

  it("combines filters, and answers an empty match with zero totals and one page", async () => {
    expect(await listed({ districtCode: D01, typeId: typeOf(ctx, 1), status: "verified" })).toMatchObject({
      total: 1,
      ids: [r.r2],
      totals: { hours: 1.5, households: 1, people: 4 },
    });
    expect(await listed({ villageCode: V1003, memberId: q.memberId })).toEqual({
      total: 0,
      ids: [],
      rows: [],
      pageCount: 1,
      totals: { hours: 0, households: 0, people: 0, statuses: [] },
    });
  });

  it("limits a Koordinator Kecamatan's list to their kecamatan", async () => {
    expect(await listed({}, kk04)).toMatchObject({
      total: 2,
      ids: [r.r5, r.r3],
      totals: { hours: 1.3, households: 2, people: 8 },
    });
    expect(await listed({ status: "submitted" }, kk04)).toMatchObject({ total: 1, ids: [r.r3] });
  });

  // A kecamatan filter narrows a Koordinator Kecamatan's scope and never widens it: the
  // coordinator of 61.71.04 asking for ?kecamatan=61.71.01 sees nothing.
  it("does not let a kecamatan filter widen a Koordinator Kecamatan's scope", async () => {
    const widened = await listActivities(kk04, boardFilters({ districtCode: D01 }));
    expect(widened.total).toBe(0);
    expect(widened.rows).toEqual([]);
    expect(widened.totals).toEqual({ hours: 0, households: 0, people: 0, statuses: [] });
  });

  it("counts co-volunteers' hours the way the contribution report does (the duration again for each)", async () => {
    const co = await activityChapter();
    const author = await volunteer(co.id);
    const coBoard = await boardMember(co.id, "ketua");
    const helpers = [
      await buildMember({ chapterId: co.id, villageCode: V1002, status: "aktif" }),
      await buildMember({ chapterId: co.id, villageCode: V1002, status: "aktif" }),
    ];
    // 40 minutes with two co-volunteers = 120 volunteer minutes = 2 hours; 20 minutes alone = 0,3.
    await loggedFor(co, author, { durationMinutes: "40" }, { coVolunteerIds: helpers.map((h) => h.id) });
    await loggedFor(co, author, { durationMinutes: "20", date: "2031-06-11" });
    expect((await listActivities(coBoard, boardFilters({}))).totals).toMatchObject({
      hours: 2.3,
      statuses: [{ status: "submitted", count: 2 }],
    });
    expect((await listActivities(coBoard, boardFilters({ from: "2031-06-11" }))).totals.hours).toBe(0.3);
    // The dashboard's "this month" counts the same hours, rounded the same way.
    expect((await activityDashboard(co.id, TZ, undefined, NOW)).hours).toBe(2.3);
  });

  it("totals every matching activity, not only the page", async () => {
    const big = await activityChapter();
    const v = await volunteer(big.id);
    const bigBoard = await boardMember(big.id, "ketua");
    const kat = ppksOf(big, 24);
    // 53 of type 0 on 12 June (15 min, 1 household, 2 people) and 2 of type 1 on 13 June
    // (30 min, 4 households, 5 people): 855 min = 14.25 h (14,3 to one decimal), 61 households, 116 people.
    for (let i = 0; i < 53; i++) {
      await loggedFor(
        big,
        v,
        { date: "2031-06-12", typeId: typeOf(big, 0), durationMinutes: "15", households: "1" },
        { reach: [reach(kat, "L", null, 2)] },
      );
    }
    const late = [
      await loggedFor(
        big,
        v,
        { date: "2031-06-13", typeId: typeOf(big, 1), durationMinutes: "30", households: "4" },
        { reach: [reach(kat, "P", null, 5)] },
      ),
      await loggedFor(
        big,
        v,
        { date: "2031-06-13", typeId: typeOf(big, 1), durationMinutes: "30", households: "4" },
        { reach: [reach(kat, "P", null, 5)] },
      ),
    ];
    expect(ACTIVITIES_PAGE_SIZE).toBe(50);

    const page1 = await listActivities(bigBoard, boardFilters({ page: 1 }));
    const page2 = await listActivities(bigBoard, boardFilters({ page: 2 }));
    for (const page of [page1, page2]) {
      expect(page.total).toBe(55);
      expect(page.pageCount).toBe(2);
      expect(page.totals).toEqual({ hours: 14.3, households: 61, people: 116, statuses: [{ status: "submitted", count: 55 }] });
    }
    expect(page1.rows).toHaveLength(50);
    expect(page2.rows).toHaveLength(5);
    expect(page1.page).toBe(1);
    expect(page2.page).toBe(2);
    expect(new Set(page1.rows.slice(0, 2).map((row) => row.id))).toEqual(new Set(late));
    expect(page2.rows.map((row) => row.people)).toEqual([2, 2, 2, 2, 2]);
    expect(new Set([...page1.rows, ...page2.rows].map((row) => row.id)).size).toBe(55);

    const type1 = await listActivities(bigBoard, boardFilters({ typeId: typeOf(big, 1) }));
    expect(type1).toMatchObject({ total: 2, pageCount: 1, totals: { hours: 1, households: 8, people: 10 } });
    const type0 = await listActivities(bigBoard, boardFilters({ typeId: typeOf(big, 0) }));
    expect(type0).toMatchObject({ total: 53, pageCount: 2, totals: { hours: 13.3, households: 53, people: 106 } });
    expect(type0.rows).toHaveLength(50);
  });
});
