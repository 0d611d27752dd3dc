-- AlterTable
ALTER TABLE "Session" ADD COLUMN "activeChapterId" TEXT;

