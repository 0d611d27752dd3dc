-- CreateTable
CREATE TABLE "ActivityType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "ActivityType_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PpksCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT,
    "number" INTEGER,
    "name" TEXT NOT NULL,
    "forChildren" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PpksCategory_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
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

-- CreateTable
CREATE TABLE "ActivityReach" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "ageBand" TEXT,
    "count" INTEGER NOT NULL,
    CONSTRAINT "ActivityReach_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityReach_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PpksCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityAid" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit" TEXT,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "ActivityAid_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityVolunteer" (
    "activityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("activityId", "memberId"),
    CONSTRAINT "ActivityVolunteer_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityVolunteer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityPhoto_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "closedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'baru',
    "institution" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "caseIdentifier" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUp_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "Activity" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Chapter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "parentId" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "letterPlace" TEXT NOT NULL,
    "letterheadSubtitle" TEXT NOT NULL,
    "memberNumberPattern" TEXT NOT NULL DEFAULT '{KODE}-{TAHUN}-{NOMOR:4}',
    "memberNumberNext" INTEGER NOT NULL DEFAULT 1,
    "cardValidityYears" INTEGER NOT NULL DEFAULT 5,
    "activityClosingDays" INTEGER NOT NULL DEFAULT 60,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chapter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Chapter_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("address", "cardValidityYears", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website") SELECT "address", "cardValidityYears", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ActivityType_chapterId_name_key" ON "ActivityType"("chapterId", "name");

-- CreateIndex
CREATE INDEX "PpksCategory_chapterId_sortOrder_idx" ON "PpksCategory"("chapterId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_idempotencyKey_key" ON "Activity"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Activity_chapterId_date_idx" ON "Activity"("chapterId", "date");

-- CreateIndex
CREATE INDEX "Activity_chapterId_status_date_idx" ON "Activity"("chapterId", "status", "date");

-- CreateIndex
CREATE INDEX "Activity_chapterId_districtCode_date_idx" ON "Activity"("chapterId", "districtCode", "date");

-- CreateIndex
CREATE INDEX "Activity_memberId_date_idx" ON "Activity"("memberId", "date");

-- CreateIndex
CREATE INDEX "ActivityReach_activityId_idx" ON "ActivityReach"("activityId");

-- CreateIndex
CREATE INDEX "ActivityReach_categoryId_idx" ON "ActivityReach"("categoryId");

-- CreateIndex
CREATE INDEX "ActivityAid_activityId_idx" ON "ActivityAid"("activityId");

-- CreateIndex
CREATE INDEX "ActivityVolunteer_memberId_idx" ON "ActivityVolunteer"("memberId");

-- CreateIndex
CREATE INDEX "ActivityPhoto_activityId_idx" ON "ActivityPhoto"("activityId");

-- CreateIndex
CREATE INDEX "FollowUp_chapterId_status_idx" ON "FollowUp"("chapterId", "status");

