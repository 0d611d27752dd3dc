-- AlterTable
ALTER TABLE "Chapter" ADD COLUMN "logoFile" TEXT;
ALTER TABLE "Chapter" ADD COLUMN "signatureFile" TEXT;
ALTER TABLE "Chapter" ADD COLUMN "signatureMemberId" TEXT;

