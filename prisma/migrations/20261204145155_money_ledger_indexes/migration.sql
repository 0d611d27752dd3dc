-- DropIndex
DROP INDEX "MoneyEntry_programmeId_status_kind_idx";

-- CreateIndex
CREATE INDEX "MoneyEntry_totals_idx" ON "MoneyEntry"("programmeId", "status", "kind", "amount");

-- CreateIndex
CREATE INDEX "MoneyEntry_ledger_idx" ON "MoneyEntry"("programmeId", "date", "createdAt", "id", "status");

