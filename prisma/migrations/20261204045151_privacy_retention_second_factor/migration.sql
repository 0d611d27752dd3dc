-- AlterTable
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "anonymisedAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "consentAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "consentVersion" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "caseIdentifierErasedAt" DATETIME;

-- AlterTable
ALTER TABLE "MemberApplication" ADD COLUMN "consentVersion" TEXT;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "memberRetentionMonths" INTEGER NOT NULL DEFAULT 12,
    "caseIdentifierRetentionMonths" INTEGER NOT NULL DEFAULT 12,
    "requireSecondFactor" BOOLEAN NOT NULL DEFAULT false,
    "logoFile" TEXT,
    "signatureFile" TEXT,
    "signatureMemberId" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chapter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Chapter_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("activityClosingDays", "address", "cardValidityYears", "closedAt", "code", "createdAt", "email", "financeApprovalThreshold", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "logoFile", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "signatureFile", "signatureMemberId", "timeZone", "updatedAt", "website") SELECT "activityClosingDays", "address", "cardValidityYears", "closedAt", "code", "createdAt", "email", "financeApprovalThreshold", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "logoFile", "memberNumberNext", "memberNumberPattern", "name", "parentId", "phone", "regionCode", "signatureFile", "signatureMemberId", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

