-- CreateTable
CREATE TABLE "ActivityTypeDayTotal" (
    "chapterId" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "districtCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activities" INTEGER NOT NULL DEFAULT 0,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "coMinutes" INTEGER NOT NULL DEFAULT 0,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("chapterId", "typeId", "date", "districtCode", "status")
);

-- CreateTable
CREATE TABLE "FollowUpTally" (
    "chapterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("chapterId", "status")
);

-- CreateIndex
CREATE INDEX "ActivityTypeDayTotal_sums_idx" ON "ActivityTypeDayTotal"("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people");




-- ActivityTypeDayTotal: ActivityDayTotal's sums per activity type too (docs/decisions/031,
-- addendum), filled from the activities already recorded, then kept by triggers that mirror
-- ActivityDayTotal's one for one with typeId in the key.
INSERT INTO "ActivityTypeDayTotal" ("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
SELECT "chapterId", "typeId", "date", "districtCode", "status", COUNT(*), SUM("durationMinutes"), 0, SUM("households"), SUM("people")
FROM "Activity" GROUP BY "chapterId", "typeId", "date", "districtCode", "status";

UPDATE "ActivityTypeDayTotal" SET "coMinutes" = v."minutes"
FROM (
    SELECT "chapterId", "typeId", "date", "districtCode", "status", SUM("durationMinutes") AS "minutes" FROM "ActivityVolunteer"
    WHERE "chapterId" IS NOT NULL GROUP BY "chapterId", "typeId", "date", "districtCode", "status"
) AS v
WHERE "ActivityTypeDayTotal"."chapterId" = v."chapterId" AND "ActivityTypeDayTotal"."typeId" = v."typeId"
    AND "ActivityTypeDayTotal"."date" = v."date" AND "ActivityTypeDayTotal"."districtCode" = v."districtCode"
    AND "ActivityTypeDayTotal"."status" = v."status";

CREATE TRIGGER "ActivityTypeDayTotal_activity_insert" AFTER INSERT ON "Activity"
BEGIN
    INSERT INTO "ActivityTypeDayTotal" ("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    VALUES (NEW."chapterId", NEW."typeId", NEW."date", NEW."districtCode", NEW."status", 1, NEW."durationMinutes", 0, NEW."households", NEW."people")
    ON CONFLICT ("chapterId", "typeId", "date", "districtCode", "status") DO UPDATE SET
        "activities" = "activities" + 1, "minutes" = "minutes" + excluded."minutes",
        "households" = "households" + excluded."households", "people" = "people" + excluded."people";
END;

CREATE TRIGGER "ActivityTypeDayTotal_activity_update" AFTER UPDATE OF "chapterId", "typeId", "date", "districtCode", "status", "durationMinutes", "households", "people" ON "Activity"
BEGIN
    UPDATE "ActivityTypeDayTotal" SET
        "activities" = "activities" - 1, "minutes" = "minutes" - OLD."durationMinutes",
        "households" = "households" - OLD."households", "people" = "people" - OLD."people"
    WHERE "chapterId" = OLD."chapterId" AND "typeId" = OLD."typeId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
    INSERT INTO "ActivityTypeDayTotal" ("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    VALUES (NEW."chapterId", NEW."typeId", NEW."date", NEW."districtCode", NEW."status", 1, NEW."durationMinutes", 0, NEW."households", NEW."people")
    ON CONFLICT ("chapterId", "typeId", "date", "districtCode", "status") DO UPDATE SET
        "activities" = "activities" + 1, "minutes" = "minutes" + excluded."minutes",
        "households" = "households" + excluded."households", "people" = "people" + excluded."people";
END;

CREATE TRIGGER "ActivityTypeDayTotal_activity_delete" AFTER DELETE ON "Activity"
BEGIN
    UPDATE "ActivityTypeDayTotal" SET
        "activities" = "activities" - 1, "minutes" = "minutes" - OLD."durationMinutes",
        "households" = "households" - OLD."households", "people" = "people" - OLD."people"
    WHERE "chapterId" = OLD."chapterId" AND "typeId" = OLD."typeId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
END;

-- As for ActivityDayTotal: a co-volunteer row is inserted without copies, the copy trigger's
-- UPDATE (and every later change of the activity's copied columns, typeId included) moves its
-- minutes.
CREATE TRIGGER "ActivityTypeDayTotal_volunteer_update" AFTER UPDATE OF "chapterId", "typeId", "date", "districtCode", "status", "durationMinutes" ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityTypeDayTotal" SET "coMinutes" = "coMinutes" - OLD."durationMinutes"
    WHERE OLD."chapterId" IS NOT NULL AND "chapterId" = OLD."chapterId" AND "typeId" = OLD."typeId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
    INSERT INTO "ActivityTypeDayTotal" ("chapterId", "typeId", "date", "districtCode", "status", "activities", "minutes", "coMinutes", "households", "people")
    SELECT NEW."chapterId", NEW."typeId", NEW."date", NEW."districtCode", NEW."status", 0, 0, NEW."durationMinutes", 0, 0
    WHERE NEW."chapterId" IS NOT NULL AND NEW."typeId" IS NOT NULL AND NEW."date" IS NOT NULL
        AND NEW."districtCode" IS NOT NULL AND NEW."status" IS NOT NULL
    ON CONFLICT ("chapterId", "typeId", "date", "districtCode", "status") DO UPDATE SET "coMinutes" = "coMinutes" + excluded."coMinutes";
END;

CREATE TRIGGER "ActivityTypeDayTotal_volunteer_delete" AFTER DELETE ON "ActivityVolunteer"
BEGIN
    UPDATE "ActivityTypeDayTotal" SET "coMinutes" = "coMinutes" - OLD."durationMinutes"
    WHERE OLD."chapterId" IS NOT NULL AND "chapterId" = OLD."chapterId" AND "typeId" = OLD."typeId" AND "date" = OLD."date"
        AND "districtCode" = OLD."districtCode" AND "status" = OLD."status";
END;

-- FollowUpTally: the follow-ups per chapter and status (as MemberTally, docs/decisions/030),
-- filled and then kept. A row may fall to 0; it is never removed.
INSERT INTO "FollowUpTally" ("chapterId", "status", "count")
SELECT "chapterId", "status", COUNT(*) FROM "FollowUp" GROUP BY 1, 2;

CREATE TRIGGER "FollowUp_tally_insert" AFTER INSERT ON "FollowUp"
BEGIN
    INSERT INTO "FollowUpTally" ("chapterId", "status", "count")
    VALUES (NEW."chapterId", NEW."status", 1)
    ON CONFLICT ("chapterId", "status") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "FollowUp_tally_update" AFTER UPDATE OF "chapterId", "status" ON "FollowUp"
BEGIN
    UPDATE "FollowUpTally" SET "count" = "count" - 1
    WHERE "chapterId" = OLD."chapterId" AND "status" = OLD."status";
    INSERT INTO "FollowUpTally" ("chapterId", "status", "count")
    VALUES (NEW."chapterId", NEW."status", 1)
    ON CONFLICT ("chapterId", "status") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "FollowUp_tally_delete" AFTER DELETE ON "FollowUp"
BEGIN
    UPDATE "FollowUpTally" SET "count" = "count" - 1
    WHERE "chapterId" = OLD."chapterId" AND "status" = OLD."status";
END;
