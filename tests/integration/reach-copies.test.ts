// The copies of an activity's chapter, status, date and place on its reach rows, and of its
// chapter, status, date, type and duration on its co-volunteer rows, are kept by the database
// (triggers of the `reach_report_copy` and `volunteer_report_copy` migrations), whatever writes
// the rows: the contribution report sums reach and co-volunteers' hours from them without a join.
import { describe, expect, it } from "vitest";
import { activityChapter } from "../factories/activities";
import { db } from "~/utils/db.server";
import { buildMember, calendarDate } from "../factories";

describe("reach rows' copies of their activity", () => {
  it("are set on insert and follow the activity's status, date and place", async () => {
    const chapter = await activityChapter();
    const member = await buildMember({ chapterId: chapter.id, villageCode: "61.71.01.1002", status: "aktif" });
    const [type] = chapter.types;
    const [category] = chapter.ppks;
    const activity = await db.activity.create({
      data: {
        chapterId: chapter.id,
        memberId: member.id,
        date: calendarDate(2026, 10, 5),
        durationMinutes: 60,
        typeId: type!.id,
        villageCode: "61.71.01.1002",
        districtCode: "61.71.01",
        status: "submitted",
        idempotencyKey: `copy-${Date.now()}`,
      },
    });
    await db.activityReach.createMany({
      data: [
        { activityId: activity.id, categoryId: category!.id, sex: "L", count: 2 },
        { activityId: activity.id, categoryId: category!.id, sex: "P", count: 3 },
      ],
    });
    const copies = () =>
      db.activityReach.findMany({
        where: { activityId: activity.id },
        select: { chapterId: true, status: true, date: true, districtCode: true, villageCode: true },
      });
    expect(await copies()).toEqual([
      {
        chapterId: chapter.id,
        status: "submitted",
        date: calendarDate(2026, 10, 5),
        districtCode: "61.71.01",
        villageCode: "61.71.01.1002",
      },
      {
        chapterId: chapter.id,
        status: "submitted",
        date: calendarDate(2026, 10, 5),
        districtCode: "61.71.01",
        villageCode: "61.71.01.1002",
      },
    ]);
    await db.activity.update({ where: { id: activity.id }, data: { status: "verified" } });
    expect((await copies()).map((c) => c.status)).toEqual(["verified", "verified"]);
    await db.activity.update({
      where: { id: activity.id },
      data: { date: calendarDate(2026, 10, 9), villageCode: "61.71.04.1001", districtCode: "61.71.04", status: "returned" },
    });
    expect(await copies()).toEqual(
      Array(2).fill({
        chapterId: chapter.id,
        status: "returned",
        date: calendarDate(2026, 10, 9),
        districtCode: "61.71.04",
        villageCode: "61.71.04.1001",
      }),
    );
  });

  it("are set on co-volunteers and follow the activity's status, date, type and duration", async () => {
    const chapter = await activityChapter();
    const author = await buildMember({ chapterId: chapter.id, villageCode: "61.71.01.1002", status: "aktif" });
    const co = await buildMember({ chapterId: chapter.id, villageCode: "61.71.01.1002", status: "aktif" });
    const [type, other] = chapter.types;
    const activity = await db.activity.create({
      data: {
        chapterId: chapter.id,
        memberId: author.id,
        date: calendarDate(2026, 10, 5),
        durationMinutes: 90,
        typeId: type!.id,
        villageCode: "61.71.01.1002",
        districtCode: "61.71.01",
        status: "submitted",
        idempotencyKey: `co-copy-${Date.now()}`,
        volunteers: { create: { memberId: co.id } },
      },
    });
    const copies = () =>
      db.activityVolunteer.findMany({
        where: { activityId: activity.id },
        select: { memberId: true, chapterId: true, status: true, date: true, typeId: true, durationMinutes: true },
      });
    expect(await copies()).toEqual([
      {
        memberId: co.id,
        chapterId: chapter.id,
        status: "submitted",
        date: calendarDate(2026, 10, 5),
        typeId: type!.id,
        durationMinutes: 90,
      },
    ]);
    await db.activity.update({
      where: { id: activity.id },
      data: { status: "verified", typeId: other!.id, durationMinutes: 150, date: calendarDate(2026, 10, 7) },
    });
    expect(await copies()).toEqual([
      {
        memberId: co.id,
        chapterId: chapter.id,
        status: "verified",
        date: calendarDate(2026, 10, 7),
        typeId: other!.id,
        durationMinutes: 150,
      },
    ]);
    // an edit replaces the co-volunteers: the new rows get the copies too
    await db.activityVolunteer.deleteMany({ where: { activityId: activity.id } });
    await db.activityVolunteer.createMany({ data: [{ activityId: activity.id, memberId: co.id }] });
    expect((await copies())[0]).toMatchObject({ status: "verified", typeId: other!.id, durationMinutes: 150 });
  });
});
