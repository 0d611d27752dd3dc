-- AlterTable
ALTER TABLE "ActivityVolunteer" ADD COLUMN "chapterId" TEXT;
ALTER TABLE "ActivityVolunteer" ADD COLUMN "date" DATETIME;
ALTER TABLE "ActivityVolunteer" ADD COLUMN "durationMinutes" INTEGER;
ALTER TABLE "ActivityVolunteer" ADD COLUMN "status" TEXT;
ALTER TABLE "ActivityVolunteer" ADD COLUMN "typeId" TEXT;

-- CreateIndex
CREATE INDEX "ActivityVolunteer_report_idx" ON "ActivityVolunteer"("chapterId", "status", "date", "memberId", "typeId", "durationMinutes");


-- The copies are kept by the database, like the reach rows' (migration reach_report_copy): filled
-- for the co-volunteers already recorded, set when a co-volunteer is written, and followed when
-- the activity changes chapter, status, date, type or duration. The application never writes them.
UPDATE "ActivityVolunteer" SET
    "chapterId" = (SELECT a."chapterId" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId"),
    "status" = (SELECT a."status" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId"),
    "date" = (SELECT a."date" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId"),
    "typeId" = (SELECT a."typeId" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId"),
    "durationMinutes" = (SELECT a."durationMinutes" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId");

CREATE TRIGGER "ActivityVolunteer_copy_on_insert" AFTER INSERT ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityVolunteer" SET
        "chapterId" = a."chapterId", "status" = a."status", "date" = a."date", "typeId" = a."typeId", "durationMinutes" = a."durationMinutes"
    FROM (SELECT "chapterId", "status", "date", "typeId", "durationMinutes" FROM "Activity" WHERE "id" = NEW."activityId") AS a
    WHERE "ActivityVolunteer"."activityId" = NEW."activityId" AND "ActivityVolunteer"."memberId" = NEW."memberId";
END;

CREATE TRIGGER "ActivityVolunteer_copy_on_activity_change" AFTER UPDATE OF "chapterId", "status", "date", "typeId", "durationMinutes" ON "Activity"
BEGIN
    UPDATE "ActivityVolunteer" SET
        "chapterId" = NEW."chapterId", "status" = NEW."status", "date" = NEW."date", "typeId" = NEW."typeId", "durationMinutes" = NEW."durationMinutes"
    WHERE "activityId" = NEW."id";
END;
