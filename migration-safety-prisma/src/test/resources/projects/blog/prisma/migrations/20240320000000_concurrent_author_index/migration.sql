-- CreateIndex
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Comment_authorId_idx" ON "public"."Comment"("authorId");
