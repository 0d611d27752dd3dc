-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MemberCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" DATETIME NOT NULL,
    "issuedById" TEXT,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "candidate" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "MemberCard_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MemberCard" ("code", "id", "issuedAt", "issuedById", "memberId", "revokedAt", "revokedReason", "validUntil") SELECT "code", "id", "issuedAt", "issuedById", "memberId", "revokedAt", "revokedReason", "validUntil" FROM "MemberCard";
DROP TABLE "MemberCard";
ALTER TABLE "new_MemberCard" RENAME TO "MemberCard";
CREATE UNIQUE INDEX "MemberCard_code_key" ON "MemberCard"("code");
CREATE INDEX "MemberCard_memberId_idx" ON "MemberCard"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Cards already issued to members who are still candidates are candidate cards: they end when
-- the candidacy ends (docs/decisions/012).
UPDATE "MemberCard" SET "candidate" = true WHERE "revokedAt" IS NULL AND "memberId" IN (SELECT "id" FROM "Member" WHERE "status" = 'calon');
