-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "chapterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" BOOLEAN NOT NULL,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
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
    "verificationReminderDays" INTEGER NOT NULL DEFAULT 3,
    "reportDueDay" INTEGER NOT NULL DEFAULT 10,
    "certificateWarningDays" INTEGER NOT NULL DEFAULT 30,
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
INSERT INTO "new_Chapter" ("activityClosingDays", "address", "cardValidityYears", "caseIdentifierRetentionMonths", "closedAt", "code", "createdAt", "email", "financeApprovalThreshold", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "logoFile", "memberNumberNext", "memberNumberPattern", "memberRetentionMonths", "name", "parentId", "phone", "regionCode", "requireSecondFactor", "signatureFile", "signatureMemberId", "timeZone", "updatedAt", "website") SELECT "activityClosingDays", "address", "cardValidityYears", "caseIdentifierRetentionMonths", "closedAt", "code", "createdAt", "email", "financeApprovalThreshold", "id", "keepCaseIdentifiers", "letterPlace", "letterheadSubtitle", "level", "logoFile", "memberNumberNext", "memberNumberPattern", "memberRetentionMonths", "name", "parentId", "phone", "regionCode", "requireSecondFactor", "signatureFile", "signatureMemberId", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_userId_eventKey_key" ON "OutboxMessage"("userId", "eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledRun_job_day_key" ON "ScheduledRun"("job", "day");

