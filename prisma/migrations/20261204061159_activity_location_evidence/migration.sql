-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "locatedAt" DATETIME;
ALTER TABLE "Activity" ADD COLUMN "locationAccuracy" REAL;

