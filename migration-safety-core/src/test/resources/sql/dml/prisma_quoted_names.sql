-- Prisma writes schema-qualified, quoted, mixed-case names.
UPDATE "public"."User" SET "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = 'cl9x0a';

UPDATE "public"."User" SET "role" = 'USER' WHERE "role" IS NULL;

INSERT INTO "public"."_prisma_migrations" ("id", "checksum", "migration_name", "started_at")
VALUES ('7b1d', 'f3e2', '20240101000000_init', now());

DELETE FROM "public"."Session" WHERE "expiresAt" < NOW();

UPDATE "Post" AS p SET "publishedAt" = LOCALTIMESTAMP WHERE p."authorId" IN (SELECT "id" FROM "User" WHERE "isAdmin" LIMIT 100);
