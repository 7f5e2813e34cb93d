-- CreateIndex
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Invoice_status_idx" ON "billing"."Invoice"("status");
