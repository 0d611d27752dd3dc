-- AlterTable
ALTER TABLE "ActivityReach" ADD COLUMN "chapterId" TEXT;
ALTER TABLE "ActivityReach" ADD COLUMN "date" DATETIME;
ALTER TABLE "ActivityReach" ADD COLUMN "districtCode" TEXT;
ALTER TABLE "ActivityReach" ADD COLUMN "status" TEXT;
ALTER TABLE "ActivityReach" ADD COLUMN "villageCode" TEXT;

-- CreateIndex
CREATE INDEX "ActivityReach_report_idx" ON "ActivityReach"("chapterId", "status", "date", "categoryId", "districtCode", "villageCode", "sex", "count");


-- The copies are kept by the database: filled for the reach already recorded, set when a reach
-- row is written, and followed when its activity changes chapter, status, date or place
-- (verification, return, reopening, an edit). The application never writes them.
UPDATE "ActivityReach" SET
    "chapterId" = (SELECT a."chapterId" FROM "Activity" a WHERE a."id" = "ActivityReach"."activityId"),
    "status" = (SELECT a."status" FROM "Activity" a WHERE a."id" = "ActivityReach"."activityId"),
    "date" = (SELECT a."date" FROM "Activity" a WHERE a."id" = "ActivityReach"."activityId"),
    "districtCode" = (SELECT a."districtCode" FROM "Activity" a WHERE a."id" = "ActivityReach"."activityId"),
    "villageCode" = (SELECT a."villageCode" FROM "Activity" a WHERE a."id" = "ActivityReach"."activityId");

CREATE TRIGGER "ActivityReach_copy_on_insert" AFTER INSERT ON "ActivityReach"
BEGIN
    UPDATE "ActivityReach" SET
        "chapterId" = a."chapterId", "status" = a."status", "date" = a."date", "districtCode" = a."districtCode", "villageCode" = a."villageCode"
    FROM (SELECT "chapterId", "status", "date", "districtCode", "villageCode" FROM "Activity" WHERE "id" = NEW."activityId") AS a
    WHERE "ActivityReach"."id" = NEW."id";
END;

CREATE TRIGGER "ActivityReach_copy_on_activity_change" AFTER UPDATE OF "chapterId", "status", "date", "districtCode", "villageCode" ON "Activity"
BEGIN
    UPDATE "ActivityReach" SET
        "chapterId" = NEW."chapterId", "status" = NEW."status", "date" = NEW."date", "districtCode" = NEW."districtCode", "villageCode" = NEW."villageCode"
    WHERE "activityId" = NEW."id";
END;
