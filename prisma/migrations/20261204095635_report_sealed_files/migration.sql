-- AlterTable
ALTER TABLE "Report" ADD COLUMN "filesError" TEXT;

