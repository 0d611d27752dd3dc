// The copies of an activity's chapter, status, date and place on its reach rows are kept by the
// database (triggers of the `reach_report_copy` migration), whatever writes the rows: the
// contribution report sums reach from them without a join.
import { describe, expect, it } from "vitest";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/activities.server";
import { db } from "~/utils/db.server";
import { buildChapter, buildMember, calendarDate } from "../factories";

describe("reach rows' copies of their activity", () => {
  it("are set on insert and follow the activity's status, date and place", async () => {
    const chapter = await buildChapter({});
    await ensureActivityCatalogue(chapter.id);
    const member = await buildMember({ chapterId: chapter.id, villageCode: "61.71.01.1002", status: "aktif" });
    const [type] = await listActivityTypes(chapter.id);
    const [category] = await listPpksCategories(chapter.id);
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
    await db.activityReach.createMany({ data: [{ activityId: activity.id, categoryId: category!.id, sex: "L", count: 2 }, { activityId: activity.id, categoryId: category!.id, sex: "P", count: 3 }] });
    const copies = () => db.activityReach.findMany({ where: { activityId: activity.id }, select: { chapterId: true, status: true, date: true, districtCode: true, villageCode: true } });
    expect(await copies()).toEqual([
      { chapterId: chapter.id, status: "submitted", date: calendarDate(2026, 10, 5), districtCode: "61.71.01", villageCode: "61.71.01.1002" },
      { chapterId: chapter.id, status: "submitted", date: calendarDate(2026, 10, 5), districtCode: "61.71.01", villageCode: "61.71.01.1002" },
    ]);
    await db.activity.update({ where: { id: activity.id }, data: { status: "verified" } });
    expect((await copies()).map((c) => c.status)).toEqual(["verified", "verified"]);
    await db.activity.update({ where: { id: activity.id }, data: { date: calendarDate(2026, 10, 9), villageCode: "61.71.04.1001", districtCode: "61.71.04", status: "returned" } });
    expect(await copies()).toEqual(
      Array(2).fill({ chapterId: chapter.id, status: "returned", date: calendarDate(2026, 10, 9), districtCode: "61.71.04", villageCode: "61.71.04.1001" }),
    );
  });
});
