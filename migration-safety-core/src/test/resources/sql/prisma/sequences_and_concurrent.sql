-- AlterTable: @default(autoincrement()) added to an existing column.
CREATE SEQUENCE "tag_id_seq";
ALTER TABLE "Tag" ALTER COLUMN "id" SET DEFAULT nextval('tag_id_seq');
ALTER SEQUENCE "tag_id_seq" OWNED BY "Tag"."id";

-- AlterTable: and removed again.
ALTER TABLE "Tag" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE "tag_id_seq";

-- CreateIndex: customised by hand to build without blocking writes.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "TaskRun_createdAt_idx" ON "public"."TaskRun"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX CONCURRENTLY "User_handle_key" ON "User"("handle");

-- DropIndex
DROP INDEX CONCURRENTLY IF EXISTS "public"."TaskRun_status_idx";

-- This is an empty migration.
