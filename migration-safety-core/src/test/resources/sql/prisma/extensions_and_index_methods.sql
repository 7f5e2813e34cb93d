-- Prisma's postgresqlExtensions and index types (@@index(type: ...), ops).
-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public";

-- AlterExtension
ALTER EXTENSION "citext" UPDATE TO '1.6';

-- AlterExtension
ALTER EXTENSION "citext" SET SCHEMA "ext";

-- DropExtension
DROP EXTENSION "citext";

-- CreateIndex
CREATE INDEX "Post_data_idx" ON "Post" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Post_title_idx" ON "Post" USING HASH ("title");

-- CreateIndex
CREATE INDEX "Place_location_idx" ON "public"."Place" USING GIST ("location");

-- CreateIndex
CREATE INDEX "Post_title_id_idx" ON "Post"("title" ASC, "id" DESC);

-- AlterTable
ALTER TABLE "Post" RENAME CONSTRAINT "Post_pkey" TO "Post_pk";
