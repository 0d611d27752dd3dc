-- CreateTable
CREATE TABLE "FollowUpUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "followUpId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpUpdate_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpUpdate_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "keepCaseIdentifiers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chapter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Chapter_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("activityClosingDays", "address", "cardValidityYears", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website") SELECT "activityClosingDays", "address", "cardValidityYears", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
CREATE TABLE "new_PpksCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT,
    "number" INTEGER,
    "name" TEXT NOT NULL,
    "forChildren" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "PpksCategory_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PpksCategory" ("chapterId", "forChildren", "id", "name", "number", "sortOrder") SELECT "chapterId", "forChildren", "id", "name", "number", "sortOrder" FROM "PpksCategory";
DROP TABLE "PpksCategory";
ALTER TABLE "new_PpksCategory" RENAME TO "PpksCategory";
CREATE INDEX "PpksCategory_chapterId_sortOrder_idx" ON "PpksCategory"("chapterId", "sortOrder");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FollowUpUpdate_followUpId_idx" ON "FollowUpUpdate"("followUpId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpUpdate_activityId_followUpId_key" ON "FollowUpUpdate"("activityId", "followUpId");

