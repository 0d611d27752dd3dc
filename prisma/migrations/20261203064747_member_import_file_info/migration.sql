-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MemberImport" (
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
    "fileInfo" TEXT NOT NULL DEFAULT '{}',
    "source" BLOB,
    CONSTRAINT "MemberImport_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_MemberImport" ("chapterId", "committedAt", "createCount", "createdAt", "createdById", "fileName", "id", "rejectCount", "rows", "status", "updateCount") SELECT "chapterId", "committedAt", "createCount", "createdAt", "createdById", "fileName", "id", "rejectCount", "rows", "status", "updateCount" FROM "MemberImport";
DROP TABLE "MemberImport";
ALTER TABLE "new_MemberImport" RENAME TO "MemberImport";
CREATE INDEX "MemberImport_chapterId_createdAt_idx" ON "MemberImport"("chapterId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

