-- DropIndex
DROP INDEX "Activity_chapterId_status_date_idx";

-- DropIndex
DROP INDEX "ActivityReach_activityId_idx";

-- CreateIndex
CREATE INDEX "Activity_report_idx" ON "Activity"("chapterId", "status", "date", "districtCode", "villageCode", "typeId", "memberId", "durationMinutes", "households", "people", "id");

-- CreateIndex
CREATE INDEX "ActivityReach_activityId_categoryId_sex_count_idx" ON "ActivityReach"("activityId", "categoryId", "sex", "count");

