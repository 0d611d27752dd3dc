-- CreateTable
CREATE TABLE "LeadershipPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "skNumber" TEXT,
    "skDate" DATETIME,
    "skIssuer" TEXT,
    "installationDate" DATETIME,
    "installationPlace" TEXT,
    "skFile" TEXT,
    "skFileType" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "activatedAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LeadershipPeriod_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardPosition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bidang" TEXT,
    "districtCode" TEXT,
    "singleHolder" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardPosition_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BoardPosition_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionHolding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "skNumber" TEXT,
    "skDate" DATETIME,
    "endReason" TEXT,
    "endNote" TEXT,
    "replacesId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PositionHolding_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "LeadershipPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PositionHolding_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "BoardPosition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PositionHolding_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PositionHolding_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "PositionHolding" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LeadershipPeriod_chapterId_status_idx" ON "LeadershipPeriod"("chapterId", "status");

-- CreateIndex
CREATE INDEX "LeadershipPeriod_chapterId_startDate_idx" ON "LeadershipPeriod"("chapterId", "startDate");

-- CreateIndex
CREATE INDEX "BoardPosition_chapterId_sortOrder_idx" ON "BoardPosition"("chapterId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "BoardPosition_chapterId_title_key" ON "BoardPosition"("chapterId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "PositionHolding_replacesId_key" ON "PositionHolding"("replacesId");

-- CreateIndex
CREATE INDEX "PositionHolding_periodId_positionId_idx" ON "PositionHolding"("periodId", "positionId");

-- CreateIndex
CREATE INDEX "PositionHolding_memberId_startDate_idx" ON "PositionHolding"("memberId", "startDate");


-- Board rights now follow positions in the active leadership period, not a "board" role
-- (docs/decisions/007): former board accounts become member (volunteer) accounts.
UPDATE "User" SET "role" = 'volunteer' WHERE "role" = 'board';
