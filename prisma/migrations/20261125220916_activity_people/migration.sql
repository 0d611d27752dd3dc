-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "startTime" TEXT,
    "endTime" TEXT,
    "durationMinutes" INTEGER NOT NULL,
    "typeId" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "rt" TEXT,
    "rw" TEXT,
    "households" INTEGER NOT NULL DEFAULT 0,
    "people" INTEGER NOT NULL DEFAULT 0,
    "narrative" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "returnReason" TEXT,
    "submittedAt" DATETIME,
    "verifiedAt" DATETIME,
    "verifiedById" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "ActivityType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_villageCode_fkey" FOREIGN KEY ("villageCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("chapterId", "createdAt", "date", "districtCode", "durationMinutes", "endTime", "households", "id", "idempotencyKey", "latitude", "longitude", "memberId", "narrative", "returnReason", "rt", "rw", "startTime", "status", "submittedAt", "typeId", "updatedAt", "verifiedAt", "verifiedById", "villageCode") SELECT "chapterId", "createdAt", "date", "districtCode", "durationMinutes", "endTime", "households", "id", "idempotencyKey", "latitude", "longitude", "memberId", "narrative", "returnReason", "rt", "rw", "startTime", "status", "submittedAt", "typeId", "updatedAt", "verifiedAt", "verifiedById", "villageCode" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE UNIQUE INDEX "Activity_idempotencyKey_key" ON "Activity"("idempotencyKey");
CREATE INDEX "Activity_chapterId_date_idx" ON "Activity"("chapterId", "date");
CREATE INDEX "Activity_chapterId_status_date_idx" ON "Activity"("chapterId", "status", "date");
CREATE INDEX "Activity_chapterId_districtCode_date_idx" ON "Activity"("chapterId", "districtCode", "date");
CREATE INDEX "Activity_chapterId_typeId_date_idx" ON "Activity"("chapterId", "typeId", "date");
CREATE INDEX "Activity_memberId_date_idx" ON "Activity"("memberId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- People reached, from the reach rows of the activities already logged.
UPDATE "Activity" SET "people" = COALESCE((SELECT SUM("count") FROM "ActivityReach" WHERE "ActivityReach"."activityId" = "Activity"."id"), 0);
