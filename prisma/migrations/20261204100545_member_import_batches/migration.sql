-- AlterTable
ALTER TABLE "Member" ADD COLUMN "importId" TEXT;

-- AlterTable
ALTER TABLE "MemberImport" ADD COLUMN "firstSerial" INTEGER;
ALTER TABLE "MemberImport" ADD COLUMN "undo" TEXT;

-- CreateIndex
CREATE INDEX "Member_importId_idx" ON "Member"("importId");

