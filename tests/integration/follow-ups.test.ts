// Follow-ups (tindak lanjut / rujukan) against the real database, and the activity settings and
// spreadsheet export that came with them: a follow-up opened by an activity, moved on (proses)
// and closed (selesai) by later ones, its status taken from the latest update by activity date;
// who sees and moves it (the volunteers of the opening activity, the Koordinator Kecamatan of its
// kecamatan, the board; never another chapter); editing the opening activity; the resident's
// NIK/KK where the chapter keeps them (masked everywhere, the whole number only for
// `read:case-identifier`, every view audited); the chapter's closing days, types and own PPKS
// categories; and the board's list as an xlsx workbook, through the route as well.
//
// Simulated timeline, as in activities.test.ts: "today" is 15 June 2031 in Asia/Jakarta (NOW),
// so every expected number is computed by hand and never depends on the real clock. Each describe
// block builds its own chapter.
import { parse as parseDisposition } from "content-disposition";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { activityFormChoices, getActivity } from "~/domain/activities/activities.server";
import { verifyActivities } from "~/domain/activities/verification.server";
import { activitiesXlsx } from "~/domain/activities/export.server";
import { followUpChoices, getFollowUp, listFollowUps, revealCaseIdentifier } from "~/domain/activities/follow-ups.server";
import { getActivitySettings, updateActivitySettings } from "~/domain/activities/settings.server";
import { addCatalogueEntry, listActivityTypes, listPpksCategories, setCatalogueEntryActive } from "~/domain/catalogues/catalogues.server";
import { loader as exportLoader } from "~/routes/activities.export[.]xlsx";
import { loader as followUpLoader } from "~/routes/activities.follow-ups.$id";
import { loader as followUpsLoader } from "~/routes/activities.follow-ups._index";
import { action as settingsAction, loader as settingsLoader } from "~/routes/activities.settings";
import { db } from "~/utils/db.server";
import { activitySettingsSchema, followUpSchema, parseActivitySubmission } from "~/validation/activities";
import { calendarDate } from "../factories";
import {
  activityChapter,
  boardFilters,
  editFor,
  followUpState,
  followUpUpdates,
  koordinator,
  logFor,
  loggedFor,
  moveOn,
  nextKey,
  opening,
  ppksOf,
  reach,
  referral,
  typeOf,
  type ActivityChapter,
} from "../factories/activities";
import { boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";
import { NOW, PLACES } from "../support/timeline";

const { V1002, V1003, V0401, D01, D04 } = PLACES;

const NIK = "6171010101010003";
const NIK_MASKED = "6171********0003";

const MSG = {
  closed: "Tindak lanjut ini sudah selesai.",
  before: "Kegiatan yang memperbarui tindak lanjut tidak boleh lebih awal dari kegiatan yang membukanya.",
  unknown: "Pilih tindak lanjut dari daftar.",
  identifierOff: "Pengurus cabang ini tidak menyimpan NIK/KK untuk tindak lanjut. Kosongkan isian ini.",
  identifier: "NIK/KK terdiri dari 16 angka.",
  closingDays: "Isi jumlah hari antara 1 dan 366.",
  duplicate: "Nama ini sudah ada.",
  tooOld7: "Kegiatan lebih dari 7 hari yang lalu hanya dapat dicatat oleh pengurus.",
  type: "Pilih jenis kegiatan.",
  category: "Pilih kategori PPKS dari daftar.",
} as const;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Rows of the activity and follow-up tables that belong to the chapter. */
async function countsOf(chapterId: string) {
  const [activities, followUps, updates] = await Promise.all([
    db.activity.count({ where: { chapterId } }),
    db.followUp.count({ where: { chapterId } }),
    db.followUpUpdate.count({ where: { followUp: { chapterId } } }),
  ]);
  return { activities, followUps, updates };
}

async function auditsOf(entityId: string, action: string) {
  return db.auditLog.findMany({
    where: { entityId, action },
    select: { actorId: true, chapterId: true, entityType: true, before: true, after: true },
    orderBy: { at: "asc" },
  });
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

// ---------------------------------------------------------------------------------------------
// Lifecycle

describe("a follow-up's lifecycle", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id);
  });

  it("is opened (baru), moved on (proses) and closed (selesai) by later activities; a closed one takes no update and nothing is saved", async () => {
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-01" });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: f } })).toMatchObject({
      chapterId: ctx.id,
      openedById: a1,
      status: "baru",
      closedById: null,
      institution: "Dinas Sosial Kota Pontianak",
      description: "Rujukan PBI JK",
      caseIdentifier: null,
    });
    expect(await followUpUpdates(f)).toEqual([]);

    const a2 = await loggedFor(ctx, vol, { date: "2031-06-05" }, { followUpUpdate: moveOn(f, "proses", "Berkas diterima dinas") });
    expect(await followUpUpdates(f)).toEqual([{ activityId: a2, status: "proses", note: "Berkas diterima dinas" }]);
    expect(await followUpState(f)).toEqual({ status: "proses", closedById: null });

    const a3 = await loggedFor(ctx, vol, { date: "2031-06-10" }, { followUpUpdate: moveOn(f, "selesai", "Terdaftar PBI JK") });
    expect(await followUpState(f)).toEqual({ status: "selesai", closedById: a3 });
    expect(await followUpUpdates(f)).toEqual([
      { activityId: a2, status: "proses", note: "Berkas diterima dinas" },
      { activityId: a3, status: "selesai", note: "Terdaftar PBI JK" },
    ]);

    // A closed follow-up is no longer offered, and an update to it is refused with nothing saved.
    expect(idsOf(await followUpChoices(vol))).not.toContain(f);
    const before = await countsOf(ctx.id);
    for (const status of ["proses", "selesai"] as const) {
      const again = await logFor(ctx, vol, { date: "2031-06-12" }, { followUpUpdate: moveOn(f, status, "Lagi") });
      expect(expectInvalid(again)).toEqual({ "followUpUpdate.followUpId": MSG.closed });
    }
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await db.activity.count({ where: { chapterId: ctx.id, date: calendarDate(2031, 6, 12) } })).toBe(0);
    expect(await followUpState(f)).toEqual({ status: "selesai", closedById: a3 });

    // The lists follow: not among the open ones, among the done ones with its closing update.
    expect(idsOf((await listFollowUps(vol)).rows)).not.toContain(f);
    const done = await listFollowUps(vol, "selesai");
    expect(done.total).toBe(1);
    expect(done.rows[0]).toMatchObject({
      id: f,
      status: "selesai",
      latest: { status: "selesai", note: "Terdaftar PBI JK", activity: { id: a3 } },
    });
  });

  it("refuses an update from an activity dated before the opening one, and accepts one of the same day", async () => {
    const { followUpId: f } = await opening(ctx, vol, { date: "2031-06-10" });
    const before = await countsOf(ctx.id);
    const early = await logFor(ctx, vol, { date: "2031-06-09" }, { followUpUpdate: moveOn(f, "proses") });
    expect(expectInvalid(early)).toEqual({ "followUpUpdate.followUpId": MSG.before });
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await followUpState(f)).toEqual({ status: "baru", closedById: null });

    const sameDay = await loggedFor(ctx, vol, { date: "2031-06-10" }, { followUpUpdate: moveOn(f, "proses") });
    expect(await followUpUpdates(f)).toEqual([{ activityId: sameDay, status: "proses", note: null }]);
    expect(await followUpState(f)).toEqual({ status: "proses", closedById: null });
  });

  it("reopens the follow-up when its closing activity (a draft) is edited from selesai to proses, and closes it again", async () => {
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-01" });
    const a2 = await loggedFor(ctx, vol, { date: "2031-06-06" }, { followUpUpdate: moveOn(f, "proses", "Survei") });
    const a3 = await loggedFor(ctx, vol, { date: "2031-06-08" }, { followUpUpdate: moveOn(f, "selesai", "Selesai"), submit: false });
    expect(await followUpState(f)).toEqual({ status: "selesai", closedById: a3 });

    // The closing activity's own form still offers the follow-up it closed; others do not.
    expect(idsOf((await activityFormChoices(vol, a3)).followUps)).toContain(f);
    expect(idsOf((await activityFormChoices(vol)).followUps)).not.toContain(f);
    // An activity's form never offers the follow-up that activity opened.
    const other = await opening(ctx, vol, { date: "2031-06-02" });
    expect(idsOf((await activityFormChoices(vol)).followUps)).toContain(other.followUpId);
    expect(idsOf((await activityFormChoices(vol, a1)).followUps)).toContain(other.followUpId);
    expect(idsOf((await activityFormChoices(vol, other.activityId)).followUps)).not.toContain(other.followUpId);

    const reopened = await editFor(
      ctx,
      vol,
      a3,
      { date: "2031-06-08" },
      { followUpUpdate: moveOn(f, "proses", "Menunggu jadwal"), submit: false },
    );
    expect(reopened).toEqual({ ok: true, id: a3 });
    expect(await followUpState(f)).toEqual({ status: "proses", closedById: null });
    expect(await followUpUpdates(f)).toEqual([
      { activityId: a2, status: "proses", note: "Survei" },
      { activityId: a3, status: "proses", note: "Menunggu jadwal" },
    ]);
    expect(idsOf(await followUpChoices(vol))).toContain(f);

    expect(
      await editFor(ctx, vol, a3, { date: "2031-06-08" }, { followUpUpdate: moveOn(f, "selesai", "Akhirnya selesai"), submit: false }),
    ).toEqual({ ok: true, id: a3 });
    expect(await followUpState(f)).toEqual({ status: "selesai", closedById: a3 });

    // Dropping the update from the closing activity takes the status back to the one before it.
    expect(await editFor(ctx, vol, a3, { date: "2031-06-08" }, { submit: false })).toEqual({ ok: true, id: a3 });
    expect(await followUpState(f)).toEqual({ status: "proses", closedById: null });
    expect(await followUpUpdates(f)).toEqual([{ activityId: a2, status: "proses", note: "Survei" }]);
  });

  it("takes the status from the latest update by activity date, not from the order the updates were saved", async () => {
    const { followUpId: f } = await opening(ctx, vol, { date: "2031-06-01" });
    // Saved first, dated later: proses on 8 June. Saved second, dated earlier: selesai on 4 June.
    const later = await loggedFor(ctx, vol, { date: "2031-06-08" }, { followUpUpdate: moveOn(f, "proses", "Survei lapangan") });
    const earlier = await loggedFor(ctx, vol, { date: "2031-06-04" }, { followUpUpdate: moveOn(f, "selesai", "Kartu PBI terbit") });
    expect(await followUpState(f)).toEqual({ status: "proses", closedById: null });

    const detail = expectOk(await getFollowUp(vol, f)).followUp;
    expect(detail!.updates.map((u) => [u.activity.id, u.status])).toEqual([
      [earlier, "selesai"],
      [later, "proses"],
    ]);
    const listed = (await listFollowUps(vol, "all")).rows.find((r) => r.id === f);
    expect(listed).toMatchObject({ status: "proses", latest: { status: "proses", note: "Survei lapangan", activity: { id: later } } });

    // A later selesai closes it, with that activity as the closing one.
    const last = await loggedFor(ctx, vol, { date: "2031-06-09" }, { followUpUpdate: moveOn(f, "selesai", "Selesai") });
    expect(await followUpState(f)).toEqual({ status: "selesai", closedById: last });
  });
});

// ---------------------------------------------------------------------------------------------
// Who sees and moves a follow-up

describe("who sees a follow-up", () => {
  let ctx: ActivityChapter;
  let volA: TestActor;
  let volB: TestActor;
  let co: TestActor;
  let kk01: TestActor;
  let kk04: TestActor;
  let ketua: TestActor;
  let fA: string; // volA, Benuamelayu Laut (61.71.01), with co as co-volunteer, 2 June
  let fA4: string; // volA, Siantan Hulu (61.71.04), 3 June
  let fB: string; // volB, Benuamelayu Darat (61.71.01), 4 June
  let other: { ctx: ActivityChapter; ketua: TestActor; followUpId: string };

  beforeAll(async () => {
    ctx = await activityChapter();
    volA = await volunteer(ctx.id, { villageCode: V1002 });
    volB = await volunteer(ctx.id, { villageCode: V1002 });
    co = await volunteer(ctx.id, { villageCode: V1003 });
    kk01 = await koordinator(ctx.id, D01);
    kk04 = await koordinator(ctx.id, D04);
    ketua = await boardMember(ctx.id, "ketua");
    fA = (await opening(ctx, volA, { date: "2031-06-02", villageCode: V1002 }, { coVolunteerIds: [co.memberId!] })).followUpId;
    fA4 = (await opening(ctx, volA, { date: "2031-06-03", villageCode: V0401 })).followUpId;
    fB = (await opening(ctx, volB, { date: "2031-06-04", villageCode: V1003 })).followUpId;
    const otherCtx = await activityChapter();
    const otherVol = await volunteer(otherCtx.id);
    other = {
      ctx: otherCtx,
      ketua: await boardMember(otherCtx.id, "ketua"),
      followUpId: (await opening(otherCtx, otherVol, { date: "2031-06-02" })).followUpId,
    };
  });

  it("a volunteer sees and moves only the follow-ups of activities they logged or worked on", async () => {
    expect(idsOf((await listFollowUps(volA)).rows)).toEqual([fA, fA4]);
    expect(idsOf((await listFollowUps(volB)).rows)).toEqual([fB]);
    expect(idsOf(await followUpChoices(volB))).toEqual([fB]);
    expectRefusal(await getFollowUp(volB, fA), "notFound");

    const before = await countsOf(ctx.id);
    const theirs = await logFor(ctx, volB, { date: "2031-06-05" }, { followUpUpdate: moveOn(fA, "proses") });
    expect(expectInvalid(theirs)).toEqual({ "followUpUpdate.followUpId": MSG.unknown });
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await followUpState(fA)).toEqual({ status: "baru", closedById: null });

    // The co-volunteer of the opening activity sees it and moves it on.
    expect(idsOf((await listFollowUps(co)).rows)).toEqual([fA]);
    expect(idsOf(await followUpChoices(co))).toEqual([fA]);
    expect(expectOk(await getFollowUp(co, fA)).followUp.id).toBe(fA);
    const moved = await loggedFor(
      ctx,
      co,
      { date: "2031-06-05", villageCode: V1003 },
      { followUpUpdate: moveOn(fA, "proses", "Diantar ke dinas"), coVolunteerIds: [volB.memberId!] },
    );
    expect(await followUpState(fA)).toEqual({ status: "proses", closedById: null });
    expect(await followUpUpdates(fA)).toEqual([{ activityId: moved, status: "proses", note: "Diantar ke dinas" }]);
    // Working on an activity that updated it does not make volB see it: only the opening one counts.
    expectRefusal(await getFollowUp(volB, fA), "notFound");
  });

  it("a Koordinator Kecamatan sees the follow-ups opened in their kecamatan only", async () => {
    expect(idsOf((await listFollowUps(kk01, "all")).rows)).toEqual([fB, fA]); // newest opening first
    expect(idsOf((await listFollowUps(kk01)).rows)).toEqual([fA, fB]); // open ones oldest first
    expect(idsOf((await listFollowUps(kk04, "all")).rows)).toEqual([fA4]);
    expectRefusal(await getFollowUp(kk04, fA), "notFound");
    expect(expectOk(await getFollowUp(kk04, fA4)).followUp.id).toBe(fA4);
    expect(new Set(idsOf(await followUpChoices(kk01)))).toEqual(new Set([fA, fB]));

    const outside = await logFor(ctx, kk04, { date: "2031-06-06", villageCode: V0401 }, { followUpUpdate: moveOn(fB, "proses") });
    expect(expectInvalid(outside)).toEqual({ "followUpUpdate.followUpId": MSG.unknown });
    const inside = await loggedFor(
      ctx,
      kk01,
      { date: "2031-06-06", villageCode: V1003 },
      { followUpUpdate: moveOn(fB, "proses", "Koordinasi kelurahan") },
    );
    expect(await followUpUpdates(fB)).toEqual([{ activityId: inside, status: "proses", note: "Koordinasi kelurahan" }]);
  });

  it("the board sees every follow-up of its chapter and never another chapter's", async () => {
    const all = await listFollowUps(ketua, "all");
    expect(all.total).toBe(3);
    expect(idsOf(all.rows)).toEqual([fB, fA4, fA]); // newest opening first outside the open filter
    expect(idsOf((await listFollowUps(ketua)).rows)).toEqual([fA, fA4, fB]); // open ones oldest first
    expect(new Set(idsOf(await followUpChoices(ketua)))).toEqual(new Set([fA, fA4, fB]));
    expect(expectOk(await getFollowUp(ketua, fA4)).followUp.id).toBe(fA4);

    expectRefusal(await getFollowUp(ketua, other.followUpId), "notFound");
    expect(idsOf(await followUpChoices(ketua))).not.toContain(other.followUpId);
    const before = await countsOf(ctx.id);
    const stolen = await logFor(ctx, ketua, { date: "2031-06-07" }, { followUpUpdate: moveOn(other.followUpId, "selesai") });
    expect(expectInvalid(stolen)).toEqual({ "followUpUpdate.followUpId": MSG.unknown });
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await followUpState(other.followUpId)).toEqual({ status: "baru", closedById: null });

    const theirs = await listFollowUps(other.ketua, "all");
    expect(idsOf(theirs.rows)).toEqual([other.followUpId]);
    for (const id of [fA, fA4, fB]) expectRefusal(await getFollowUp(other.ketua, id), "notFound");
  });
});

// ---------------------------------------------------------------------------------------------
// Editing the opening activity

describe("editing the activity that opened a follow-up", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id);
  });

  it("changing the institution and description changes the same follow-up", async () => {
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-03" }, { submit: false });
    const result = await editFor(
      ctx,
      vol,
      a1,
      { date: "2031-06-03" },
      { followUp: referral("Panti Sosial Tresna Werdha", "Lansia tinggal sendiri"), submit: false },
    );
    expect(result).toEqual({ ok: true, id: a1 });
    const rows = await db.followUp.findMany({
      where: { openedById: a1 },
      select: { id: true, institution: true, description: true, status: true },
    });
    expect(rows).toEqual([{ id: f, institution: "Panti Sosial Tresna Werdha", description: "Lansia tinggal sendiri", status: "baru" }]);
    expect(expectOk(await getActivity(vol, a1)).activity.followUpsOpened).toEqual([
      {
        id: f,
        status: "baru",
        institution: "Panti Sosial Tresna Werdha",
        description: "Lansia tinggal sendiri",
        caseIdentifierMasked: null,
      },
    ]);
  });

  it("removing the follow-up from the form deletes it while nothing has updated it", async () => {
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-03" }, { submit: false });
    const before = await countsOf(ctx.id);
    expect(await editFor(ctx, vol, a1, { date: "2031-06-03" }, { followUp: null, submit: false })).toEqual({ ok: true, id: a1 });
    expect(await db.followUp.findUnique({ where: { id: f } })).toBeNull();
    expect(await countsOf(ctx.id)).toEqual({ ...before, followUps: before.followUps - 1 });
    expect(expectOk(await getActivity(vol, a1)).activity.followUpsOpened).toEqual([]);
  });

  it("removing the follow-up from the form keeps it once a later activity updated it", async () => {
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-03" }, { submit: false });
    const a2 = await loggedFor(ctx, vol, { date: "2031-06-04" }, { followUpUpdate: moveOn(f, "proses", "Dalam proses") });
    expect(await editFor(ctx, vol, a1, { date: "2031-06-03" }, { followUp: null, submit: false })).toEqual({ ok: true, id: a1 });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: f } })).toMatchObject({
      openedById: a1,
      institution: "Dinas Sosial Kota Pontianak",
      description: "Rujukan PBI JK",
      status: "proses",
      closedById: null,
    });
    expect(await followUpUpdates(f)).toEqual([{ activityId: a2, status: "proses", note: "Dalam proses" }]);
  });
});

// ---------------------------------------------------------------------------------------------
// The resident's NIK/KK

describe("a follow-up's NIK/KK", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;
  let otherVol: TestActor;
  let ketua: TestActor;
  let sekretaris: TestActor;
  let wakil: TestActor;
  let kk: TestActor;
  let followUpId: string;
  let openedBy: string;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id, { villageCode: V1002 });
    otherVol = await volunteer(ctx.id, { villageCode: V1002 });
    ketua = await boardMember(ctx.id, "ketua");
    sekretaris = await boardMember(ctx.id, "sekretaris");
    wakil = await boardMember(ctx.id, "wakil_ketua");
    kk = await koordinator(ctx.id, D01);
  });

  it("must be 16 digits; spaces, dots and dashes are dropped; an empty one is no identifier", () => {
    const base = { institution: "Dinas Sosial", description: "Rujukan" };
    const short = followUpSchema.safeParse({ ...base, caseIdentifier: "12345" });
    expect(short.success).toBe(false);
    expect(short.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["caseIdentifier", MSG.identifier]]);
    expect(followUpSchema.safeParse({ ...base, caseIdentifier: "61710101010100031" }).success).toBe(false);
    expect(followUpSchema.safeParse({ ...base, caseIdentifier: "617101010101000A" }).success).toBe(false);
    expect(followUpSchema.parse({ ...base, caseIdentifier: "6171 0101 0101 0003" }).caseIdentifier).toBe(NIK);
    expect(followUpSchema.parse({ ...base, caseIdentifier: "6171.0101-0101.0003" }).caseIdentifier).toBe(NIK);
    expect(followUpSchema.parse({ ...base, caseIdentifier: "   " }).caseIdentifier).toBeNull();

    // The whole form: a wrong number is reported on its own field.
    const fd = new FormData();
    for (const [key, value] of Object.entries({
      idempotencyKey: nextKey(),
      date: "2031-06-10",
      durationMinutes: "60",
      typeId: typeOf(ctx),
      villageCode: V1002,
      "followUp.institution": "Dinas Sosial",
      "followUp.description": "Rujukan",
      "followUp.caseIdentifier": "12345",
    })) {
      fd.append(key, value);
    }
    expect(parseActivitySubmission(fd)).toEqual({ ok: false, fieldErrors: { "followUp.caseIdentifier": MSG.identifier } });
    fd.set("followUp.caseIdentifier", "6171 0101 0101 0003");
    const parsed = parseActivitySubmission(fd);
    expect(parsed.ok && parsed.followUp).toEqual({ institution: "Dinas Sosial", description: "Rujukan", caseIdentifier: NIK });
  });

  it("is refused while the chapter does not keep identifiers, saving nothing", async () => {
    expect((await activityFormChoices(vol)).keepCaseIdentifiers).toBe(false);
    const before = await countsOf(ctx.id);
    const result = await logFor(ctx, vol, { date: "2031-06-10" }, { followUp: referral("Dinas Sosial", "Rujukan", NIK) });
    expect(expectInvalid(result)).toEqual({ "followUp.caseIdentifier": MSG.identifierOff });
    expect(await countsOf(ctx.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { chapterId: ctx.id, action: "followup.identifier.set" } })).toBe(0);
  });

  it("is kept once the chapter allows it, shown masked everywhere, its setting audited without the number", async () => {
    await updateActivitySettings(ketua, { activityClosingDays: 60, keepCaseIdentifiers: true });
    expect((await activityFormChoices(vol)).keepCaseIdentifiers).toBe(true);

    const opened = await opening(
      ctx,
      vol,
      { date: "2031-06-10", villageCode: V1002 },
      { followUp: referral("Dinas Sosial", "Rujukan PBI JK", NIK), submit: false },
    );
    followUpId = opened.followUpId;
    openedBy = opened.activityId;
    expect((await db.followUp.findUniqueOrThrow({ where: { id: followUpId } })).caseIdentifier).toBe(NIK);

    const { activity } = expectOk(await getActivity(vol, openedBy));
    expect(activity.followUpsOpened).toEqual([
      { id: followUpId, status: "baru", institution: "Dinas Sosial", description: "Rujukan PBI JK", caseIdentifierMasked: NIK_MASKED },
    ]);
    const listed = await listFollowUps(vol);
    expect(listed.rows.map((r) => r.caseIdentifierMasked)).toEqual([NIK_MASKED]);
    const detail = expectOk(await getFollowUp(ketua, followUpId)).followUp;
    expect(detail!.caseIdentifierMasked).toBe(NIK_MASKED);
    for (const shown of [
      activity,
      listed,
      detail,
      await getFollowUp(vol, followUpId),
      await listFollowUps(ketua, "all"),
      await activityFormChoices(vol),
    ]) {
      expect(JSON.stringify(shown)).not.toContain(NIK);
      expect(JSON.stringify(shown)).not.toContain('caseIdentifier":');
    }

    expect(await auditsOf(followUpId, "followup.identifier.set")).toEqual([
      {
        actorId: vol.userId,
        chapterId: ctx.id,
        entityType: "FollowUp",
        before: null,
        after: JSON.stringify({ caseIdentifier: NIK_MASKED }),
      },
    ]);

    // An edit that leaves the field empty keeps the number and audits nothing; a new number is audited.
    expect(
      await editFor(
        ctx,
        vol,
        openedBy,
        { date: "2031-06-10" },
        { followUp: referral("Dinas Sosial", "Rujukan PBI JK diperbarui"), submit: false },
      ),
    ).toEqual({ ok: true, id: openedBy });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: followUpId }, select: { caseIdentifier: true, description: true } })).toEqual(
      {
        caseIdentifier: NIK,
        description: "Rujukan PBI JK diperbarui",
      },
    );
    expect(await auditsOf(followUpId, "followup.identifier.set")).toHaveLength(1);
    const kk2 = "6171015505800002";
    expect(
      await editFor(
        ctx,
        vol,
        openedBy,
        { date: "2031-06-10" },
        { followUp: referral("Dinas Sosial", "Rujukan PBI JK diperbarui", kk2), submit: false },
      ),
    ).toEqual({ ok: true, id: openedBy });
    expect((await auditsOf(followUpId, "followup.identifier.set")).map((a) => a.after)).toEqual([
      JSON.stringify({ caseIdentifier: NIK_MASKED }),
      JSON.stringify({ caseIdentifier: "6171********0002" }),
    ]);
    // Back to the first number for the tests below.
    expect(
      await editFor(
        ctx,
        vol,
        openedBy,
        { date: "2031-06-10" },
        { followUp: referral("Dinas Sosial", "Rujukan PBI JK", NIK), submit: false },
      ),
    ).toEqual({ ok: true, id: openedBy });
    const everyAudit = await db.auditLog.findMany({ where: { chapterId: ctx.id }, select: { before: true, after: true } });
    expect(JSON.stringify(everyAudit)).not.toContain(NIK);
    expect(JSON.stringify(everyAudit)).not.toContain(kk2);
  });

  it("is revealed whole to the Ketua and the Sekretaris, each view audited; never to a volunteer, a Wakil Ketua or a Koordinator Kecamatan", async () => {
    expect(followUpId).toBeTruthy();
    expect(expectOk(await revealCaseIdentifier(ketua, followUpId)).caseIdentifier).toBe(NIK);
    expect(expectOk(await revealCaseIdentifier(ketua, followUpId)).caseIdentifier).toBe(NIK);
    expect(expectOk(await revealCaseIdentifier(sekretaris, followUpId)).caseIdentifier).toBe(NIK);
    const views = await auditsOf(followUpId, "followup.identifier.view");
    expect(views).toEqual([
      { actorId: ketua.userId, chapterId: ctx.id, entityType: "FollowUp", before: null, after: null },
      { actorId: ketua.userId, chapterId: ctx.id, entityType: "FollowUp", before: null, after: null },
      { actorId: sekretaris.userId, chapterId: ctx.id, entityType: "FollowUp", before: null, after: null },
    ]);

    // The volunteer who opened it sees it (masked) but cannot reveal it; nor can the others.
    expect(expectOk(await getFollowUp(vol, followUpId)).followUp.caseIdentifierMasked).toBe(NIK_MASKED);
    expect(expectOk(await getFollowUp(kk, followUpId)).followUp.caseIdentifierMasked).toBe(NIK_MASKED);
    for (const actor of [vol, otherVol, wakil, kk]) expectRefusal(await revealCaseIdentifier(actor, followUpId), "forbidden");
    // Another chapter's Ketua gets nothing.
    const elsewhere = await activityChapter();
    expectRefusal(await revealCaseIdentifier(await boardMember(elsewhere.id, "ketua"), followUpId), "notFound");
    // A follow-up without a number: nothing to reveal, nothing audited.
    const { followUpId: plain } = await opening(ctx, vol, { date: "2031-06-11" });
    expectRefusal(await revealCaseIdentifier(ketua, plain), "notFound");
    expect(await auditsOf(plain, "followup.identifier.view")).toEqual([]);
    expect(await auditsOf(followUpId, "followup.identifier.view")).toHaveLength(3);
  });

  it("shows the whole number through the follow-up page to the Sekretaris with ?nik=1, the masked one to the volunteer who opened it", async () => {
    expect(followUpId).toBeTruthy();
    const path = `/activities/follow-ups/${followUpId}`;
    const viewsBefore = (await auditsOf(followUpId, "followup.identifier.view")).length;
    const secretaryCookie = await signIn(sekretaris.email);
    const volunteerCookie = await signIn(vol.email);
    const otherCookie = await signIn(otherVol.email);

    type Page = { followUp: { id: string; caseIdentifierMasked: string | null }; canReveal: boolean; caseIdentifier: string | null };
    const plainView = dataOf<Page>(await run(followUpLoader, getRequest(path, secretaryCookie), { id: followUpId }));
    expect(plainView).toMatchObject({
      followUp: { id: followUpId, caseIdentifierMasked: NIK_MASKED },
      canReveal: true,
      caseIdentifier: null,
    });
    expect(JSON.stringify(plainView)).not.toContain(NIK);
    expect(await auditsOf(followUpId, "followup.identifier.view")).toHaveLength(viewsBefore);

    const whole = dataOf<Page>(await run(followUpLoader, getRequest(`${path}?nik=1`, secretaryCookie), { id: followUpId }));
    expect(whole).toMatchObject({ canReveal: true, caseIdentifier: NIK, followUp: { caseIdentifierMasked: NIK_MASKED } });
    const views = await auditsOf(followUpId, "followup.identifier.view");
    expect(views).toHaveLength(viewsBefore + 1);
    expect(views.at(-1)).toMatchObject({ actorId: sekretaris.userId, chapterId: ctx.id });

    const own = dataOf<Page>(await run(followUpLoader, getRequest(`${path}?nik=1`, volunteerCookie), { id: followUpId }));
    expect(own).toMatchObject({ canReveal: false, caseIdentifier: null, followUp: { id: followUpId, caseIdentifierMasked: NIK_MASKED } });
    expect(JSON.stringify(own)).not.toContain(NIK);
    expect(await auditsOf(followUpId, "followup.identifier.view")).toHaveLength(viewsBefore + 1);

    // The list page shows it masked; a volunteer who was not on the activity gets a 404.
    const list = dataOf<{ list: { rows: { id: string; caseIdentifierMasked: string | null }[] } }>(
      await run(followUpsLoader, getRequest("/activities/follow-ups?status=all", volunteerCookie)),
    );
    expect(list.list.rows.find((r) => r.id === followUpId)?.caseIdentifierMasked).toBe(NIK_MASKED);
    expect(JSON.stringify(list)).not.toContain(NIK);
    expect(statusOf(await run(followUpLoader, getRequest(`${path}?nik=1`, otherCookie), { id: followUpId }))).toBe(404);
    expect(await auditsOf(followUpId, "followup.identifier.view")).toHaveLength(viewsBefore + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Activity settings

describe("activity settings", () => {
  let ctx: ActivityChapter;
  let vol: TestActor;
  let ketua: TestActor;
  let admin: TestActor;

  beforeAll(async () => {
    ctx = await activityChapter();
    vol = await volunteer(ctx.id);
    ketua = await boardMember(ctx.id, "ketua");
    admin = ketua;
  });

  it("a chapter's closing days apply to volunteers, not to the board, and the change is audited with before and after", async () => {
    expect(expectOk(await getActivitySettings(ketua)).settings).toMatchObject({ activityClosingDays: 60, keepCaseIdentifiers: false });
    await updateActivitySettings(admin, { activityClosingDays: 7, keepCaseIdentifiers: false });
    expect(expectOk(await getActivitySettings(ketua)).settings).toMatchObject({ activityClosingDays: 7, keepCaseIdentifiers: false });

    // 5 June is 10 days before 15 June; 8 June is exactly 7.
    expect(expectInvalid(await logFor(ctx, vol, { date: "2031-06-05" }))).toEqual({ date: MSG.tooOld7 });
    expect(await db.activity.count({ where: { chapterId: ctx.id, date: calendarDate(2031, 6, 5) } })).toBe(0);
    await loggedFor(ctx, vol, { date: "2031-06-08" });
    const late = await loggedFor(ctx, ketua, { date: "2031-06-05" });
    expect((await db.activity.findUniqueOrThrow({ where: { id: late } })).memberId).toBe(ketua.memberId);

    const audits = await auditsOf(ctx.id, "chapter.activity-settings");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: ketua.userId, chapterId: ctx.id, entityType: "Chapter" });
    expect(JSON.parse(audits[0]!.before!)).toEqual({ activityClosingDays: 60, keepCaseIdentifiers: false });
    expect(JSON.parse(audits[0]!.after!)).toEqual({ activityClosingDays: 7, keepCaseIdentifiers: false });
  });

  it("accepts 1 to 366 closing days and refuses anything else in Indonesian", () => {
    for (const bad of ["0", "400", "367", "abc", "", "-3", "2.5"]) {
      const result = activitySettingsSchema.safeParse({ activityClosingDays: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error!.issues[0]!.message).toBe(MSG.closingDays);
      expect(result.error!.issues[0]!.path).toEqual(["activityClosingDays"]);
    }
    expect(activitySettingsSchema.safeParse({}).error!.issues[0]!.message).toBe(MSG.closingDays);
    expect(activitySettingsSchema.parse({ activityClosingDays: "1" })).toEqual({ activityClosingDays: 1, keepCaseIdentifiers: false });
    expect(activitySettingsSchema.parse({ activityClosingDays: " 366 ", keepCaseIdentifiers: "on" })).toEqual({
      activityClosingDays: 366,
      keepCaseIdentifiers: true,
    });
  });

  it("adds types and own categories at the end of their lists and refuses a name already there, national ones included", async () => {
    const typesBefore = await db.activityType.count({ where: { chapterId: ctx.id } });
    expect(await addCatalogueEntry(admin, "type", { name: "Penjangkauan anak jalanan", forChildren: false })).toMatchObject({ ok: true });
    expect(await addCatalogueEntry(admin, "type", { name: "Penjangkauan anak jalanan", forChildren: false })).toEqual({
      ok: false,
      refusal: "invalid",
      fieldErrors: { name: MSG.duplicate },
    });
    expect(await addCatalogueEntry(admin, "type", { name: "Bakti sosial", forChildren: false })).toEqual({
      ok: false,
      refusal: "invalid",
      fieldErrors: { name: MSG.duplicate },
    });
    expect(await db.activityType.count({ where: { chapterId: ctx.id } })).toBe(typesBefore + 1);
    const types = await listActivityTypes(ctx.id);
    expect(types).toHaveLength(13);
    expect(types.at(-1)!.name).toBe("Penjangkauan anak jalanan");

    expect(await addCatalogueEntry(admin, "category", { name: "Fakir Miskin", forChildren: false })).toEqual({
      ok: false,
      refusal: "invalid",
      fieldErrors: { name: MSG.duplicate },
    });
    expect(await addCatalogueEntry(admin, "category", { name: "Korban Banjir Rob", forChildren: true })).toMatchObject({ ok: true });
    expect(await addCatalogueEntry(admin, "category", { name: "Korban Banjir Rob", forChildren: false })).toEqual({
      ok: false,
      refusal: "invalid",
      fieldErrors: { name: MSG.duplicate },
    });
    expect(await db.ppksCategory.count({ where: { chapterId: ctx.id } })).toBe(1);
    expect(await db.ppksCategory.count({ where: { chapterId: null, name: "Fakir Miskin" } })).toBe(1);
    const categories = await listPpksCategories(ctx.id);
    expect(categories).toHaveLength(27);
    expect(categories.at(-1)).toMatchObject({ name: "Korban Banjir Rob", number: null, forChildren: true });

    // Another chapter may use the same names.
    const elsewhere = await activityChapter();
    const theirs = await boardMember(elsewhere.id, "ketua");
    expect(await addCatalogueEntry(theirs, "category", { name: "Korban Banjir Rob", forChildren: false })).toMatchObject({ ok: true });
    expect(await addCatalogueEntry(theirs, "type", { name: "Penjangkauan anak jalanan", forChildren: false })).toMatchObject({ ok: true });
    expect(
      (await db.auditLog.findMany({ where: { chapterId: ctx.id, action: { startsWith: "activity." } }, select: { action: true } }))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["activity.category.add", "activity.type.add"]);
  });

  it("hides an own category from the list and the form, and shows it again", async () => {
    const category = await db.ppksCategory.findFirstOrThrow({
      where: { chapterId: ctx.id, name: "Korban Banjir Rob" },
      select: { id: true },
    });
    const used = await loggedFor(ctx, vol, { date: "2031-06-12" }, { reach: [reach(category.id, "P", "anak", 3)] });
    expect((await db.activity.findUniqueOrThrow({ where: { id: used } })).people).toBe(3);

    expect(expectOk(await setCatalogueEntryActive(admin, "category", category.id, false)).name).toBe("Korban Banjir Rob");
    const listed = await listPpksCategories(ctx.id);
    expect(listed).toHaveLength(26);
    expect(listed.map((c) => c.id)).not.toContain(category.id);
    expect(expectOk(await getActivitySettings(ketua)).settings.categories).toEqual([
      { id: category.id, name: "Korban Banjir Rob", forChildren: true, active: false },
    ]);
    const before = await countsOf(ctx.id);
    expect(
      expectInvalid(
        await logFor(
          ctx,
          vol,
          { date: "2031-06-12" },
          { reach: [reach(ppksOf(ctx, 8), "L", null, 1), reach(category.id, "P", "anak", 2)] },
        ),
      ),
    ).toEqual({ reach: MSG.category });
    expect(await countsOf(ctx.id)).toEqual(before);
    // The activity that used it keeps its people.
    expect(await db.activityReach.count({ where: { activityId: used, categoryId: category.id } })).toBe(1);

    expect(expectOk(await setCatalogueEntryActive(admin, "category", category.id, true)).name).toBe("Korban Banjir Rob");
    expect((await listPpksCategories(ctx.id)).map((c) => c.id)).toContain(category.id);
    expect(
      (await auditsOf(category.id, "activity.category.hide")).length + (await auditsOf(category.id, "activity.category.show")).length,
    ).toBe(2);
  });

  it("hides a type, which the form then refuses", async () => {
    const type = await db.activityType.findFirstOrThrow({
      where: { chapterId: ctx.id, name: "Penjangkauan anak jalanan" },
      select: { id: true },
    });
    await loggedFor(ctx, vol, { date: "2031-06-12", typeId: type.id });
    expect(expectOk(await setCatalogueEntryActive(admin, "type", type.id, false)).name).toBe("Penjangkauan anak jalanan");
    expect((await listActivityTypes(ctx.id)).map((t) => t.id)).not.toContain(type.id);
    expect(expectInvalid(await logFor(ctx, vol, { date: "2031-06-12", typeId: type.id }))).toEqual({ typeId: MSG.type });
    expect(await db.activity.count({ where: { chapterId: ctx.id, typeId: type.id } })).toBe(1);
    expect(await auditsOf(type.id, "activity.type.hide")).toHaveLength(1);
  });

  it("never touches another chapter's entry or a national category", async () => {
    const elsewhere = await activityChapter();
    const theirType = elsewhere.types[0]!.id;
    const theirCategory = await db.ppksCategory.create({ data: { chapterId: elsewhere.id, name: "Kategori cabang lain" } });
    const national = ppksOf(ctx, 24);
    expectRefusal(await setCatalogueEntryActive(admin, "type", theirType, false), "notFound");
    expectRefusal(await setCatalogueEntryActive(admin, "category", theirCategory.id, false), "notFound");
    expectRefusal(await setCatalogueEntryActive(admin, "category", national, false), "notFound");
    expectRefusal(await setCatalogueEntryActive(admin, "type", national, false), "notFound");
    expectRefusal(await setCatalogueEntryActive(admin, "category", "kategori-tidak-ada", false), "notFound");
    expect((await db.activityType.findUniqueOrThrow({ where: { id: theirType } })).active).toBe(true);
    expect((await db.ppksCategory.findUniqueOrThrow({ where: { id: theirCategory.id } })).active).toBe(true);
    expect((await db.ppksCategory.findUniqueOrThrow({ where: { id: national } })).active).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: { in: [theirType, theirCategory.id, national] } } })).toBe(0);
    expect(await listPpksCategories(ctx.id)).toHaveLength(27);
  });

  it("the settings page is the board's: a volunteer gets 403, a wrong number of days 400 in Indonesian with nothing saved", async () => {
    const volunteerCookie = await signIn(vol.email);
    const ketuaCookie = await signIn(ketua.email);
    const bendahara = await boardMember(ctx.id, "bendahara");
    const bendaharaCookie = await signIn(bendahara.email);
    const sekretaris = await boardMember(ctx.id, "sekretaris");
    const sekretarisCookie = await signIn(sekretaris.email);

    expect(statusOf(await run(settingsLoader, getRequest("/activities/settings", volunteerCookie)))).toBe(403);
    expect(statusOf(await run(settingsLoader, getRequest("/activities/settings", bendaharaCookie)))).toBe(403);
    expect(
      statusOf(
        await run(settingsAction, postForm("/activities/settings", { intent: "rules", activityClosingDays: "30" }, volunteerCookie)),
      ),
    ).toBe(403);
    const page = dataOf<{ settings: { activityClosingDays: number } }>(
      await run(settingsLoader, getRequest("/activities/settings", sekretarisCookie)),
    );
    expect(page.settings.activityClosingDays).toBe(7);

    const auditsBefore = await db.auditLog.count({ where: { chapterId: ctx.id, action: "chapter.activity-settings" } });
    const bad = await run(settingsAction, postForm("/activities/settings", { intent: "rules", activityClosingDays: "0" }, ketuaCookie));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({ activityClosingDays: MSG.closingDays });
    expect(expectOk(await getActivitySettings(ketua)).settings).toMatchObject({ activityClosingDays: 7, keepCaseIdentifiers: false });
    expect(await db.auditLog.count({ where: { chapterId: ctx.id, action: "chapter.activity-settings" } })).toBe(auditsBefore);

    const good = await run(
      settingsAction,
      postForm("/activities/settings", { intent: "rules", activityClosingDays: "30", keepCaseIdentifiers: "on" }, ketuaCookie),
    );
    expect(statusOf(good)).toBe(302);
    expect(expectOk(await getActivitySettings(ketua)).settings).toMatchObject({ activityClosingDays: 30, keepCaseIdentifiers: true });
    expect(await db.auditLog.count({ where: { chapterId: ctx.id, action: "chapter.activity-settings" } })).toBe(auditsBefore + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// The spreadsheet export

type Workbook = { rows: unknown[][]; summary: unknown[][] };

async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes)).buffer as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ringkasan", "Kegiatan"]);
  const values = (name: string) => {
    const out: unknown[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { rows: values("Kegiatan"), summary: values("Ringkasan") };
}

/** The board's list filters for June 2031 unless told otherwise. */
const filters = (over: Parameters<typeof boardFilters>[0] = {}) => boardFilters({ from: "2031-06-01", to: "2031-06-30", ...over });

const HEADER = [
  "Tanggal",
  "Jenis kegiatan",
  "Kecamatan",
  "Kelurahan/desa",
  "RT/RW",
  "Relawan",
  "No. anggota",
  "Pendamping",
  "Menit",
  "Orang dijangkau",
  "KK dijangkau",
  "Nilai bantuan (Rp)",
  "Status",
  "Lintang",
  "Bujur",
  "Akurasi lokasi (m)",
  "Waktu lokasi (WIB)",
];

describe("the activity spreadsheet", () => {
  let ctx: ActivityChapter;
  let p: TestActor;
  let q: TestActor;
  let ketua: TestActor;
  let kk04: TestActor;
  let plain: TestActor;
  const e: Record<string, string> = {};
  const numbers: Record<string, string> = {};
  let exporter: string;

  // e1 P 2031-06-02 V1002 (Pontianak Selatan) type0  60 min hh3 people 2+3=5 aid 150.000+250.000 co Q, RT 003/RW 01, submitted
  // e2 P 2031-06-05 V1003 (Pontianak Selatan) type1  90 min hh1 people 4     draft
  // e3 Q 2031-06-07 V0401 (Pontianak Utara)   type0  30 min hh0 people 1     verified
  // e4 Q 2031-06-09 V0401 (Pontianak Utara)   type1  45 min hh2 people 6     submitted
  // e5 P 2031-05-20 V1002 (outside June)      type0 120 min hh5 people 9     submitted
  beforeAll(async () => {
    ctx = await activityChapter();
    p = await volunteer(ctx.id, { villageCode: V1002, fullName: "Relawan Ekspor Pertama" });
    q = await volunteer(ctx.id, { villageCode: V0401, fullName: "Relawan Ekspor Kedua" });
    ketua = await boardMember(ctx.id, "ketua");
    exporter = ketua.userId;
    kk04 = await koordinator(ctx.id, D04);
    plain = await volunteer(ctx.id, { villageCode: V1002 });
    const lansia = ppksOf(ctx, 8);
    const miskin = ppksOf(ctx, 24);
    e.e1 = await loggedFor(
      ctx,
      p,
      {
        date: "2031-06-02",
        villageCode: V1002,
        typeId: typeOf(ctx, 0),
        durationMinutes: "60",
        households: "3",
        rt: "003",
        rw: "01",
        // where the phone said P was (Asia/Jakarta: 08:15 WIB)
        latitude: "-0.034512",
        longitude: "109.331245",
        locationAccuracy: "12.4",
        locatedAt: "2031-06-02T01:15:00.000Z",
      },
      {
        reach: [reach(lansia, "L", "lansia", 2), reach(miskin, "P", null, 3)],
        aid: [
          { item: "Beras", quantity: 10, unit: "kg", value: 150_000, source: "apbd" },
          { item: "Selimut", quantity: 5, unit: "lembar", value: 250_000, source: "csr" },
        ],
        coVolunteerIds: [q.memberId!],
      },
    );
    e.e2 = await loggedFor(
      ctx,
      p,
      { date: "2031-06-05", villageCode: V1003, typeId: typeOf(ctx, 1), durationMinutes: "90", households: "1" },
      { reach: [reach(lansia, "P", null, 4)], submit: false },
    );
    e.e3 = await loggedFor(
      ctx,
      q,
      { date: "2031-06-07", villageCode: V0401, typeId: typeOf(ctx, 0), durationMinutes: "30", households: "0" },
      { reach: [reach(miskin, "L", null, 1)] },
    );
    e.e4 = await loggedFor(
      ctx,
      q,
      { date: "2031-06-09", villageCode: V0401, typeId: typeOf(ctx, 1), durationMinutes: "45", households: "2" },
      { reach: [reach(miskin, "P", null, 6)] },
    );
    e.e5 = await loggedFor(
      ctx,
      p,
      { date: "2031-05-20", villageCode: V1002, typeId: typeOf(ctx, 0), durationMinutes: "120", households: "5" },
      { reach: [reach(lansia, "L", null, 9)] },
    );
    expect(await verifyActivities(ketua, [e.e3], NOW)).toEqual({ ok: true, verified: 1, skipped: 0 });
    for (const who of [p, q]) {
      numbers[who.memberId!] = (
        await db.member.findUniqueOrThrow({ where: { id: who.memberId! }, select: { memberNumber: true } })
      ).memberNumber!;
    }
    // Another chapter's June activity never shows.
    const elsewhere = await activityChapter();
    await loggedFor(
      elsewhere,
      await volunteer(elsewhere.id),
      { date: "2031-06-03", durationMinutes: "600", households: "50" },
      { reach: [reach(ppksOf(elsewhere, 8), "L", null, 99)] },
    );
  });

  const summaryOf = (book: Workbook) => Object.fromEntries(book.summary.map(([label, value]) => [label, value]));

  it("has one row per activity of the period, the known values of a row, and a summary equal to the sums of the rows", async () => {
    const audits = await db.auditLog.count({ where: { chapterId: ctx.id, action: "activity.export", actorId: exporter } });
    const book = await readWorkbook(await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters()));
    // the download of volunteers' names is recorded: who, how many rows, which filters
    expect(await db.auditLog.count({ where: { chapterId: ctx.id, action: "activity.export", actorId: exporter } })).toBe(audits + 1);
    expect(book.rows).toHaveLength(1 + 4);
    expect(book.rows[0]).toEqual(HEADER);
    const body = book.rows.slice(1);
    expect(body.map((r) => r[0])).toEqual([
      calendarDate(2031, 6, 2),
      calendarDate(2031, 6, 5),
      calendarDate(2031, 6, 7),
      calendarDate(2031, 6, 9),
    ]);
    expect(body[0]).toEqual([
      calendarDate(2031, 6, 2),
      ctx.types[0]!.name,
      "Pontianak Selatan",
      "Benuamelayu Laut",
      "003/01",
      "Relawan Ekspor Pertama",
      numbers[p.memberId!],
      1,
      60,
      5,
      3,
      400_000,
      "Menunggu verifikasi",
      -0.034512,
      109.331245,
      12,
      "02/06/2031 08.15",
    ]);
    expect(body.map((r) => [r[2], r[3], r[5], r[8], r[9], r[10], r[11], r[12]])).toEqual([
      ["Pontianak Selatan", "Benuamelayu Laut", "Relawan Ekspor Pertama", 60, 5, 3, 400_000, "Menunggu verifikasi"],
      ["Pontianak Selatan", "Benuamelayu Darat", "Relawan Ekspor Pertama", 90, 4, 1, 0, "Draf"],
      ["Pontianak Utara", "Siantan Hulu", "Relawan Ekspor Kedua", 30, 1, 0, 0, "Terverifikasi"],
      ["Pontianak Utara", "Siantan Hulu", "Relawan Ekspor Kedua", 45, 6, 2, 0, "Menunggu verifikasi"],
    ]);

    // 225 minutes and 60 more of the first's co-volunteer = 285 volunteer minutes = 4.75 hours,
    // shown to one decimal (as the contribution report counts them); 16 people; 6 households;
    // and which statuses the totals include.
    const summary = summaryOf(book);
    expect(summary).toEqual({
      Periode: "01/06/2031 – 30/06/2031",
      "Status yang dihitung": "Draf 1, Menunggu verifikasi 2, Terverifikasi 1",
      "Jumlah kegiatan": 4,
      "Jam relawan (termasuk pendamping)": 4.8,
      "Orang dijangkau": 16,
      "KK dijangkau": 6,
    });
    expect(summary["Jumlah kegiatan"]).toBe(body.length);
    expect(summary["Orang dijangkau"]).toBe(body.reduce((sum, r) => sum + (r[9] as number), 0));
    expect(summary["KK dijangkau"]).toBe(body.reduce((sum, r) => sum + (r[10] as number), 0));

    // A whole history takes the May activity too.
    const everything = await readWorkbook(
      await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters({ from: null, to: null })),
    );
    expect(everything.rows).toHaveLength(1 + 5);
    expect(summaryOf(everything)).toMatchObject({
      Periode: "… – …",
      "Jumlah kegiatan": 5,
      "Jam relawan (termasuk pendamping)": 6.8,
      "Orang dijangkau": 25,
      "KK dijangkau": 11,
    });
  });

  it("narrows to the filters: type, status, kecamatan", async () => {
    const byType = await readWorkbook(await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters({ typeId: typeOf(ctx, 1) })));
    expect(byType.rows.slice(1).map((r) => [r[0], r[9]])).toEqual([
      [calendarDate(2031, 6, 5), 4],
      [calendarDate(2031, 6, 9), 6],
    ]);
    expect(summaryOf(byType)).toMatchObject({
      "Jumlah kegiatan": 2,
      "Jam relawan (termasuk pendamping)": 2.3,
      "Orang dijangkau": 10,
      "KK dijangkau": 3,
    });

    const submitted = await readWorkbook(await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters({ status: "submitted" })));
    expect(submitted.rows.slice(1).map((r) => r[0])).toEqual([calendarDate(2031, 6, 2), calendarDate(2031, 6, 9)]);
    expect(summaryOf(submitted)).toMatchObject({
      "Jumlah kegiatan": 2,
      "Orang dijangkau": 11,
      "KK dijangkau": 5,
      "Jam relawan (termasuk pendamping)": 2.8,
      "Status yang dihitung": "Menunggu verifikasi 2",
    });

    const draftType0 = await readWorkbook(
      await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters({ status: "draft", typeId: typeOf(ctx, 0) })),
    );
    expect(draftType0.rows).toEqual([HEADER]);
    expect(summaryOf(draftType0)).toMatchObject({
      "Status yang dihitung": "tidak ada kegiatan",
      "Jumlah kegiatan": 0,
      "Jam relawan (termasuk pendamping)": 0,
      "Orang dijangkau": 0,
      "KK dijangkau": 0,
    });

    const utara = await readWorkbook(await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters(), { districtCodes: [D04] }));
    expect(utara.rows.slice(1).map((r) => r[0])).toEqual([calendarDate(2031, 6, 7), calendarDate(2031, 6, 9)]);
  });

  it("through the route: the board gets the chapter, a Koordinator Kecamatan their kecamatan only, a volunteer 403", async () => {
    const query = "?from=2031-06-01&to=2031-06-30";
    const ketuaResponse = (await run(exportLoader, getRequest(`/activities/export.xlsx${query}`, await signIn(ketua.email)))) as Response;
    expect(ketuaResponse.status).toBe(200);
    expect(ketuaResponse.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // the file name as fileResponse writes it (quoted only when it needs quotes)
    expect(parseDisposition(ketuaResponse.headers.get("Content-Disposition")!)).toEqual({
      type: "attachment",
      parameters: { filename: `kegiatan-${ctx.code.toLowerCase()}-2031-06-01-2031-06-30.xlsx` },
    });
    const board = await readWorkbook(await ketuaResponse.arrayBuffer());
    expect(board.rows).toHaveLength(1 + 4);

    const kkCookie = await signIn(kk04.email);
    const kkResponse = (await run(exportLoader, getRequest(`/activities/export.xlsx${query}`, kkCookie))) as Response;
    expect(kkResponse.status).toBe(200);
    const scoped = await readWorkbook(await kkResponse.arrayBuffer());
    expect(scoped.rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      [calendarDate(2031, 6, 7), "Pontianak Utara", "Siantan Hulu"],
      [calendarDate(2031, 6, 9), "Pontianak Utara", "Siantan Hulu"],
    ]);
    expect(summaryOf(scoped)).toMatchObject({ "Jumlah kegiatan": 2, "Orang dijangkau": 7, "KK dijangkau": 2 });
    // Asking for another kecamatan narrows to nothing, never widens.
    const widened = (await run(exportLoader, getRequest(`/activities/export.xlsx${query}&kecamatan=${D01}`, kkCookie))) as Response;
    const none = await readWorkbook(await widened.arrayBuffer());
    expect(none.rows).toEqual([HEADER]);
    expect(summaryOf(none)).toMatchObject({ "Jumlah kegiatan": 0 });

    expect(statusOf(await run(exportLoader, getRequest(`/activities/export.xlsx${query}`, await signIn(plain.email))))).toBe(403);
    expect(statusOf(await run(exportLoader, getRequest(`/activities/export.xlsx${query}`, await signIn(p.email))))).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------
// Defects found while writing these tests, now fixed; the tests keep them fixed.

describe("defects found and fixed", () => {
  // follow-ups.server.ts says "an update comes from a later activity (same day or after)", and
  // checkFollowUps enforces it for the updating activity, but nothing checks the opening
  // activity: moving its date after an update leaves a history older than its opening.
  it("refuses moving the opening activity's date after an activity that already updated its follow-up", async () => {
    const ctx = await activityChapter();
    const vol = await volunteer(ctx.id);
    const { activityId: a1, followUpId: f } = await opening(ctx, vol, { date: "2031-06-03" }, { submit: false });
    await loggedFor(ctx, vol, { date: "2031-06-04" }, { followUpUpdate: moveOn(f, "proses") });
    const result = await editFor(ctx, vol, a1, { date: "2031-06-12" }, { followUp: referral(), submit: false });
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ fieldErrors: { date: expect.stringContaining("Tanggal kegiatan pembuka tidak boleh sesudahnya") } });
    expect((await db.activity.findUniqueOrThrow({ where: { id: a1 } })).date).toEqual(calendarDate(2031, 6, 3));
  });

  // The export names kecamatan from the regions *under* the chapter's region; for a
  // kecamatan-level chapter (regionCode "61.71.01") its own kecamatan is not among
  // them, so the Kecamatan column shows the code "61.71.01" instead of "Pontianak Selatan".
  it("names the kecamatan in the export of a kecamatan-level chapter", async () => {
    const ctx = await activityChapter({ level: "kecamatan", regionCode: D01 });
    await loggedFor(ctx, await volunteer(ctx.id), { date: "2031-06-10", villageCode: V1002 });
    const exporter = (await boardMember(ctx.id, "ketua")).userId;
    const book = await readWorkbook(await activitiesXlsx({ chapterId: ctx.id, actorId: exporter }, filters()));
    expect(book.rows).toHaveLength(2);
    expect(book.rows[1]![2]).toBe("Pontianak Selatan");
  });

  // listChapterVillages offers a kelurahan-level chapter its own kelurahan (code equal to the
  // chapter's regionCode), but checkActivity only accepts codes *under* the regionCode, so such a
  // chapter cannot log any activity at all.
  it("lets a kelurahan-level chapter log an activity in its own kelurahan", async () => {
    const ctx = await activityChapter({ level: "kelurahan", regionCode: V1002 });
    const result = await logFor(ctx, await volunteer(ctx.id), { date: "2031-06-10", villageCode: V1002 });
    expect(result).toMatchObject({ ok: true });
  });

  it("keeps an update in the edit form after a later activity closed the follow-up, and saving keeps it", async () => {
    const ctx = await activityChapter();
    const vol = await volunteer(ctx.id);
    const { followUpId: f } = await opening(ctx, vol, { date: "2031-06-03" });
    const a2 = await loggedFor(ctx, vol, { date: "2031-06-04" }, { followUpUpdate: moveOn(f, "proses"), submit: false });
    await loggedFor(ctx, vol, { date: "2031-06-05" }, { followUpUpdate: moveOn(f, "selesai") });
    const choices = await followUpChoices(vol, a2);
    expect(choices.map((c) => c.id)).toContain(f);
    const result = await editFor(
      ctx,
      vol,
      a2,
      { date: "2031-06-04", narrative: "diubah" },
      { followUpUpdate: moveOn(f, "proses"), submit: false },
    );
    expect(result).toMatchObject({ ok: true });
    expect(await db.followUpUpdate.count({ where: { followUpId: f } })).toBe(2);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: f } })).status).toBe("selesai");
  });

  it("treats names that differ only in capitals as the same", async () => {
    const ctx = await activityChapter();
    const ketua = await boardMember(ctx.id, "ketua");
    const result = await addCatalogueEntry(ketua, "category", {
      name: "fakir miskin",
      forChildren: false,
    });
    expect(result).toEqual({ ok: false, refusal: "invalid", fieldErrors: { name: "Nama ini sudah ada." } });
  });
});
