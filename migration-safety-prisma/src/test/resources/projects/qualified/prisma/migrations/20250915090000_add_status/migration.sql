-- CreateEnum
CREATE TYPE "billing"."InvoiceStatus" AS ENUM ('OPEN', 'PAID', 'VOID');

-- AlterTable
ALTER TABLE "billing"."Invoice" ADD COLUMN     "status" "billing"."InvoiceStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "note" VARCHAR(500);

-- AlterTable
ALTER TABLE "public"."Account" ALTER COLUMN "meta" DROP DEFAULT;
