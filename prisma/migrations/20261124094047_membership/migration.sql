-- CreateTable
CREATE TABLE "MemberCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" DATETIME NOT NULL,
    "issuedById" TEXT,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "MemberCard_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberDuplicateFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "otherMemberId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "MemberDuplicateFlag_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MemberDuplicateFlag_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberDuplicateFlag_otherMemberId_fkey" FOREIGN KEY ("otherMemberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "createCount" INTEGER NOT NULL,
    "updateCount" INTEGER NOT NULL,
    "rejectCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'checked',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME,
    CONSTRAINT "MemberImport_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chapter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Chapter_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Chapter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Chapter" ("address", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website") SELECT "address", "code", "createdAt", "email", "id", "letterPlace", "letterheadSubtitle", "level", "name", "parentId", "phone", "regionCode", "timeZone", "updatedAt", "website" FROM "Chapter";
DROP TABLE "Chapter";
ALTER TABLE "new_Chapter" RENAME TO "Chapter";
CREATE UNIQUE INDEX "Chapter_code_key" ON "Chapter"("code");
CREATE INDEX "Chapter_parentId_idx" ON "Chapter"("parentId");
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chapterId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nik" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "phone" TEXT,
    "address" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'calon',
    "statusDate" DATETIME,
    "joinDate" DATETIME NOT NULL,
    "email" TEXT,
    "memberNumber" TEXT,
    "membershipType" TEXT NOT NULL DEFAULT 'biasa',
    "skPsmNumber" TEXT,
    "skPsmDate" DATETIME,
    "basicBimtekDate" DATETIME,
    "photoFile" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Member_villageCode_fkey" FOREIGN KEY ("villageCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("address", "birthDate", "chapterId", "createdAt", "fullName", "id", "joinDate", "nik", "phone", "sex", "status", "updatedAt", "villageCode") SELECT "address", "birthDate", "chapterId", "createdAt", "fullName", "id", "joinDate", "nik", "phone", "sex", "status", "updatedAt", "villageCode" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Member_chapterId_status_idx" ON "Member"("chapterId", "status");
CREATE INDEX "Member_chapterId_fullName_idx" ON "Member"("chapterId", "fullName");
CREATE INDEX "Member_villageCode_idx" ON "Member"("villageCode");
CREATE UNIQUE INDEX "Member_chapterId_nik_key" ON "Member"("chapterId", "nik");
CREATE UNIQUE INDEX "Member_chapterId_memberNumber_key" ON "Member"("chapterId", "memberNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MemberCard_code_key" ON "MemberCard"("code");

-- CreateIndex
CREATE INDEX "MemberCard_memberId_idx" ON "MemberCard"("memberId");

-- CreateIndex
CREATE INDEX "MemberDuplicateFlag_chapterId_status_idx" ON "MemberDuplicateFlag"("chapterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MemberDuplicateFlag_memberId_otherMemberId_key" ON "MemberDuplicateFlag"("memberId", "otherMemberId");

-- CreateIndex
CREATE INDEX "MemberImport_chapterId_createdAt_idx" ON "MemberImport"("chapterId", "createdAt");

