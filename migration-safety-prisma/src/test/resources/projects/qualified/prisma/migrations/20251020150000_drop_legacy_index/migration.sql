-- DropIndex
DROP INDEX "billing"."Invoice_status_idx";

-- CreateIndex
CREATE INDEX "Invoice_status_issuedAt_idx" ON "billing"."Invoice"("status", "issuedAt" DESC);
