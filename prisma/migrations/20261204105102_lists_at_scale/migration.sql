-- DropIndex
DROP INDEX "AuditLog_chapterId_at_idx";

-- DropIndex
DROP INDEX "Activity_chapterId_typeId_date_idx";

-- DropIndex
DROP INDEX "Activity_chapterId_districtCode_date_idx";

-- DropIndex
DROP INDEX "Activity_chapterId_date_idx";

-- DropIndex
DROP INDEX "FollowUp_chapterId_status_idx";

-- AlterTable
ALTER TABLE "ActivityVolunteer" ADD COLUMN "districtCode" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "openedOn" DATETIME;

-- CreateTable
CREATE TABLE "AuditLogHour" (
    "chapterId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "records" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("chapterId", "hour")
);

-- CreateTable
CREATE TABLE "ActivityDayTotal" (
    "chapterId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "districtCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activities" INTEGER NOT NULL DEFAULT 0,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "coMinutes" INTEGER NOT NULL DEFAULT 0,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("chapterId", "date", "districtCode", "status")
);

-- CreateIndex
CREATE INDEX "ActivityDayTotal_sums_idx" ON "ActivityDayTotal"("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people");

-- CreateIndex
CREATE INDEX "AuditLog_chapterId_at_id_idx" ON "AuditLog"("chapterId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_chapterId_action_at_id_idx" ON "AuditLog"("chapterId", "action", "at", "id");

-- CreateIndex
CREATE INDEX "Activity_chapterId_date_createdAt_id_idx" ON "Activity"("chapterId", "date", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Activity_district_list_idx" ON "Activity"("chapterId", "districtCode", "date", "createdAt", "id", "status", "durationMinutes", "households", "people");

-- CreateIndex
CREATE INDEX "Activity_type_list_idx" ON "Activity"("chapterId", "typeId", "date", "createdAt", "id", "status", "durationMinutes", "households", "people");

-- CreateIndex
CREATE INDEX "Activity_queue_idx" ON "Activity"("chapterId", "status", "submittedAt", "districtCode", "memberId", "id");

-- CreateIndex
CREATE INDEX "ActivityVolunteer_type_idx" ON "ActivityVolunteer"("chapterId", "typeId", "date", "districtCode", "status", "durationMinutes");

-- CreateIndex
CREATE INDEX "FollowUp_chapterId_status_openedOn_createdAt_id_idx" ON "FollowUp"("chapterId", "status", "openedOn", "createdAt", "id");

-- CreateIndex
CREATE INDEX "FollowUp_chapterId_openedOn_createdAt_id_idx" ON "FollowUp"("chapterId", "openedOn", "createdAt", "id");



-- ActivityVolunteer's copies take the activity's kecamatan too (the triggers of migration
-- volunteer_report_copy, recreated with districtCode).
UPDATE "ActivityVolunteer" SET
    "districtCode" = (SELECT a."districtCode" FROM "Activity" a WHERE a."id" = "ActivityVolunteer"."activityId");

DROP TRIGGER "ActivityVolunteer_copy_on_insert";
DROP TRIGGER "ActivityVolunteer_copy_on_activity_change";

CREATE TRIGGER "ActivityVolunteer_copy_on_insert" AFTER INSERT ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityVolunteer" SET
        "chapterId" = a."chapterId", "status" = a."status", "date" = a."date", "typeId" = a."typeId",
        "districtCode" = a."districtCode", "durationMinutes" = a."durationMinutes"
    FROM (SELECT "chapterId", "status", "date", "typeId", "districtCode", "durationMinutes" FROM "Activity" WHERE "id" = NEW."activityId") AS a
    WHERE "ActivityVolunteer"."activityId" = NEW."activityId" AND "ActivityVolunteer"."memberId" = NEW."memberId";
END;

CREATE TRIGGER "ActivityVolunteer_copy_on_activity_change" AFTER UPDATE OF "chapterId", "status", "date", "typeId", "districtCode", "durationMinutes" ON "Activity"
BEGIN
    UPDATE "ActivityVolunteer" SET
        "chapterId" = NEW."chapterId", "status" = NEW."status", "date" = NEW."date", "typeId" = NEW."typeId",
        "districtCode" = NEW."districtCode", "durationMinutes" = NEW."durationMinutes"
    WHERE "activityId" = NEW."id";
END;

-- ActivityDayTotal: filled from the activities already recorded, then kept by triggers. Each row
-- of Activity adds itself to the total of its (chapter, date, kecamatan, status) and each
-- co-volunteer row (through its copies) adds the activity's duration to coMinutes; an update
-- takes the old values out and puts the new ones in; a delete takes them out.
INSERT INTO "ActivityDayTotal" ("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
SELECT "chapterId", "date", "districtCode", "status", COUNT(*), SUM("durationMinutes"), 0, SUM("households"), SUM("people")
FROM "Activity" GROUP BY "chapterId", "date", "districtCode", "status";

UPDATE "ActivityDayTotal" SET "coMinutes" = v."minutes"
FROM (
    SELECT "chapterId", "date", "districtCode", "status", SUM("durationMinutes") AS "minutes" FROM "ActivityVolunteer"
    WHERE "chapterId" IS NOT NULL GROUP BY "chapterId", "date", "districtCode", "status"
) AS v
WHERE "ActivityDayTotal"."chapterId" = v."chapterId" AND "ActivityDayTotal"."date" = v."date"
    AND "ActivityDayTotal"."districtCode" = v."districtCode" AND "ActivityDayTotal"."status" = v."status";

CREATE TRIGGER "ActivityDayTotal_activity_insert" AFTER INSERT ON "Activity"
BEGIN
    INSERT INTO "ActivityDayTotal" ("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    VALUES (NEW."chapterId", NEW."date", NEW."districtCode", NEW."status", 1, NEW."durationMinutes", 0, NEW."households", NEW."people")
    ON CONFLICT ("chapterId", "date", "districtCode", "status") DO UPDATE SET
        "activities" = "activities" + 1, "minutes" = "minutes" + excluded."minutes",
        "households" = "households" + excluded."households", "people" = "people" + excluded."people";
END;

CREATE TRIGGER "ActivityDayTotal_activity_update" AFTER UPDATE OF "chapterId", "date", "districtCode", "status", "durationMinutes", "households", "people" ON "Activity"
BEGIN
    UPDATE "ActivityDayTotal" SET
        "activities" = "activities" - 1, "minutes" = "minutes" - OLD."durationMinutes",
        "households" = "households" - OLD."households", "people" = "people" - OLD."people"
    WHERE "chapterId" = OLD."chapterId" AND "date" = OLD."date" AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
    INSERT INTO "ActivityDayTotal" ("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    VALUES (NEW."chapterId", NEW."date", NEW."districtCode", NEW."status", 1, NEW."durationMinutes", 0, NEW."households", NEW."people")
    ON CONFLICT ("chapterId", "date", "districtCode", "status") DO UPDATE SET
        "activities" = "activities" + 1, "minutes" = "minutes" + excluded."minutes",
        "households" = "households" + excluded."households", "people" = "people" + excluded."people";
END;

CREATE TRIGGER "ActivityDayTotal_activity_delete" AFTER DELETE ON "Activity"
BEGIN
    UPDATE "ActivityDayTotal" SET
        "activities" = "activities" - 1, "minutes" = "minutes" - OLD."durationMinutes",
        "households" = "households" - OLD."households", "people" = "people" - OLD."people"
    WHERE "chapterId" = OLD."chapterId" AND "date" = OLD."date" AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
END;

-- A co-volunteer row is inserted without copies (the copy trigger fills them with an UPDATE), so
-- its insert adds nothing here and the update that fills the copies adds it.
CREATE TRIGGER "ActivityDayTotal_volunteer_update" AFTER UPDATE OF "chapterId", "date", "districtCode", "status", "durationMinutes" ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityDayTotal" SET "coMinutes" = "coMinutes" - OLD."durationMinutes"
    WHERE OLD."chapterId" IS NOT NULL AND "chapterId" = OLD."chapterId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
    INSERT INTO "ActivityDayTotal" ("chapterId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    SELECT NEW."chapterId", NEW."date", NEW."districtCode", NEW."status", 0, 0, NEW."durationMinutes", 0, 0
    WHERE NEW."chapterId" IS NOT NULL AND NEW."date" IS NOT NULL AND NEW."districtCode" IS NOT NULL AND NEW."status" IS NOT NULL
    ON CONFLICT ("chapterId", "date", "districtCode", "status") DO UPDATE SET "coMinutes" = "coMinutes" + excluded."coMinutes";
END;

CREATE TRIGGER "ActivityDayTotal_volunteer_delete" AFTER DELETE ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityDayTotal" SET "coMinutes" = "coMinutes" - OLD."durationMinutes"
    WHERE OLD."chapterId" IS NOT NULL AND "chapterId" = OLD."chapterId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
END;

-- FollowUp.openedOn: the opening activity's date, filled and then followed.
UPDATE "FollowUp" SET "openedOn" = (SELECT a."date" FROM "Activity" a WHERE a."id" = "FollowUp"."openedById");

CREATE TRIGGER "FollowUp_openedOn_on_insert" AFTER INSERT ON "FollowUp"
BEGIN
    UPDATE "FollowUp" SET "openedOn" = (SELECT a."date" FROM "Activity" a WHERE a."id" = NEW."openedById") WHERE "id" = NEW."id";
END;

CREATE TRIGGER "FollowUp_openedOn_on_reopen" AFTER UPDATE OF "openedById" ON "FollowUp"
BEGIN
    UPDATE "FollowUp" SET "openedOn" = (SELECT a."date" FROM "Activity" a WHERE a."id" = NEW."openedById") WHERE "id" = NEW."id";
END;

CREATE TRIGGER "FollowUp_openedOn_on_activity_date" AFTER UPDATE OF "date" ON "Activity"
BEGIN
    UPDATE "FollowUp" SET "openedOn" = NEW."date" WHERE "openedById" = NEW."id";
END;

-- AuditLogHour: the records per chapter and hour (UTC), filled and then kept.
INSERT INTO "AuditLogHour" ("chapterId", "hour", "records")
SELECT "chapterId", strftime('%Y-%m-%dT%H:00:00.000+00:00', "at"), COUNT(*) FROM "AuditLog"
WHERE "chapterId" IS NOT NULL AND strftime('%Y-%m-%dT%H:00:00.000+00:00', "at") IS NOT NULL
GROUP BY 1, 2;

CREATE TRIGGER "AuditLogHour_insert" AFTER INSERT ON "AuditLog"
WHEN NEW."chapterId" IS NOT NULL AND strftime('%Y-%m-%dT%H:00:00.000+00:00', NEW."at") IS NOT NULL
BEGIN
    INSERT INTO "AuditLogHour" ("chapterId", "hour", "records")
    VALUES (NEW."chapterId", strftime('%Y-%m-%dT%H:00:00.000+00:00', NEW."at"), 1)
    ON CONFLICT ("chapterId", "hour") DO UPDATE SET "records" = "records" + 1;
END;

CREATE TRIGGER "AuditLogHour_delete" AFTER DELETE ON "AuditLog"
WHEN OLD."chapterId" IS NOT NULL
BEGIN
    UPDATE "AuditLogHour" SET "records" = "records" - 1
    WHERE "chapterId" = OLD."chapterId" AND "hour" = strftime('%Y-%m-%dT%H:00:00.000+00:00', OLD."at");
END;

CREATE TRIGGER "AuditLogHour_move" AFTER UPDATE OF "chapterId", "at" ON "AuditLog"
BEGIN
    UPDATE "AuditLogHour" SET "records" = "records" - 1
    WHERE OLD."chapterId" IS NOT NULL AND "chapterId" = OLD."chapterId" AND "hour" = strftime('%Y-%m-%dT%H:00:00.000+00:00', OLD."at");
    INSERT INTO "AuditLogHour" ("chapterId", "hour", "records")
    SELECT NEW."chapterId", strftime('%Y-%m-%dT%H:00:00.000+00:00', NEW."at"), 1
    WHERE NEW."chapterId" IS NOT NULL AND strftime('%Y-%m-%dT%H:00:00.000+00:00', NEW."at") IS NOT NULL
    ON CONFLICT ("chapterId", "hour") DO UPDATE SET "records" = "records" + 1;
END;
