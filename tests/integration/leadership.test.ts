// Leadership against the real database: periods, positions, holdings and replacements (PAW),
// and how board rights follow the positions held (getSessionUser -> permissionsFor), so that a
// right ends the moment its holding, its period or the member's active status does.
//
// Two kinds of timeline: "real" tests use today in Asia/Jakarta (calendarToday) because that is
// what a live session sees; "simulated" tests put their periods in 2031+ and pass `now`.
import { beforeAll, describe, expect, it } from "vitest";
import { addHolding } from "~/domain/leadership/holdings.server";
import { memberPositionHistory } from "~/domain/leadership/leadership.server";
import {
  activatePeriod,
  archivePastPeriod,
  createPeriod,
  endPeriodEarly,
  getActivePeriod,
  getPeriod,
  listPeriods,
  periodHistory,
  updatePeriod,
} from "~/domain/leadership/periods.server";
import { createPosition, listChapterDistricts, setPositionActive } from "~/domain/leadership/positions.server";
import { conflict, invalid, notFound } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { changeMemberStatus } from "~/domain/members/members.server";
import { loader as newMemberLoader } from "~/routes/members.new";
import { action as loginAction } from "~/routes/login";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { getSessionUser } from "~/domain/accounts/accounts.server";
import { hasPermission } from "~/utils/permissions";
import { parseCalendarDate, toDateInput } from "~/validation/fields";
import { holdingFormSchema, positionFormSchema } from "~/validation/leadership";
import { buildBoardUser, buildChapter, buildUser } from "../factories";
import { boardBuilders } from "../factories/leadership";
import { actorWith } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { wib } from "../support/timeline";
import { cookiesFrom, getRequest, postForm, run, statusOf } from "../support/requests";

const TZ = "Asia/Jakarta";
const NOW = new Date();
const TODAY = calendarToday(TZ, NOW);
const YESTERDAY = addDays(TODAY, -1);

const iso = (date: Date) => toDateInput(date);
const day = (value: string) => parseCalendarDate(value)!;
let actorId: string;
/** The administrator acting in a chapter (the account lives in the home chapter: audits name it). */
const adminIn = (chapterId: string) => actorWith({ chapterId, role: "admin", userId: actorId });

beforeAll(async () => {
  const home = await buildChapter({ code: "LDA", name: "IPSM Pusat Uji" });
  actorId = (await buildUser({ chapterId: home.id, role: "admin", name: "Admin Kepengurusan" })).id;
});

const {
  newChapter,
  positionOf,
  member,
  periodData,
  holdingData,
  newPeriod,
  appointRaw,
  appoint,
  activate,
  replace,
  end,
  holding,
  draftBoard,
  memberWithSession,
  sessionOf,
  current,
  permissionsOf,
  liveBoard,
} = boardBuilders(adminIn);

const parsed = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

// ---------------------------------------------------------------------------------------------
// Periods

describe("periods: drafts, dates that never overlap", () => {
  it("creates a period as a draft and audits it", async () => {
    const chapterId = await newChapter();
    const periodId = await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode 2031-2035");
    const stored = await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(stored).toMatchObject({ status: "draft", startDate: day("2031-01-01"), endDate: day("2035-12-31"), activatedAt: null });
    expect((await listPeriods(adminIn(chapterId))).map((p) => [p.name, p.status, p.holdingCount])).toEqual([
      ["Periode 2031-2035", "draft", 0],
    ]);
    const history = await periodHistory(adminIn(chapterId), periodId);
    expect(history.map((h) => h.action)).toEqual(["leadership.period.create"]);
    expect(history[0]!.actor?.name).toBe("Admin Kepengurusan");
    expect(parsed(history[0]!.after)).toMatchObject({ name: "Periode 2031-2035", status: "draft" });
    expect(await getActivePeriod(adminIn(chapterId))).toBeNull();
  });

  it("refuses to create a period sharing even one day with another, on startDate, naming it", async () => {
    const chapterId = await newChapter();
    await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode 2031-2035");
    const message =
      "Tanggal ini bertumpang tindih dengan Periode 2031-2035 (1 Januari 2031 s.d. 31 Desember 2035). Periode kepengurusan tidak boleh bertumpang tindih.";

    const lastDayShared = await createPeriod(adminIn(chapterId), periodData("2035-12-31", "2040-12-30"));
    expect(expectInvalid(lastDayShared)).toEqual({ startDate: message });
    const firstDayShared = await createPeriod(adminIn(chapterId), periodData("2026-01-01", "2031-01-01"));
    expect(expectInvalid(firstDayShared)).toEqual({ startDate: message });
    const enclosing = await createPeriod(adminIn(chapterId), periodData("2029-01-01", "2040-01-01"));
    expect(expectInvalid(enclosing)).toEqual({ startDate: message });
    const inside = await createPeriod(adminIn(chapterId), periodData("2032-01-01", "2033-01-01"));
    expect(expectInvalid(inside)).toEqual({ startDate: message });

    // the day after it ends is free, and another chapter's dates never conflict
    await newPeriod(chapterId, "2036-01-01", "2040-12-31");
    const other = await newChapter();
    await newPeriod(other, "2031-01-01", "2035-12-31");
    expect(await db.leadershipPeriod.count({ where: { chapterId } })).toBe(2);
    expect(await db.auditLog.count({ where: { chapterId, action: "leadership.period.create" } })).toBe(2);
  });

  it("refuses an update that would overlap another period, keeps the old dates, and saves a correction", async () => {
    const chapterId = await newChapter();
    await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode 2031-2035");
    const next = await newPeriod(chapterId, "2036-01-01", "2040-12-31", "Periode 2036-2040");

    const overlapping = await updatePeriod(adminIn(chapterId), next, periodData("2035-06-01", "2040-12-31", "Periode 2036-2040"));
    expect(expectInvalid(overlapping).startDate).toMatch(/^Tanggal ini bertumpang tindih dengan Periode 2031-2035 \(1 Januari 2031/);
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ startDate: day("2036-01-01") });

    // moving within its own dates never counts as overlapping itself
    const corrected = await updatePeriod(adminIn(chapterId), next, periodData("2036-02-01", "2041-01-31", "Periode 2036-2041"));
    expect(expectOk(corrected).id).toBe(next);
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: next } })).toMatchObject({
      name: "Periode 2036-2041",
      startDate: day("2036-02-01"),
      endDate: day("2041-01-31"),
      status: "draft",
    });
    const [entry] = await periodHistory(adminIn(chapterId), next);
    expect(entry!.action).toBe("leadership.period.update");
    expect(parsed(entry!.before)).toMatchObject({ name: "Periode 2036-2040" });
    expect(parsed(entry!.after)).toMatchObject({ name: "Periode 2036-2041" });

    const elsewhere = await newChapter();
    expectRefusal(await updatePeriod(adminIn(elsewhere), next, periodData("2050-01-01", "2051-01-01")), "notFound");
  });

  it("refuses new dates that would leave a holding outside the period", async () => {
    const { chapterId, periodId } = await draftBoard();
    await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ahmad Ketua"), "2031-01-01", "2034-12-31");
    const message = "Ada jabatan yang tercatat di luar tanggal ini. Sesuaikan jabatan tersebut terlebih dahulu.";
    const laterStart = await updatePeriod(adminIn(chapterId), periodId, periodData("2031-02-01", "2035-12-31"));
    expect(expectInvalid(laterStart)).toEqual({ startDate: message });
    const earlierEnd = await updatePeriod(adminIn(chapterId), periodId, periodData("2031-01-01", "2034-06-30"));
    expect(expectInvalid(earlierEnd)).toEqual({ startDate: message });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({
      startDate: day("2031-01-01"),
      endDate: day("2035-12-31"),
    });
    // still holding every position: fine
    expectOk(await updatePeriod(adminIn(chapterId), periodId, periodData("2030-07-01", "2034-12-31")));
  });
});

describe("activating, archiving and ending periods", () => {
  it("refuses a period not started yet (Jakarta's date), without a Ketua that day, or not a draft", async () => {
    const { chapterId, periodId } = await draftBoard();
    const call = (now: Date) => activatePeriod(adminIn(chapterId), periodId, now);

    // 2031-01-01 00:30 WIB is still 2030-12-31 in UTC, and already the first day in Jakarta
    expect(await call(wib("2030-12-31", "23:59"))).toEqual(conflict(t("leadership.error.notStarted")));
    expect(await call(wib("2031-01-15"))).toEqual(conflict(t("leadership.error.noKetua")));

    await appoint(chapterId, periodId, "sekretaris", await member(chapterId, "Siti Sekretaris"), "2031-01-01");
    const ketua = await member(chapterId, "Ahmad Ketua");
    await appoint(chapterId, periodId, "ketua", ketua, "2031-02-01");
    expect(await call(wib("2031-01-31", "23:59"))).toEqual(conflict(t("leadership.error.noKetua")));
    // a Ketua who is no longer an active member would hold no rights: not a Ketua
    await db.member.update({ where: { id: ketua }, data: { status: "nonaktif" } });
    expect(await call(wib("2031-02-01", "00:30"))).toEqual(conflict(t("leadership.error.noKetua")));
    await db.member.update({ where: { id: ketua }, data: { status: "aktif" } });

    const activatedAt = wib("2031-02-01", "00:30");
    expect(await call(activatedAt)).toEqual({ ok: true, name: "Periode 2031-2035", previous: null });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({ status: "active", activatedAt });
    expect(await getActivePeriod(adminIn(chapterId))).toMatchObject({ id: periodId });
    expect(await call(wib("2031-03-01"))).toEqual(conflict(t("leadership.error.notDraft")));
    expect((await periodHistory(adminIn(chapterId), periodId))[0]!.action).toBe("leadership.period.activate");

    const elsewhere = await newChapter();
    expect(await activatePeriod(adminIn(elsewhere), periodId, wib("2031-03-01"))).toEqual(notFound(t("leadership.error.notFound")));
  });

  it("refuses to activate a draft that is already over", async () => {
    const chapterId = await newChapter();
    const past = await newPeriod(chapterId, "2020-01-01", "2024-12-31");
    await appoint(chapterId, past, "ketua", await member(chapterId, "Ketua Lama"), "2020-01-01");
    expect(await activatePeriod(adminIn(chapterId), past, wib("2025-01-01", "00:01"))).toEqual(conflict(t("leadership.error.alreadyOver")));
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: past } })).status).toBe("draft");
  });

  it("keeps exactly one active period: activating the next one ends the previous one, audited", async () => {
    const chapterId = await newChapter();
    const first = await newPeriod(chapterId, "2031-01-01", "2032-12-31", "Periode Pertama");
    await appoint(chapterId, first, "ketua", await member(chapterId, "Ketua Pertama"), "2031-01-01");
    await activate(chapterId, first, wib("2031-01-02"));
    const second = await newPeriod(chapterId, "2033-01-01", "2037-12-31", "Periode Kedua");
    await appoint(chapterId, second, "ketua", await member(chapterId, "Ketua Kedua"), "2033-01-01");

    const switchedAt = wib("2033-01-01", "10:00");
    expect(await activatePeriod(adminIn(chapterId), second, switchedAt)).toEqual({
      ok: true,
      name: "Periode Kedua",
      previous: "Periode Pertama",
    });
    const periods = await db.leadershipPeriod.findMany({ where: { chapterId }, select: { id: true, status: true, endedAt: true } });
    expect(periods.filter((p) => p.status === "active").map((p) => p.id)).toEqual([second]);
    expect(periods.find((p) => p.id === first)).toMatchObject({ status: "ended", endedAt: switchedAt });
    expect((await getActivePeriod(adminIn(chapterId)))?.id).toBe(second);

    const ended = (await periodHistory(adminIn(chapterId), first)).find((h) => h.action === "leadership.period.end");
    // it had already run its course: its dates stay as they were
    expect(parsed(ended!.after)).toEqual({ status: "ended", succeededBy: second, endDate: "2032-12-31T00:00:00.000Z" });
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: first } })).endDate).toEqual(day("2032-12-31"));
    const activated = (await periodHistory(adminIn(chapterId), second)).find((h) => h.action === "leadership.period.activate");
    expect(parsed(activated!.after)).toEqual({ status: "active", previousPeriodId: first });
  });

  it("a draft may be prepared over the active term's tail, only as its successor; other overlaps stay refused", async () => {
    const chapterId = await newChapter();
    const active = await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode Berjalan");
    const refusedDraft = await createPeriod(adminIn(chapterId), periodData("2034-01-01", "2038-12-31"));
    expect(expectInvalid(refusedDraft).startDate).toMatch(/^Tanggal ini bertumpang tindih dengan Periode Berjalan/); // both drafts
    await appoint(chapterId, active, "ketua", await member(chapterId, "Ketua Berjalan"), "2031-01-01");
    await activate(chapterId, active, wib("2031-01-01"));

    // starting later than the active term: the next board, prepared while the current one serves
    const next = await newPeriod(chapterId, "2034-01-01", "2038-12-31", "Periode Berikut");
    // starting on the active term's first day (or before) is not a successor
    const sameStart = await createPeriod(adminIn(chapterId), periodData("2031-01-01", "2031-12-31"));
    expect(expectInvalid(sameStart).startDate).toMatch(/^Tanggal ini bertumpang tindih dengan Periode Berjalan/);
    // a second draft over the first draft is refused
    const overDraft = await createPeriod(adminIn(chapterId), periodData("2036-01-01", "2039-12-31"));
    expect(expectInvalid(overDraft).startDate).toMatch(/^Tanggal ini bertumpang tindih dengan Periode Berikut/);
    expect(await db.leadershipPeriod.count({ where: { chapterId } })).toBe(2);
    // the active term may still be corrected while its successor waits
    expectOk(await updatePeriod(adminIn(chapterId), active, periodData("2031-01-01", "2035-06-30", "Periode Berjalan")));
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: next } })).status).toBe("draft");
  });

  it("activating the successor cuts the active term and its open holdings to the day before, unless a holding starts later", async () => {
    const chapterId = await newChapter();
    const current = await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode Lama");
    const oldKetua = await appoint(chapterId, current, "ketua", await member(chapterId, "Ketua Lama"), "2031-01-01");
    const shortBendahara = await appoint(
      chapterId,
      current,
      "bendahara",
      await member(chapterId, "Bendahara Lama"),
      "2031-01-01",
      "2032-12-31",
    );
    await activate(chapterId, current, wib("2031-01-01"));
    const lateWakil = await appoint(chapterId, current, "wakil_ketua", await member(chapterId, "Wakil Telat"), "2034-02-01");

    const next = await newPeriod(chapterId, "2034-01-01", "2038-12-31", "Periode Baru");
    await appoint(chapterId, next, "ketua", await member(chapterId, "Ketua Baru"), "2034-01-01");
    const switchAt = wib("2034-01-01", "10:00");
    expect(await activatePeriod(adminIn(chapterId), next, switchAt)).toEqual(conflict(t("leadership.error.holdingsAfterEnd")));
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: current } })).toMatchObject({
      status: "active",
      endDate: day("2035-12-31"),
    });
    expect((await holding(oldKetua)).endDate).toBeNull();
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: next } })).status).toBe("draft");

    await db.positionHolding.delete({ where: { id: lateWakil } });
    expect(await activatePeriod(adminIn(chapterId), next, switchAt)).toEqual({
      ok: true,
      name: "Periode Baru",
      previous: "Periode Lama",
    });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: current } })).toMatchObject({
      status: "ended",
      endedAt: switchAt,
      endDate: day("2033-12-31"),
    });
    expect((await holding(oldKetua)).endDate).toEqual(day("2033-12-31"));
    expect((await holding(shortBendahara)).endDate).toEqual(day("2032-12-31"));
    const ended = (await periodHistory(adminIn(chapterId), current)).find((h) => h.action === "leadership.period.end");
    expect(parsed(ended!.after)).toEqual({ status: "ended", succeededBy: next, endDate: "2033-12-31T00:00:00.000Z" });
    // recorded terms no longer overlap
    const terms = await db.leadershipPeriod.findMany({
      where: { chapterId },
      orderBy: { startDate: "asc" },
      select: { startDate: true, endDate: true },
    });
    expect(terms[0]!.endDate < terms[1]!.startDate).toBe(true);
  });

  // A successor draft may overlap the active term's tail; ending the active term early on a last
  // day inside the draft's dates (and already past) would record two overlapping terms: refused.
  it("ending the active term early keeps its successor draft editable and the terms apart", async () => {
    const chapterId = await newChapter();
    const active = await newPeriod(chapterId, "2031-01-01", "2035-12-31", "Periode Berjalan");
    await appoint(chapterId, active, "ketua", await member(chapterId, "Ketua Berjalan"), "2031-01-01");
    await activate(chapterId, active, wib("2031-01-01"));
    const next = await newPeriod(chapterId, "2034-01-01", "2038-12-31", "Periode Berikut");

    const result = await endPeriodEarly(adminIn(chapterId), active, { endDate: "2034-02-28", note: "Muslub" }, wib("2034-03-01"));
    if (result.ok) {
      const ended = await db.leadershipPeriod.findUniqueOrThrow({ where: { id: active } });
      expect(ended.endDate < day("2034-01-01")).toBe(true);
    }
    expectOk(await updatePeriod(adminIn(chapterId), next, periodData("2034-01-01", "2038-12-31", "Periode Berikut")));
  });

  it("archives only a draft that lies wholly in the past", async () => {
    const chapterId = await newChapter();
    const past = await newPeriod(chapterId, "2020-01-01", "2024-12-31");
    const archive = (periodId: string, now: Date) => archivePastPeriod(adminIn(chapterId), periodId, now);

    expect(await archive(past, wib("2024-12-31", "23:59"))).toEqual(conflict(t("leadership.error.notOver")));
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: past } })).status).toBe("draft");
    const archivedAt = wib("2025-01-01", "00:00");
    expect(await archive(past, archivedAt)).toEqual({ ok: true });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: past } })).toMatchObject({ status: "ended", endedAt: archivedAt });
    expect((await periodHistory(adminIn(chapterId), past))[0]!.action).toBe("leadership.period.archive");
    expect(await archive(past, wib("2026-01-01"))).toEqual(conflict(t("leadership.error.notDraft")));

    const running = await newPeriod(chapterId, "2031-01-01", "2035-12-31");
    await appoint(chapterId, running, "ketua", await member(chapterId, "Ketua Kini"), "2031-01-01");
    await activate(chapterId, running, wib("2031-01-01"));
    expect(await archive(running, wib("2040-01-01"))).toEqual(conflict(t("leadership.error.notDraft")));
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: running } })).status).toBe("active");
  });

  it("ends a period early: refusals change nothing; open holdings are clamped to the last day; ended once it is past", async () => {
    const { chapterId, periodId } = await draftBoard();
    const ketua = await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ketua Awal"), "2031-01-01");
    const sekretaris = await appoint(
      chapterId,
      periodId,
      "sekretaris",
      await member(chapterId, "Sekretaris Awal"),
      "2031-01-01",
      "2033-12-31",
    );
    const bendahara = await appoint(
      chapterId,
      periodId,
      "bendahara",
      await member(chapterId, "Bendahara Awal"),
      "2031-01-01",
      "2031-06-30",
    );
    const wakil = await appoint(chapterId, periodId, "wakil_ketua", await member(chapterId, "Wakil Baru"), "2032-01-01");
    const endEarly = (endDate: string, now: Date) =>
      endPeriodEarly(adminIn(chapterId), periodId, { endDate: endDate, note: "Musyawarah luar biasa" }, now);

    expect(await endEarly("2032-06-30", wib("2031-06-01"))).toEqual(
      conflict(t("leadership.error.notActive"), { endDate: t("leadership.error.notActive") }),
    );
    await activate(chapterId, periodId, wib("2031-01-01"));
    expect(await endEarly("2036-01-01", wib("2031-06-01"))).toEqual(invalid({ endDate: t("leadership.error.endOutside") }));
    expect(await endEarly("2030-12-31", wib("2031-06-01"))).toEqual(invalid({ endDate: t("leadership.error.endOutside") }));
    expect(await endEarly("2031-12-31", wib("2031-06-01"))).toEqual(
      conflict(t("leadership.error.holdingsAfterEnd"), { endDate: t("leadership.error.holdingsAfterEnd") }),
    );
    expect((await holding(ketua)).endDate).toBeNull();
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).endDate).toEqual(day("2035-12-31"));

    // the last day is today: the period stays active through it
    expect(await endEarly("2032-06-30", wib("2032-06-30", "08:00"))).toEqual({ ok: true, ended: false });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({
      status: "active",
      endDate: day("2032-06-30"),
    });
    expect((await holding(ketua)).endDate).toEqual(day("2032-06-30"));
    expect((await holding(sekretaris)).endDate).toEqual(day("2032-06-30"));
    expect((await holding(wakil)).endDate).toEqual(day("2032-06-30"));
    expect((await holding(bendahara)).endDate).toEqual(day("2031-06-30"));

    // a last day already past: the period ends now
    const endedAt = wib("2032-06-15");
    expect(await endEarly("2032-03-31", endedAt)).toEqual({ ok: true, ended: true });
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({
      status: "ended",
      endedAt,
      endDate: day("2032-03-31"),
    });
    expect((await holding(ketua)).endDate).toEqual(day("2032-03-31"));
    expect((await holding(bendahara)).endDate).toEqual(day("2031-06-30"));
    expect(await getActivePeriod(adminIn(chapterId))).toBeNull();
    const [entry] = await periodHistory(adminIn(chapterId), periodId);
    expect(entry!.action).toBe("leadership.period.end");
    expect(parsed(entry!.after)).toMatchObject({ status: "ended", note: "Musyawarah luar biasa" });
  });
});

// ---------------------------------------------------------------------------------------------
// Holdings

describe("who may hold a position, and when", () => {
  it("only an active member of the chapter (field memberId), and nothing is stored otherwise", async () => {
    const { chapterId, periodId } = await draftBoard();
    const ketuaId = await positionOf(chapterId, "ketua");
    const inactive = await member(chapterId, "Rudi Nonaktif", "nonaktif");
    const candidate = await member(chapterId, "Calon Anggota", "calon");
    const foreign = await member(await newChapter(), "Anggota Tetangga");

    expect(expectInvalid(await appointRaw(chapterId, periodId, ketuaId, inactive, "2031-01-01"))).toEqual({
      memberId: "Rudi Nonaktif bukan anggota aktif. Jabatan hanya dapat dipegang anggota berstatus aktif.",
    });
    expect(expectInvalid(await appointRaw(chapterId, periodId, ketuaId, candidate, "2031-01-01")).memberId).toMatch(
      /^Calon Anggota bukan anggota aktif/,
    );
    expect(expectInvalid(await appointRaw(chapterId, periodId, ketuaId, foreign, "2031-01-01"))).toEqual({
      memberId: "Pemegang jabatan harus anggota cabang ini.",
    });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: periodId, action: "leadership.holding.create" } })).toBe(0);

    const holdingId = await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ahmad Aktif"), "2031-01-01");
    const [entry] = await periodHistory(adminIn(chapterId), periodId);
    expect(entry!.action).toBe("leadership.holding.create");
    expect(parsed(entry!.after)).toMatchObject({ holdingId, position: "Ketua", member: "Ahmad Aktif" });
  });

  it("only inside the period's dates, never ending before it starts, and only in an active position", async () => {
    const { chapterId, periodId } = await draftBoard();
    const positionId = await positionOf(chapterId, "wakil_ketua");
    const memberId = await member(chapterId, "Budi Wakil");
    const outside = "Tanggal harus di dalam masa bakti periode (1 Januari 2031 s.d. 31 Desember 2035).";

    expect(expectInvalid(await appointRaw(chapterId, periodId, positionId, memberId, "2030-12-31"))).toEqual({ startDate: outside });
    expect(expectInvalid(await appointRaw(chapterId, periodId, positionId, memberId, "2036-01-02"))).toEqual({ startDate: outside });
    expect(expectInvalid(await appointRaw(chapterId, periodId, positionId, memberId, "2031-01-01", "2036-01-01"))).toEqual({
      endDate: outside,
    });

    // the form refuses an end before the start; the domain does too when the form is bypassed
    const form = holdingFormSchema.safeParse({ positionId, memberId, startDate: "2032-05-01", endDate: "2032-04-30" });
    expect(form.success).toBe(false);
    expect(form.error?.issues.map((i) => i.path.join("."))).toEqual(["endDate"]);
    const bypassed = await addHolding(adminIn(chapterId), periodId, {
      ...holdingData(positionId, memberId, "2032-05-01"),
      endDate: "2032-04-30",
    });
    expect(expectInvalid(bypassed)).toEqual({ endDate: "Tanggal berakhir tidak boleh sebelum tanggal mulai." });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(0);

    // the whole period, both ends inclusive
    const whole = expectOk(await appointRaw(chapterId, periodId, positionId, memberId, "2031-01-01", "2035-12-31")).id;
    expect(await holding(whole)).toMatchObject({ startDate: day("2031-01-01"), endDate: day("2035-12-31") });

    // a position hidden from new appointments
    const humas = await db.boardPosition.findFirstOrThrow({
      where: { chapterId, title: "Koordinator Bidang Humas" },
      select: { id: true },
    });
    await setPositionActive(adminIn(chapterId), humas.id, false);
    expect(expectInvalid(await appointRaw(chapterId, periodId, humas.id, memberId, "2031-01-01"))).toEqual({
      positionId: "Pilih jabatan dari daftar.",
    });
  });

  it("one Ketua at a time: a second one is refused, naming the current holder; a successor may follow", async () => {
    const { chapterId, periodId } = await draftBoard();
    const ketuaId = await positionOf(chapterId, "ketua");
    await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ahmad Pertama"), "2031-01-01", "2032-12-31");
    const second = await member(chapterId, "Budi Kedua");

    expect(expectInvalid(await appointRaw(chapterId, periodId, ketuaId, second, "2032-06-01"))).toEqual({
      memberId: "Jabatan Ketua sudah dipegang Ahmad Pertama pada tanggal tersebut. Gunakan pergantian antarwaktu (PAW) untuk menggantinya.",
    });
    // sharing only the last day is already a second Ketua
    expect(expectInvalid(await appointRaw(chapterId, periodId, ketuaId, second, "2032-12-31")).memberId).toMatch(
      /sudah dipegang Ahmad Pertama/,
    );
    // an earlier term that ends before the first holder starts is not possible here, so: after
    const successor = await appoint(chapterId, periodId, "ketua", second, "2033-01-01");
    expect(await holding(successor)).toMatchObject({ startDate: day("2033-01-01"), endDate: null });

    // an open holding runs to the period's end: nobody else holds Sekretaris on its last day
    const sekretarisId = await positionOf(chapterId, "sekretaris");
    await appoint(chapterId, periodId, "sekretaris", await member(chapterId, "Siti Sekretaris"), "2031-01-01");
    expect(expectInvalid(await appointRaw(chapterId, periodId, sekretarisId, await member(chapterId, "Dewi Lain"), "2035-12-31"))).toEqual({
      memberId:
        "Jabatan Sekretaris sudah dipegang Siti Sekretaris pada tanggal tersebut. Gunakan pergantian antarwaktu (PAW) untuk menggantinya.",
    });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(3);
  });

  it("a position that is not single-holder takes several holders, but never the same member twice at once", async () => {
    const { chapterId, periodId } = await draftBoard();
    const anggotaId = await positionOf(chapterId, "anggota_pengurus");
    const a = await member(chapterId, "Agus Anggota");
    await appoint(chapterId, periodId, "anggota_pengurus", a, "2031-01-01");
    await appoint(chapterId, periodId, "anggota_pengurus", await member(chapterId, "Rina Anggota"), "2031-01-01");
    expect(expectInvalid(await appointRaw(chapterId, periodId, anggotaId, a, "2033-01-01"))).toEqual({
      memberId: "Agus Anggota sudah memegang jabatan Anggota Pengurus pada tanggal tersebut.",
    });
    expect(await db.positionHolding.count({ where: { periodId, positionId: anggotaId } })).toBe(2);
  });

  it("a member never holds two single-holder positions at once, but may hold them one after another", async () => {
    const { chapterId, periodId } = await draftBoard();
    const bendaharaId = await positionOf(chapterId, "bendahara");
    const a = await member(chapterId, "Hendra Rangkap");
    const ketua = await appoint(chapterId, periodId, "ketua", a, "2031-01-01", "2032-12-31");

    expect(expectInvalid(await appointRaw(chapterId, periodId, bendaharaId, a, "2032-01-01"))).toEqual({
      memberId:
        "Hendra Rangkap sudah menjabat Ketua. Seorang anggota tidak boleh merangkap dua jabatan inti (Ketua, Sekretaris, Bendahara) sekaligus.",
    });
    expect(
      expectInvalid(await appointRaw(chapterId, periodId, await positionOf(chapterId, "sekretaris"), a, "2031-01-01")).memberId,
    ).toMatch(/^Hendra Rangkap sudah menjabat Ketua\./);
    const bendahara = expectOk(await appointRaw(chapterId, periodId, bendaharaId, a, "2033-01-01")).id;
    // a position that is not single-holder may be held beside a core one
    const koordinator = await appoint(chapterId, periodId, "koordinator_bidang", a, "2031-02-01");

    const history = await memberPositionHistory(chapterId, a);
    expect(history.map((h) => [h.id, h.position, iso(h.startDate), iso(h.endDate)])).toEqual([
      [bendahara, "Bendahara", "2033-01-01", "2035-12-31"],
      [koordinator, "Koordinator Bidang Pendataan", "2031-02-01", "2035-12-31"],
      [ketua, "Ketua", "2031-01-01", "2032-12-31"],
    ]);
  });

  it("endHolding: refuses a last day before the start or after the holding's end, and another chapter's holding", async () => {
    const { chapterId, periodId } = await draftBoard();
    const holdingId = await appoint(
      chapterId,
      periodId,
      "bendahara",
      await member(chapterId, "Wati Bendahara"),
      "2031-03-01",
      "2034-12-31",
    );

    expect(expectInvalid(await end(chapterId, holdingId, "2031-02-28"))).toEqual({
      endDate: "Tanggal berakhir tidak boleh sebelum tanggal mulai.",
    });
    expect(expectInvalid(await end(chapterId, holdingId, "2035-01-01"))).toEqual({
      endDate: "Hari terakhir tidak boleh setelah 31 Desember 2034.",
    });
    expectRefusal(await end(await newChapter(), holdingId, "2032-01-01"), "notFound");
    expect((await holding(holdingId)).endDate).toEqual(day("2034-12-31"));

    expect(await end(chapterId, holdingId, "2031-03-01", "meninggal")).toEqual({
      ok: true,
      periodId,
      memberName: "Wati Bendahara",
      positionTitle: "Bendahara",
    });
    expect(await holding(holdingId)).toMatchObject({ endDate: day("2031-03-01"), endReason: "meninggal" });
    const [entry] = await periodHistory(adminIn(chapterId), periodId);
    expect(entry!.action).toBe("leadership.holding.end");
    expect(parsed(entry!.after)).toMatchObject({ holdingId, endReason: "meninggal" });
  });
});

describe("mid-term replacement (PAW)", () => {
  it("ends the old holding the day before, links the new one back; both stay in history and it is audited", async () => {
    const { chapterId, periodId } = await draftBoard();
    const oldMember = await member(chapterId, "Siti Lama");
    const newMember = await member(chapterId, "Dewi Pengganti");
    const oldId = await appoint(chapterId, periodId, "sekretaris", oldMember, "2031-01-01");

    const result = expectOk(
      await replace(chapterId, oldId, newMember, "2033-03-15", { skNumber: "SK-PAW/01", skDate: "2033-03-01", endNote: "Pindah tugas" }),
    );
    expect(result.periodId).toBe(periodId);
    expect(await holding(oldId)).toMatchObject({ endDate: day("2033-03-14"), endReason: "paw", endNote: "Pindah tugas", replacesId: null });
    expect(await holding(result.id)).toMatchObject({
      memberId: newMember,
      startDate: day("2033-03-15"),
      endDate: null,
      replacesId: oldId,
      skNumber: "SK-PAW/01",
    });

    const { period } = expectOk(await getPeriod(adminIn(chapterId), periodId));
    expect(period.holdings.map((h) => [h.member.fullName, iso(h.startDate), h.endDate && iso(h.endDate), h.replacesId])).toEqual([
      ["Siti Lama", "2031-01-01", "2033-03-14", null],
      ["Dewi Pengganti", "2033-03-15", null, oldId],
    ]);
    expect(await memberPositionHistory(chapterId, oldMember)).toMatchObject([
      { id: oldId, position: "Sekretaris", endDate: day("2033-03-14"), endReason: "paw" },
    ]);
    expect(await memberPositionHistory(chapterId, newMember)).toMatchObject([
      { id: result.id, position: "Sekretaris", startDate: day("2033-03-15"), endDate: day("2035-12-31"), skNumber: "SK-PAW/01" },
    ]);

    const [entry] = await periodHistory(adminIn(chapterId), periodId);
    expect(entry!.action).toBe("leadership.holding.replace");
    expect(parsed(entry!.before)).toMatchObject({ holdingId: oldId, member: "Siti Lama", endDate: null });
    expect(parsed(entry!.after)).toMatchObject({
      endedHolding: { holdingId: oldId, endDate: "2033-03-14T00:00:00.000Z", endReason: "paw" },
      newHolding: { holdingId: result.id, member: "Dewi Pengganti", memberId: newMember, startDate: "2033-03-15T00:00:00.000Z" },
    });
  });

  it("the replacement holds until the old holding would have ended", async () => {
    const { chapterId, periodId } = await draftBoard();
    const oldId = await appoint(chapterId, periodId, "bendahara", await member(chapterId, "Bendahara Lama"), "2031-01-01", "2034-12-31");
    const created = expectOk(await replace(chapterId, oldId, await member(chapterId, "Bendahara Baru"), "2032-01-01"));
    expect(await holding(created.id)).toMatchObject({ startDate: day("2032-01-01"), endDate: day("2034-12-31") });
    expect((await holding(oldId)).endDate).toEqual(day("2031-12-31"));
  });

  it("refuses a start on or before the old start, after the old end, or the same member, changing nothing", async () => {
    const { chapterId, periodId } = await draftBoard();
    const oldMember = await member(chapterId, "Ketua Tetap");
    const oldId = await appoint(chapterId, periodId, "ketua", oldMember, "2031-06-01", "2034-12-31");
    const other = await member(chapterId, "Calon Pengganti");
    const tooEarly = "Pengganti harus mulai setelah 1 Juni 2031 (tanggal mulai pemegang lama).";

    expect(expectInvalid(await replace(chapterId, oldId, other, "2031-06-01"))).toEqual({ startDate: tooEarly });
    expect(expectInvalid(await replace(chapterId, oldId, other, "2031-05-31"))).toEqual({ startDate: tooEarly });
    expect(expectInvalid(await replace(chapterId, oldId, other, "2035-01-01"))).toEqual({
      startDate: "Jabatan ini sudah berakhir pada 31 Desember 2034; pengganti tidak dapat mulai setelahnya.",
    });
    expect(expectInvalid(await replace(chapterId, oldId, oldMember, "2032-01-01"))).toEqual({
      memberId: "Pilih anggota lain sebagai pengganti.",
    });
    expectRefusal(await replace(await newChapter(), oldId, other, "2032-01-01"), "notFound");

    expect(await holding(oldId)).toMatchObject({ endDate: day("2034-12-31"), endReason: null });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(1);
    // the day after the old start is the earliest possible
    expectOk(await replace(chapterId, oldId, other, "2031-06-02"));
    expect((await holding(oldId)).endDate).toEqual(day("2031-06-01"));
  });

  it("saves nothing when the replacement is refused: the old holding stays open", async () => {
    const { chapterId, periodId } = await draftBoard();
    const oldId = await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ketua Bertahan"), "2031-01-01");
    const sekretaris = await member(chapterId, "Sekretaris Menjabat");
    await appoint(chapterId, periodId, "sekretaris", sekretaris, "2031-01-01");
    const inactive = await member(chapterId, "Yusuf Nonaktif", "nonaktif");
    const foreign = await member(await newChapter(), "Orang Luar");

    expect(expectInvalid(await replace(chapterId, oldId, inactive, "2032-01-01"))).toEqual({
      memberId: "Yusuf Nonaktif bukan anggota aktif. Jabatan hanya dapat dipegang anggota berstatus aktif.",
    });
    expect(expectInvalid(await replace(chapterId, oldId, foreign, "2032-01-01"))).toEqual({
      memberId: "Pemegang jabatan harus anggota cabang ini.",
    });
    expect(expectInvalid(await replace(chapterId, oldId, sekretaris, "2032-01-01")).memberId).toMatch(
      /^Sekretaris Menjabat sudah menjabat Sekretaris\./,
    );

    expect(await holding(oldId)).toMatchObject({ endDate: null, endReason: null, endNote: null });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: periodId, action: "leadership.holding.replace" } })).toBe(0);
  });

  // Replacing a holding that already has a successor is refused with a field error (the unique
  // replacesId would otherwise throw), and nothing changes: see the next test.
  it("refuses (with a field error, not a crash) to replace a holding that was already replaced", async () => {
    const { chapterId, periodId } = await draftBoard();
    const firstId = await appoint(chapterId, periodId, "sekretaris", await member(chapterId, "Sekretaris Satu"), "2031-01-01");
    expectOk(await replace(chapterId, firstId, await member(chapterId, "Sekretaris Dua"), "2033-01-01"));
    const again = await replace(chapterId, firstId, await member(chapterId, "Sekretaris Tiga"), "2032-01-01");
    expect(again.ok).toBe(false);
    expect(Object.keys(expectInvalid(again))).toEqual(["startDate"]);
  });

  it("a failed second replacement of an already replaced holding leaves the history as it was", async () => {
    const { chapterId, periodId } = await draftBoard();
    const firstId = await appoint(chapterId, periodId, "sekretaris", await member(chapterId, "Sekretaris Satu"), "2031-01-01");
    const second = expectOk(await replace(chapterId, firstId, await member(chapterId, "Sekretaris Dua"), "2033-01-01"));
    const third = await member(chapterId, "Sekretaris Tiga");

    const again = await replace(chapterId, firstId, third, "2032-01-01").then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ("result" in again) expect(again.result.ok).toBe(false);
    expect(await holding(firstId)).toMatchObject({ endDate: day("2032-12-31"), endReason: "paw" });
    expect(await holding(second.id)).toMatchObject({ startDate: day("2033-01-01"), replacesId: firstId });
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(2);
    expect(await db.positionHolding.count({ where: { memberId: third } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Rights

describe("rights follow the positions held, recomputed on every request", () => {
  it("a Sekretaris manages the registry until the holding ends (last day yesterday), without any account edit", async () => {
    const chapterId = await newChapter();
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris", name: "Sekretaris Berjalan" });
    const sessionId = await sessionOf(sek.id);
    const before = await current(sessionId);
    expect(before.positions).toEqual([{ title: "Sekretaris", kind: "sekretaris", districtCode: null }]);
    expect(before.permissions).toEqual(
      expect.arrayContaining(["create:member:chapter", "update:member:chapter", "read:member-nik:chapter"]),
    );
    const account = await db.user.findUniqueOrThrow({ where: { id: sek.id } });

    const holdingRow = await db.positionHolding.findFirstOrThrow({ where: { memberId: sek.memberId }, select: { id: true } });
    expectOk(await end(chapterId, holdingRow.id, iso(YESTERDAY)));

    const after = await current(sessionId);
    expect(after.positions).toEqual([]);
    expect(after.permissions).not.toContain("create:member:chapter");
    expect(after.permissions).not.toContain("read:member:chapter");
    expect(after.permissions).not.toContain("read:member-nik:chapter");
    expect(after.permissions).toContain("create:activity:own"); // still a volunteer
    expect(after.role).toBe("volunteer");
    expect(await db.user.findUniqueOrThrow({ where: { id: sek.id } })).toEqual(account);
  });

  it("a holding whose last day is today still counts until Jakarta's midnight", async () => {
    const chapterId = await newChapter();
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris" });
    const sessionId = await sessionOf(sek.id);
    const holdingRow = await db.positionHolding.findFirstOrThrow({ where: { memberId: sek.memberId }, select: { id: true } });
    expectOk(await end(chapterId, holdingRow.id, iso(TODAY)));
    expect(await permissionsOf(sessionId, NOW)).toContain("create:member:chapter");
    const tomorrow = new Date(`${iso(addDays(TODAY, 1))}T00:00:00+07:00`);
    expect(await permissionsOf(sessionId, new Date(tomorrow.getTime() - 1000))).toContain("create:member:chapter");
    expect(await permissionsOf(sessionId, tomorrow)).not.toContain("create:member:chapter");
  });

  it("a replacement starting today moves the rights from the old holder to the new one at once", async () => {
    const chapterId = await newChapter();
    const old = await buildBoardUser({ chapterId, kind: "sekretaris", name: "Sekretaris Diganti" });
    const oldSession = await sessionOf(old.id);
    const successor = await memberWithSession(chapterId, "Sekretaris Pengganti");
    expect(await permissionsOf(oldSession)).toContain("create:member:chapter");
    expect(await permissionsOf(successor.sessionId)).not.toContain("create:member:chapter");

    const holdingRow = await db.positionHolding.findFirstOrThrow({ where: { memberId: old.memberId }, select: { id: true } });
    const created = expectOk(await replace(chapterId, holdingRow.id, successor.memberId, iso(TODAY)));
    expect((await holding(holdingRow.id)).endDate).toEqual(YESTERDAY);
    expect((await holding(created.id)).startDate).toEqual(TODAY);

    expect(await permissionsOf(oldSession)).not.toContain("create:member:chapter");
    const gained = await current(successor.sessionId);
    expect(gained.permissions).toContain("create:member:chapter");
    expect(gained.positions.map((p) => p.title)).toEqual(["Sekretaris"]);
  });

  it("ending the period early with a past last day takes every board right away", async () => {
    const chapterId = await newChapter();
    const ketua = await buildBoardUser({ chapterId, kind: "ketua" });
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris" });
    const [ketuaSession, sekSession] = [await sessionOf(ketua.id), await sessionOf(sek.id)];
    expect(await permissionsOf(ketuaSession)).toContain("submit:report:chapter");
    expect(await permissionsOf(sekSession)).toContain("create:member:chapter");

    const result = await endPeriodEarly(adminIn(chapterId), sek.periodId, { endDate: iso(YESTERDAY), note: "SK dicabut" }, NOW);
    expect(result).toEqual({ ok: true, ended: true });
    expect(await getActivePeriod(adminIn(chapterId))).toBeNull();
    expect(await permissionsOf(ketuaSession)).not.toContain("submit:report:chapter");
    expect(await permissionsOf(sekSession)).not.toContain("create:member:chapter");
    expect((await current(sekSession)).positions).toEqual([]);
  });

  it("a period ended early on today's date keeps its rights through today only", async () => {
    const chapterId = await newChapter();
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris" });
    const sessionId = await sessionOf(sek.id);
    const result = await endPeriodEarly(adminIn(chapterId), sek.periodId, { endDate: iso(TODAY), note: "Akhir" }, NOW);
    expect(result).toEqual({ ok: true, ended: false });
    expect(await permissionsOf(sessionId, NOW)).toContain("create:member:chapter");
    expect(await permissionsOf(sessionId, new Date(`${iso(addDays(TODAY, 1))}T00:00:00+07:00`))).not.toContain("create:member:chapter");
  });

  it("a draft period's holdings give no rights until it is activated", async () => {
    const chapterId = await newChapter();
    const periodId = await newPeriod(chapterId, iso(addDays(TODAY, -30)), iso(addDays(TODAY, 1800)));
    await appoint(chapterId, periodId, "ketua", await member(chapterId, "Ketua Draf"), iso(addDays(TODAY, -30)));
    const sek = await memberWithSession(chapterId, "Sekretaris Draf");
    await appoint(chapterId, periodId, "sekretaris", sek.memberId, iso(addDays(TODAY, -30)));

    const draft = await current(sek.sessionId);
    expect(draft.positions).toEqual([]);
    expect(draft.permissions).not.toContain("create:member:chapter");
    expect(draft.permissions).not.toContain("read:member:chapter");

    await activate(chapterId, periodId, NOW);
    expect(await permissionsOf(sek.sessionId)).toContain("create:member:chapter");
  });

  it("when the next period is activated, the old board has no rights and the new board gains them", async () => {
    const chapterId = await newChapter();
    const first = await newPeriod(chapterId, "2031-01-01", "2034-12-31", "Periode Lama");
    await appoint(chapterId, first, "ketua", await member(chapterId, "Ketua Lama"), "2031-01-01");
    const oldSek = await memberWithSession(chapterId, "Sekretaris Lama");
    await appoint(chapterId, first, "sekretaris", oldSek.memberId, "2031-01-01");
    await activate(chapterId, first, wib("2031-01-01"));
    // a musyawarah ends the term on 30 June 2032; the next board takes over the day after
    expect(await endPeriodEarly(adminIn(chapterId), first, { endDate: "2032-06-30", note: "Muslub" }, wib("2032-06-30"))).toEqual({
      ok: true,
      ended: false,
    });
    const second = await newPeriod(chapterId, "2032-07-01", "2037-06-30", "Periode Baru");
    await appoint(chapterId, second, "ketua", await member(chapterId, "Ketua Baru"), "2032-07-01");
    const newSek = await memberWithSession(chapterId, "Sekretaris Baru");
    await appoint(chapterId, second, "sekretaris", newSek.memberId, "2032-07-01");

    expect(await permissionsOf(oldSek.sessionId, wib("2032-06-30", "23:00"))).toContain("create:member:chapter");
    expect(await permissionsOf(newSek.sessionId, wib("2032-06-30", "23:00"))).not.toContain("create:member:chapter");

    const switchAt = wib("2032-07-01", "08:00");
    expect(await permissionsOf(newSek.sessionId, switchAt)).not.toContain("create:member:chapter"); // still a draft
    expect(await activatePeriod(adminIn(chapterId), second, switchAt)).toMatchObject({
      ok: true,
      previous: "Periode Lama",
    });
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: first } })).status).toBe("ended");
    expect(await permissionsOf(oldSek.sessionId, switchAt)).not.toContain("create:member:chapter");
    expect(await permissionsOf(newSek.sessionId, switchAt)).toContain("create:member:chapter");
    // the old board's rights stay gone on any later day, the new board's stay
    expect(await permissionsOf(oldSek.sessionId, wib("2033-01-01"))).not.toContain("read:member:chapter");
    expect(await permissionsOf(newSek.sessionId, wib("2033-01-01"))).toContain("read:member:chapter");
  });

  it("activating the next board today ends the current board's rights at once and gives the new board theirs", async () => {
    const chapterId = await newChapter();
    const oldSek = await buildBoardUser({ chapterId, kind: "sekretaris", name: "Sekretaris Periode Lama" });
    await buildBoardUser({ chapterId, kind: "ketua" });
    const oldSession = await sessionOf(oldSek.id);
    const next = await newPeriod(chapterId, iso(TODAY), iso(addDays(TODAY, 1826)), "Periode Baru");
    await appoint(chapterId, next, "ketua", await member(chapterId, "Ketua Periode Baru"), iso(TODAY));
    const newSek = await memberWithSession(chapterId, "Sekretaris Periode Baru");
    await appoint(chapterId, next, "sekretaris", newSek.memberId, iso(TODAY));

    expect(await permissionsOf(oldSession)).toContain("create:member:chapter");
    expect(await permissionsOf(newSek.sessionId)).not.toContain("create:member:chapter"); // a draft gives nothing

    await activate(chapterId, next, NOW);
    expect(await permissionsOf(oldSession)).not.toContain("create:member:chapter");
    expect((await current(oldSession)).positions).toEqual([]);
    expect(await permissionsOf(newSek.sessionId)).toContain("create:member:chapter");
    expect(await db.leadershipPeriod.findUniqueOrThrow({ where: { id: oldSek.periodId } })).toMatchObject({
      status: "ended",
      endDate: YESTERDAY,
    });
    const oldHolding = await db.positionHolding.findFirstOrThrow({ where: { memberId: oldSek.memberId } });
    expect(oldHolding.endDate).toEqual(YESTERDAY);
  });

  it("a Koordinator Kecamatan verifies activities of their kecamatan only", async () => {
    const { chapterId, periodId } = await liveBoard();
    const districts = await listChapterDistricts(chapterId);
    expect(districts).toContainEqual({ code: "61.71.05", name: "Pontianak Kota" });

    const outside = await createPosition(
      adminIn(chapterId),
      positionFormSchema.parse({
        title: "Koordinator Kecamatan Sungai Raya",
        kind: "koordinator_kecamatan",
        districtCode: "61.12.01",
      }),
    );
    expect(Object.keys(expectInvalid(outside))).toEqual(["districtCode"]);

    const positionId = expectOk(
      await createPosition(
        adminIn(chapterId),
        positionFormSchema.parse({
          title: "Koordinator Kecamatan Pontianak Kota",
          kind: "koordinator_kecamatan",
          districtCode: "61.71.05",
        }),
      ),
    ).id;
    expect(await db.boardPosition.findUniqueOrThrow({ where: { id: positionId } })).toMatchObject({
      districtCode: "61.71.05",
      kind: "koordinator_kecamatan",
    });
    const korcam = await memberWithSession(chapterId, "Fajar Korcam");
    expectOk(await appointRaw(chapterId, periodId, positionId, korcam.memberId, iso(addDays(TODAY, -10))));

    const user = await current(korcam.sessionId);
    expect(user.districtCodes).toEqual(["61.71.05"]);
    expect(user.positions).toEqual([
      { title: "Koordinator Kecamatan Pontianak Kota", kind: "koordinator_kecamatan", districtCode: "61.71.05" },
    ]);
    expect(user.permissions).toEqual(expect.arrayContaining(["verify:activity:district", "read:activity:district"]));
    expect(user.permissions).not.toContain("verify:activity:chapter");
    expect(hasPermission(user.permissions, "verify:activity:chapter")).toBe(false);
    expect(hasPermission(user.permissions, "verify:activity:district")).toBe(true);
    expect(user.permissions).not.toContain("read:member:chapter");
  });

  it("a holder whose member becomes nonaktif loses the rights at once", async () => {
    const chapterId = await newChapter();
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris" });
    const sessionId = await sessionOf(sek.id);
    expect(await permissionsOf(sessionId)).toContain("create:member:chapter");

    const changed = await changeMemberStatus(adminIn(chapterId), sek.memberId, {
      status: "nonaktif",
      effectiveDate: iso(TODAY),
      reason: "Tidak aktif lagi",
    });
    expect(changed).toMatchObject({ from: "aktif", to: "nonaktif" });
    // A member who leaves loses the login itself (issue 16): the session ends with the rights.
    expect(await getSessionUser(sessionId)).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: sek.id }, select: { active: true } })).toEqual({ active: false });
  });

  it("each core position gives its own rights: Ketua submits reports, Bendahara handles money, not the registry", async () => {
    const chapterId = await newChapter();
    const [ketua, sekretaris, bendahara] = [
      await buildBoardUser({ chapterId, kind: "ketua" }),
      await buildBoardUser({ chapterId, kind: "sekretaris" }),
      await buildBoardUser({ chapterId, kind: "bendahara" }),
    ];
    const ketuaRights = await permissionsOf(await sessionOf(ketua.id));
    const sekretarisRights = await permissionsOf(await sessionOf(sekretaris.id));
    const bendaharaRights = await permissionsOf(await sessionOf(bendahara.id));

    expect(ketuaRights).toEqual(
      expect.arrayContaining([
        "submit:report:chapter",
        "approve:programme-finance:chapter",
        "verify:activity:chapter",
        "update:leadership:chapter",
      ]),
    );
    expect(ketuaRights).not.toContain("create:member:chapter");

    expect(bendaharaRights).toContain("update:programme-finance:chapter");
    expect(bendaharaRights).not.toContain("create:member:chapter");
    expect(bendaharaRights).not.toContain("submit:report:chapter");
    expect(bendaharaRights).not.toContain("approve:programme-finance:chapter");

    expect(sekretarisRights).not.toContain("submit:report:chapter");
    expect(sekretarisRights).not.toContain("update:programme-finance:chapter");
    // the same position in the same period: each user's own positions only
    expect(new Set(ketuaRights)).not.toEqual(new Set(bendaharaRights));
  });
});

describe("through the routes", () => {
  it("the signed-in Sekretaris opens the new member form until the holding ends; the same cookie then gets 403", async () => {
    const chapterId = await newChapter();
    const sek = await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@leadership.test" });
    const login = await run(loginAction, postForm("/login", { email: "sekretaris@leadership.test", password: "password-123" }));
    expect(statusOf(login)).toBe(302);
    const cookie = cookiesFrom(login as Response);

    expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookie)))).toBe(200);
    const holdingRow = await db.positionHolding.findFirstOrThrow({ where: { memberId: sek.memberId }, select: { id: true } });
    expectOk(await end(chapterId, holdingRow.id, iso(YESTERDAY)));
    expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookie)))).toBe(403);
  });
});
