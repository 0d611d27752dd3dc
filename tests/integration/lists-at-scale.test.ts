// Long lists against the real database (docs/decisions/031): a deep page read backwards from the
// end returns exactly the rows the plain OFFSET from the start returns (ties in the sort keys
// included), and the totals kept by triggers (ActivityDayTotal, ActivityTypeDayTotal, AuditLogHour,
// FollowUp.openedOn, FollowUpTally) say exactly what counting the rows says, after logging, edits,
// co-volunteers, verification, returns, reopening, follow-up updates and deletes.
import { beforeAll, describe, expect, it } from "vitest";
import {
  activityFilterWhere,
  activityTotals,
  coVolunteerCopyWhere,
  dayTotals,
  listActivities,
  listOwnActivities,
  verificationQueue,
} from "~/domain/activities/activities.server";
import { listFollowUps } from "~/domain/activities/follow-ups.server";
import { reopenActivity, returnActivities, verifiable, verifyActivities } from "~/domain/activities/verification.server";
import { listAuditLog } from "~/domain/audit/audit-log.server";
import { pageWindow } from "~/domain/shared/pages.server";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { ACTIVITIES_PAGE_SIZE, FOLLOW_UP_FILTERS, type ActivityFilters } from "~/validation/activities";
import {
  activityChapter,
  boardFilters,
  editFor,
  koordinator,
  loggedFor,
  moveOn,
  opening,
  referral,
  typeOf,
  type ActivityChapter,
} from "../factories/activities";
import { boardMember, volunteer, type TestActor } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { NOW, PLACES } from "../support/timeline";

const { V1002, V1003, V0401, D01, D04 } = PLACES;

let ctx: ActivityChapter;
let ketua: TestActor;
let siti: TestActor;
let budi: TestActor;

/** The board's rows of a filter the old way: one OFFSET from the start, in the list's order. */
async function offsetPage(filters: ActivityFilters, page: number) {
  const rows = await db.activity.findMany({
    where: activityFilterWhere(ctx.id, filters),
    select: { id: true },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ACTIVITIES_PAGE_SIZE,
    take: ACTIVITIES_PAGE_SIZE,
  });
  return rows.map((r) => r.id);
}

/** Totals kept by triggers next to the totals summed over the activities, for one filter. */
async function bothTotals(filters: Partial<ActivityFilters> = {}) {
  const f = boardFilters(filters);
  const kept = await dayTotals(ctx.id, f);
  const summed = await activityTotals(activityFilterWhere(ctx.id, f));
  return { kept, summed };
}

type Sums = { activities: number; minutes: number; coMinutes: number; households: number; people: number };

/**
 * ActivityTypeDayTotal's rows of the chapter (those not fallen to zero) next to the same sums
 * grouped from the activities and their co-volunteers (through the relation, not the copies).
 */
async function typeDayRows() {
  const key = (r: { typeId: string; date: Date; districtCode: string; status: string }) =>
    `${r.typeId} ${r.date.toISOString()} ${r.districtCode} ${r.status}`;
  const keptRows = await db.activityTypeDayTotal.findMany({ where: { chapterId: ctx.id } });
  const kept: Record<string, Sums> = {};
  for (const { chapterId: _, typeId, date, districtCode, status, ...sums } of keptRows) {
    if (Object.values(sums).some((n) => n !== 0)) kept[key({ typeId, date, districtCode, status })] = sums;
  }
  const activities = await db.activity.findMany({
    where: { chapterId: ctx.id },
    select: {
      typeId: true,
      date: true,
      districtCode: true,
      status: true,
      durationMinutes: true,
      households: true,
      people: true,
      _count: { select: { volunteers: true } },
    },
  });
  const summed: Record<string, Sums> = {};
  for (const a of activities) {
    const sums = (summed[key(a)] ??= { activities: 0, minutes: 0, coMinutes: 0, households: 0, people: 0 });
    sums.activities += 1;
    sums.minutes += a.durationMinutes;
    sums.coMinutes += a.durationMinutes * a._count.volunteers;
    sums.households += a.households;
    sums.people += a.people;
  }
  return { kept, summed };
}

/** FollowUpTally's counts of the chapter (those not fallen to zero) next to the follow-ups counted. */
async function followUpTallies() {
  const tally = await db.followUpTally.findMany({ where: { chapterId: ctx.id, count: { not: 0 } }, select: { status: true, count: true } });
  const counted = await db.followUp.groupBy({ by: ["status"], where: { chapterId: ctx.id }, _count: { _all: true } });
  return {
    kept: Object.fromEntries(tally.map((t) => [t.status, t.count])),
    counted: Object.fromEntries(counted.map((c) => [c.status, c._count._all])),
  };
}

beforeAll(async () => {
  ctx = await activityChapter();
  ketua = await boardMember(ctx.id, "ketua");
  siti = await volunteer(ctx.id, { fullName: "Siti Aminah" });
  budi = await volunteer(ctx.id, { fullName: "Budi Santoso" });
  // 330 activities on few days, many created at the same moment: ties in date and createdAt
  const moment = new Date("2031-06-01T03:00:00Z");
  await db.activity.createMany({
    data: Array.from({ length: 330 }, (_, n) => ({
      chapterId: ctx.id,
      memberId: (n % 3 ? siti : budi).memberId!,
      date: new Date(Date.UTC(2031, 4, 1 + (n % 4))),
      durationMinutes: 30 + (n % 5) * 15,
      typeId: typeOf(ctx, n % 2),
      villageCode: n % 3 ? V1002 : V0401,
      districtCode: n % 3 ? D01 : D04,
      households: n % 4,
      people: n % 6,
      status: (["verified", "submitted", "draft", "returned"] as const)[n % 4],
      idempotencyKey: `lists-${n}`,
      createdAt: n % 7 ? moment : new Date(moment.getTime() + n * 1000),
    })),
  });
});

describe("deep pages, read from the end", () => {
  it("pageWindow reads pages past the middle backwards, and pages past the end stay empty", () => {
    expect(pageWindow(1, 330, 50)).toEqual({ skip: 0, take: 50, reverse: false });
    expect(pageWindow(4, 330, 50)).toEqual({ skip: 150, take: 50, reverse: false });
    expect(pageWindow(5, 330, 50)).toEqual({ skip: 80, take: 50, reverse: true });
    expect(pageWindow(7, 330, 50)).toEqual({ skip: 0, take: 30, reverse: true });
    expect(pageWindow(8, 330, 50)).toEqual({ skip: 350, take: 50, reverse: false });
  });

  it("every page of the board's list holds the same rows, in the same order, as the OFFSET from the start", async () => {
    for (const filters of [boardFilters(), boardFilters({ districtCode: D01 }), boardFilters({ typeId: typeOf(ctx, 1) })]) {
      const first = await listActivities(ketua, { ...filters, page: 1 });
      expect(first.pageCount).toBeGreaterThan(2);
      const seen = new Set<string>();
      for (let page = 1; page <= first.pageCount + 1; page++) {
        const list = await listActivities(ketua, { ...filters, page });
        const ids = list.rows.map((r) => r.id);
        expect(ids).toEqual(await offsetPage(filters, page));
        for (const id of ids) seen.add(id);
      }
      expect(seen.size).toBe(first.total);
    }
  });

  it("the volunteer's own list reads its last pages from the end with the same rows", async () => {
    const first = await listOwnActivities(siti, 1);
    expect(first.total).toBe(220);
    const all = await db.activity.findMany({
      where: { chapterId: ctx.id, memberId: siti.memberId! },
      select: { id: true },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    });
    for (let page = 1; page <= first.pageCount; page++) {
      const list = await listOwnActivities(siti, page);
      expect(list.rows.map((r) => r.id)).toEqual(all.slice((page - 1) * 50, page * 50).map((r) => r.id));
    }
  });
});

describe("the board's totals kept per day, kecamatan and status", () => {
  it("match the totals summed over the activities after logging, edits, co-volunteers, verification, returns, reopening and deletes", async () => {
    // through the domain: co-volunteers, an edit that moves date, kecamatan and duration, verification
    const a = await loggedFor(
      ctx,
      siti,
      { date: "2031-06-10", durationMinutes: "90" },
      { coVolunteerIds: [budi.memberId!], submit: false },
    );
    const b = await loggedFor(ctx, budi, { date: "2031-06-11", villageCode: V0401 }, { coVolunteerIds: [siti.memberId!] });
    const c = await loggedFor(ctx, siti, { date: "2031-06-12" }, { followUp: referral() });
    expectOk(
      await editFor(ctx, siti, a, { date: "2031-06-09", villageCode: V0401, durationMinutes: "120" }, { coVolunteerIds: [], submit: true }),
    );
    expectOk(await verifyActivities(ketua, [a, c], NOW));
    expectOk(await returnActivities(ketua, [b], "Lengkapi jumlah warga yang dijangkau.", NOW));
    expectOk(
      await editFor(ctx, budi, b, { date: "2031-06-11", villageCode: V1003, durationMinutes: "45" }, { coVolunteerIds: [siti.memberId!] }),
    );
    expectOk(await reopenActivity(ketua, c, "Tanggal kegiatan perlu diperiksa lagi.", NOW));
    // straight in the database: a co-volunteer added and removed, an activity deleted (with its co-volunteers)
    await db.activityVolunteer.create({ data: { activityId: c, memberId: budi.memberId! } });
    const gone = await db.activity.findFirstOrThrow({ where: { chapterId: ctx.id, idempotencyKey: "lists-5" }, select: { id: true } });
    await db.activityVolunteer.create({ data: { activityId: gone.id, memberId: siti.memberId! } });
    await db.activity.delete({ where: { id: gone.id } });
    await db.activity.update({ where: { idempotencyKey: "lists-6" }, data: { households: 9, people: 11, status: "verified" } });

    for (const filters of [
      {},
      { from: "2031-05-02", to: "2031-06-10" },
      { districtCode: D04 },
      { districtCode: D01, status: "verified" as const },
      { from: "2031-06-09", to: "2031-06-12", status: "submitted" as const },
      { from: "2031-07-01" },
    ]) {
      const { kept, summed } = await bothTotals(filters);
      expect(kept, JSON.stringify(filters)).toEqual(summed);
    }
    // the co-volunteers' hours of a type, by the copies, as by the join
    for (const filters of [{ typeId: typeOf(ctx) }, { typeId: typeOf(ctx), districtCode: D04, from: "2031-06-01" }]) {
      const f = boardFilters(filters);
      const where = activityFilterWhere(ctx.id, f);
      expect(await activityTotals(where, coVolunteerCopyWhere(ctx.id, f)!)).toEqual(await activityTotals(where));
    }
    const all = await bothTotals();
    expect(all.summed.activities).toBe(332);
    expect(all.summed.hours).toBeGreaterThan(0);
  });

  it("a coordinator's list counts only their kecamatan, and a filter the table cannot answer sums the activities", async () => {
    const koor = await boardMember(ctx.id, "koordinator_kecamatan", { districtCode: D04, villageCode: V1003 });
    const list = await listActivities(koor, boardFilters());
    expect(list.total).toBe(await db.activity.count({ where: { chapterId: ctx.id, districtCode: D04 } }));
    expect(await dayTotals(ctx.id, boardFilters({ typeId: typeOf(ctx), villageCode: V1002 }))).toBeNull();
    const byType = await listActivities(ketua, boardFilters({ typeId: typeOf(ctx) }));
    expect(byType.total).toBe(await db.activity.count({ where: { chapterId: ctx.id, typeId: typeOf(ctx) } }));
  });
});

describe("the board's totals kept per type, day, kecamatan and status", () => {
  it("match the activities grouped by type after logging, edits of type, date, kecamatan, status and duration, co-volunteers and deletes", async () => {
    const [t0, t1] = [typeOf(ctx, 0), typeOf(ctx, 1)];
    const before = await typeDayRows();
    expect(before.kept).toEqual(before.summed);
    const a = await loggedFor(
      ctx,
      siti,
      { date: "2031-06-03", typeId: t0, durationMinutes: "90" },
      { coVolunteerIds: [budi.memberId!], submit: false },
    );
    const b = await loggedFor(
      ctx,
      budi,
      { date: "2031-06-04", typeId: t1, villageCode: V0401 },
      { coVolunteerIds: [siti.memberId!], submit: false },
    );
    const c = await loggedFor(ctx, siti, { date: "2031-06-05", typeId: t0 });
    // the type changes with the co-volunteer kept: the co-volunteer's minutes move with it
    expectOk(await editFor(ctx, budi, b, { date: "2031-06-04", typeId: t0, villageCode: V0401 }, { coVolunteerIds: [siti.memberId!] }));
    // type, date, kecamatan and duration at once, the co-volunteer removed
    expectOk(
      await editFor(
        ctx,
        siti,
        a,
        { date: "2031-06-02", typeId: t1, villageCode: V0401, durationMinutes: "120" },
        { coVolunteerIds: [], submit: true },
      ),
    );
    expectOk(await verifyActivities(ketua, [a, c], NOW));
    expectOk(await returnActivities(ketua, [b], "Lengkapi jumlah warga yang dijangkau.", NOW));
    expectOk(await reopenActivity(ketua, c, "Tanggal kegiatan perlu diperiksa lagi.", NOW));
    // straight in the database: a co-volunteer added, a type changed, an activity with a co-volunteer deleted
    await db.activityVolunteer.create({ data: { activityId: c, memberId: budi.memberId! } });
    await db.activity.update({ where: { id: c }, data: { typeId: t1, durationMinutes: 75, households: 3, people: 7 } });
    const gone = await db.activity.findFirstOrThrow({ where: { chapterId: ctx.id, idempotencyKey: "lists-9" }, select: { id: true } });
    await db.activityVolunteer.create({ data: { activityId: gone.id, memberId: budi.memberId! } });
    await db.activity.delete({ where: { id: gone.id } });
    await db.activityVolunteer.deleteMany({ where: { activityId: b } });

    const { kept, summed } = await typeDayRows();
    expect(kept).toEqual(summed);
    expect(Object.values(summed).some((s) => s.coMinutes > 0)).toBe(true);

    // the list's totals of one type read from the table, equal to summing the activities
    for (const filters of [
      { typeId: t0 },
      { typeId: t1, from: "2031-05-02", to: "2031-06-03" },
      { typeId: t0, districtCode: D04 },
      { typeId: t1, districtCode: D04, status: "verified" as const },
      { typeId: t0, from: "2031-06-01", status: "returned" as const },
      { typeId: t1, from: "2031-07-01" },
    ]) {
      const f = boardFilters(filters);
      const kept = await dayTotals(ctx.id, f);
      expect(kept, JSON.stringify(filters)).not.toBeNull();
      expect(kept, JSON.stringify(filters)).toEqual(await activityTotals(activityFilterWhere(ctx.id, f)));
    }
    const list = await listActivities(ketua, boardFilters({ typeId: t1 }));
    expect(list.total).toBe(await db.activity.count({ where: { chapterId: ctx.id, typeId: t1 } }));
  });
});

describe("the verification queue", () => {
  it("counts what the verifier may verify: their scope, less their own and those they worked on", async () => {
    const koor = await boardMember(ctx.id, "koordinator_kecamatan", { districtCode: D01, villageCode: V1003 });
    await loggedFor(ctx, ketua, { date: "2031-06-13" });
    await loggedFor(ctx, koor, { date: "2031-06-13" });
    await loggedFor(ctx, siti, { date: "2031-06-13" }, { coVolunteerIds: [ketua.memberId!, koor.memberId!] });
    await loggedFor(ctx, budi, { date: "2031-06-13", villageCode: V0401 }, { coVolunteerIds: [koor.memberId!] });
    for (const verifier of [ketua, koor]) {
      const queue = await verificationQueue(verifier, 1);
      const counted = await db.activity.count({ where: { ...verifiable(verifier), status: "submitted" } });
      expect(queue.total).toBe(counted);
      expect(counted).toBeGreaterThan(0);
    }
    expect((await verificationQueue(ketua, 1)).total).toBeLessThan(
      await db.activity.count({ where: { chapterId: ctx.id, status: "submitted" } }),
    );
  });
});

describe("follow-ups", () => {
  it("keep their opening activity's date, and every page of the list holds what the join's order gives", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 60; n++) {
      const extra = { followUp: referral("Dinas Sosial", `Rujukan ${n}`), submit: n > 0 };
      ids.push(await loggedFor(ctx, siti, { date: `2031-06-0${1 + (n % 3)}` }, extra));
    }
    expectOk(await editFor(ctx, siti, ids[0]!, { date: "2031-06-08" }, { followUp: referral("Dinas Sosial", "Rujukan 0") }));
    const copies = await db.followUp.findMany({
      where: { chapterId: ctx.id },
      select: { openedOn: true, openedBy: { select: { date: true } } },
    });
    expect(copies.length).toBeGreaterThan(60);
    for (const f of copies) expect(f.openedOn?.toISOString()).toBe(f.openedBy.date.toISOString());

    for (const filter of ["open", "all"] as const) {
      const direction = filter === "open" ? "asc" : "desc";
      const expected = await db.followUp.findMany({
        where: { chapterId: ctx.id },
        select: { id: true },
        orderBy: [{ openedBy: { date: direction } }, { createdAt: direction }, { id: direction }],
      });
      const first = await listFollowUps(ketua, filter, 1);
      expect(first.pageCount).toBe(2);
      const pages = [...first.rows, ...(await listFollowUps(ketua, filter, 2)).rows].map((r) => r.id);
      expect(pages).toEqual(expected.map((r) => r.id));
    }
  });

  it("are counted per status by the tally kept by triggers, and the list's totals equal the plain counts for every reader", async () => {
    const koor = await koordinator(ctx.id, D04);
    const opened: { activityId: string; followUpId: string }[] = [];
    for (let n = 0; n < 8; n++) {
      opened.push(await opening(ctx, n % 2 ? siti : budi, { date: "2031-06-04", villageCode: n % 3 ? V1002 : V0401 }));
    }
    const [f0, f1, f2, f3, f4, f5] = opened.map((o) => o.followUpId);
    await loggedFor(ctx, budi, { date: "2031-06-05" }, { followUpUpdate: moveOn(f0!, "proses", "Berkas diterima dinas") });
    await loggedFor(ctx, siti, { date: "2031-06-06" }, { followUpUpdate: moveOn(f1!, "selesai", "Terdaftar PBI JK") });
    const later = await loggedFor(ctx, budi, { date: "2031-06-06" }, { followUpUpdate: moveOn(f2!, "proses"), submit: false });
    await loggedFor(ctx, budi, { date: "2031-06-08" }, { followUpUpdate: moveOn(f2!, "selesai") });
    // the proses update moved after the closing one: the follow-up is open again
    expectOk(await editFor(ctx, budi, later, { date: "2031-06-09" }, { followUpUpdate: moveOn(f2!, "proses", "Menunggu surat") }));
    // straight in the database: a status changed, a follow-up deleted, an opening activity deleted (with its follow-up)
    await db.followUp.update({ where: { id: f3! }, data: { status: "proses" } });
    await db.followUp.delete({ where: { id: f4! } });
    await db.activity.delete({ where: { id: opened.find((o) => o.followUpId === f5)!.activityId } });

    const { kept, counted } = await followUpTallies();
    expect(kept).toEqual(counted);
    expect(Object.keys(counted).sort()).toEqual(["baru", "proses", "selesai"]);

    const statusOf = (filter: (typeof FOLLOW_UP_FILTERS)[number]) =>
      filter === "all" ? {} : filter === "open" ? { status: { in: ["baru" as const, "proses" as const] } } : { status: filter };
    for (const filter of FOLLOW_UP_FILTERS) {
      const board = await listFollowUps(ketua, filter, 1);
      expect(board.total, filter).toBe(await db.followUp.count({ where: { chapterId: ctx.id, ...statusOf(filter) } }));
      // a coordinator sees their kecamatan's and their own; a volunteer their own (as author or co-volunteer)
      const ofKoor = await db.followUp.count({
        where: { chapterId: ctx.id, ...statusOf(filter), openedBy: { OR: [{ districtCode: D04 }, { memberId: koor.memberId! }] } },
      });
      expect((await listFollowUps(koor, filter, 1)).total, filter).toBe(ofKoor);
      const ofSiti = await db.followUp.count({
        where: {
          chapterId: ctx.id,
          ...statusOf(filter),
          openedBy: { OR: [{ memberId: siti.memberId! }, { volunteers: { some: { memberId: siti.memberId! } } }] },
        },
      });
      expect((await listFollowUps(siti, filter, 1)).total, filter).toBe(ofSiti);
    }
    // the board's count is the tally's (a wrong tally shows), the others' are counted
    const open = (await listFollowUps(ketua, "open", 1)).total;
    const koorOpen = (await listFollowUps(koor, "open", 1)).total;
    await db.followUpTally.update({
      where: { chapterId_status: { chapterId: ctx.id, status: "baru" } },
      data: { count: { increment: 1000 } },
    });
    expect((await listFollowUps(ketua, "open", 1)).total).toBe(open + 1000);
    expect((await listFollowUps(koor, "open", 1)).total).toBe(koorOpen);
    await db.followUpTally.update({
      where: { chapterId_status: { chapterId: ctx.id, status: "baru" } },
      data: { count: { decrement: 1000 } },
    });
    expect((await listFollowUps(koor, "all", 1)).total).toBeLessThan((await listFollowUps(ketua, "all", 1)).total);
    expect((await listFollowUps(siti, "all", 1)).total).toBeLessThan((await listFollowUps(ketua, "all", 1)).total);
  });
});

describe("the audit log", () => {
  it("counts from the hours kept by triggers exactly as counting the records, and reads deep pages from the end", async () => {
    const actor = { actorId: ketua.userId, chapterId: ctx.id, entityType: "Chapter", entityId: ctx.id };
    const base = Date.parse("2031-03-10T16:30:00Z"); // 23.30 WIB: the record belongs to the next day there
    await db.auditLog.createMany({
      data: Array.from({ length: 240 }, (_, n) => ({
        ...actor,
        action: n % 2 ? "member.update" : "chapter.update",
        // every third record shares its moment with the one before: ties in `at`
        at: new Date(base + Math.floor(n / 3) * 47 * 60_000),
      })),
    });
    await recordAudit({ ...actor, action: "chapter.update" });
    await db.auditLog.deleteMany({ where: { chapterId: ctx.id, at: new Date(base) } });
    const moved = await db.auditLog.findFirstOrThrow({
      where: { chapterId: ctx.id, at: new Date(base + 47 * 60_000) },
      select: { id: true },
    });
    await db.auditLog.update({ where: { id: moved.id }, data: { at: new Date(base + 50 * 3_600_000) } });

    for (const filters of [{}, { from: "2031-03-11" }, { from: "2031-03-11", to: "2031-03-11" }, { to: "2031-03-10" }]) {
      const { from, to } = filters as { from?: string; to?: string };
      const where = {
        chapterId: ctx.id,
        at: {
          ...(from ? { gte: new Date(`${from}T00:00:00+07:00`) } : {}),
          ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000) } : {}),
        },
      };
      const result = expectOk(await listAuditLog(ketua, filters, 1));
      expect(result.total, JSON.stringify(filters)).toBe(await db.auditLog.count({ where }));
    }

    const first = expectOk(await listAuditLog(ketua, {}, 1));
    const all = await db.auditLog.findMany({
      where: { chapterId: ctx.id },
      select: { id: true },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    expect(first.total).toBe(all.length);
    for (let page = 1; page <= first.pages; page++) {
      const result = expectOk(await listAuditLog(ketua, {}, page));
      expect(result.entries.map((e) => e.id)).toEqual(all.slice((page - 1) * 25, page * 25).map((r) => r.id));
    }
    // a filter by action still counts the records themselves
    const updates = expectOk(await listAuditLog(ketua, { action: "member.update" }, 1));
    expect(updates.total).toBe(await db.auditLog.count({ where: { chapterId: ctx.id, action: "member.update" } }));
  });
});
