-- DropForeignKey
ALTER TABLE "billing"."Invoice" DROP CONSTRAINT "Invoice_accountId_fkey";

-- AddForeignKey
ALTER TABLE "billing"."Invoice" ADD CONSTRAINT "Invoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "public"."Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RenameIndex
ALTER INDEX "billing"."Invoice_accountId_issuedAt_idx" RENAME TO "Invoice_account_issued_idx";
