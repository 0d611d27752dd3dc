-- CreateIndex
CREATE INDEX "Activity_chapterId_typeId_date_idx" ON "Activity"("chapterId", "typeId", "date");

