-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector" TEXT,
    "address" TEXT,
    "status" TEXT NOT NULL DEFAULT 'aktif',
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Partner_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartnerContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "phone" TEXT,
    "email" TEXT,
    CONSTRAINT "PartnerContact_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartnerAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" DATETIME NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "file" TEXT,
    "fileType" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartnerAgreement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "budget" INTEGER NOT NULL,
    "fundingSource" TEXT NOT NULL,
    "coordinatorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Programme_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgrammePartner" (
    "programmeId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "agreementId" TEXT,
    "committed" INTEGER NOT NULL,

    PRIMARY KEY ("programmeId", "partnerId"),
    CONSTRAINT "ProgrammePartner_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgrammePartner_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgrammePartner_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "PartnerAgreement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgrammeVillage" (
    "programmeId" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,

    PRIMARY KEY ("programmeId", "villageCode"),
    CONSTRAINT "ProgrammeVillage_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgrammeVillage_villageCode_fkey" FOREIGN KEY ("villageCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgrammeTarget" (
    "programmeId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "target" INTEGER NOT NULL,

    PRIMARY KEY ("programmeId", "categoryId"),
    CONSTRAINT "ProgrammeTarget_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgrammeTarget_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "PpksCategory" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgrammeVolunteer" (
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("programmeId", "memberId"),
    CONSTRAINT "ProgrammeVolunteer_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgrammeVolunteer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgrammePhoto" (
    "programmeId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("programmeId", "photoId"),
    CONSTRAINT "ProgrammePhoto_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgrammePhoto_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MoneyEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "amount" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "partnerId" TEXT,
    "overBudgetReason" TEXT,
    "receiptFile" TEXT,
    "receiptFileType" TEXT,
    "status" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "reversesId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MoneyEntry_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MoneyEntry_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MoneyEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MoneyEntry_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MoneyEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "MoneyEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "financeApprovalThreshold" INTEGER NOT NULL DEFAULT 5000000,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chapter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Chapter_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("activityClosingDays", "address", "cardValidityYears", "code", "createdAt", "email", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website") SELECT "activityClosingDays", "address", "cardValidityYears", "code", "createdAt", "email", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
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
    "programmeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "ActivityType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_villageCode_fkey" FOREIGN KEY ("villageCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("chapterId", "createdAt", "date", "districtCode", "durationMinutes", "endTime", "households", "id", "idempotencyKey", "latitude", "longitude", "memberId", "narrative", "people", "returnReason", "rt", "rw", "startTime", "status", "submittedAt", "typeId", "updatedAt", "verifiedAt", "verifiedById", "villageCode") SELECT "chapterId", "createdAt", "date", "districtCode", "durationMinutes", "endTime", "households", "id", "idempotencyKey", "latitude", "longitude", "memberId", "narrative", "people", "returnReason", "rt", "rw", "startTime", "status", "submittedAt", "typeId", "updatedAt", "verifiedAt", "verifiedById", "villageCode" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE UNIQUE INDEX "Activity_idempotencyKey_key" ON "Activity"("idempotencyKey");
CREATE INDEX "Activity_chapterId_date_idx" ON "Activity"("chapterId", "date");
CREATE INDEX "Activity_chapterId_status_date_idx" ON "Activity"("chapterId", "status", "date");
CREATE INDEX "Activity_chapterId_districtCode_date_idx" ON "Activity"("chapterId", "districtCode", "date");
CREATE INDEX "Activity_chapterId_typeId_date_idx" ON "Activity"("chapterId", "typeId", "date");
CREATE INDEX "Activity_memberId_date_idx" ON "Activity"("memberId", "date");
CREATE INDEX "Activity_programmeId_date_idx" ON "Activity"("programmeId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Partner_chapterId_name_key" ON "Partner"("chapterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_chapterId_name_key" ON "Programme"("chapterId", "name");

-- CreateIndex
CREATE INDEX "ProgrammeVolunteer_memberId_idx" ON "ProgrammeVolunteer"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "MoneyEntry_idempotencyKey_key" ON "MoneyEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MoneyEntry_programmeId_status_kind_idx" ON "MoneyEntry"("programmeId", "status", "kind");

-- CreateIndex
CREATE INDEX "MoneyEntry_reversesId_idx" ON "MoneyEntry"("reversesId");


-- The ledger is append-only: an entry is never deleted, and what it says (programme, kind, date,
-- amount, purpose, partner, over-budget reason, what it reverses) never changes. A pending entry
-- is approved or rejected once, and its decision is then fixed; the receipt scan is attached
-- once, right after the entry is written.
CREATE TRIGGER "MoneyEntry_no_delete" BEFORE DELETE ON "MoneyEntry"
BEGIN
    SELECT RAISE(ABORT, 'money entries are never deleted; reverse them with a correcting entry');
END;

CREATE TRIGGER "MoneyEntry_no_change" BEFORE UPDATE OF "programmeId", "kind", "date", "amount", "purpose", "partnerId", "overBudgetReason", "reversesId", "recordedById", "idempotencyKey" ON "MoneyEntry"
BEGIN
    SELECT RAISE(ABORT, 'money entries are never changed; reverse them with a correcting entry');
END;

CREATE TRIGGER "MoneyEntry_decided_once" BEFORE UPDATE OF "status" ON "MoneyEntry"
WHEN OLD."status" <> 'pending' AND NEW."status" <> OLD."status"
BEGIN
    SELECT RAISE(ABORT, 'a decided money entry keeps its status');
END;

CREATE TRIGGER "MoneyEntry_decision_fixed" BEFORE UPDATE OF "decidedById", "decidedAt", "decisionNote" ON "MoneyEntry"
WHEN OLD."status" <> 'pending'
BEGIN
    SELECT RAISE(ABORT, 'a decided money entry keeps its decision');
END;

CREATE TRIGGER "MoneyEntry_receipt_once" BEFORE UPDATE OF "receiptFile", "receiptFileType" ON "MoneyEntry"
WHEN OLD."receiptFile" IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a money entry keeps its receipt');
END;
