package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.LockNote;
import io.migrationsafety.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaEnumSwapTest {

  private static final String SCHEMA = """
      CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
      CREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER');
      CREATE TABLE "Invite" ("id" SERIAL NOT NULL, "role" "Role");
      """;
  private static final String BIG = "tables:\n  'public.\"User\"': { rows: 5000000 }\n  'public.\"Invite\"': { rows: 10 }\n";

  private static final String SWAP = """
      /*
        Warnings:

        - The values [GUEST] on the enum `Role` will be removed. If these variants are still used in the database, this will fail.

      */
      -- AlterEnum
      BEGIN;
      CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
      ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
      ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
      ALTER TABLE "Invite" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
      ALTER TYPE "Role" RENAME TO "Role_old";
      ALTER TYPE "Role_new" RENAME TO "Role";
      DROP TYPE "Role_old";
      ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
      COMMIT;
      """;

  @Test
  void judges_the_whole_swap_once_at_its_create_type(@TempDir Path dir) {
    List<Finding> findings = PrismaReviews.findings(dir, "prisma-enum-swap", SCHEMA, BIG, SWAP);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(9);
      assertThat(f.severity()).isEqualTo(Severity.BLOCKED);
      assertThat(f.message()).isEqualTo("Prisma's enum swap removes [GUEST] from public.\"Role\" and rewrites "
          + "public.\"User\" (role), public.\"Invite\" (role) under ACCESS EXCLUSIVE");
      assertThat(f.why()).contains("Prisma warned: The values [GUEST] on the enum `Role` will be removed");
      assertThat(f.locks()).extracting(LockNote::relation, LockNote::mode).contains(
          org.assertj.core.groups.Tuple.tuple("public.\"User\"", "ACCESS EXCLUSIVE"));
      assertThat(f.suggestion()).contains("UPDATE public.\"User\" SET role = '<replacement>' WHERE role = 'GUEST';");
    });
  }

  @Test
  void reads_the_schema_qualified_swap_of_prisma_6_16(@TempDir Path dir) {
    String qualified = SWAP.replace("\"Role_new\"", "\"public\".\"Role_new\"").replace("TYPE \"Role\"", "TYPE \"public\".\"Role\"")
        .replace("DROP TYPE \"Role_old\"", "DROP TYPE \"public\".\"Role_old\"");
    assertThat(PrismaReviews.findings(dir, "prisma-enum-swap", SCHEMA, BIG, qualified)).hasSize(1);
  }

  @Test
  void is_a_warning_when_no_table_it_rewrites_is_large(@TempDir Path dir) {
    String small = "tables:\n  'public.\"User\"': { rows: 10 }\n  'public.\"Invite\"': { rows: 10 }\n";
    assertThat(PrismaReviews.findings(dir, "prisma-enum-swap", SCHEMA, small, SWAP))
        .extracting(Finding::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void ignores_a_new_enum_and_an_incomplete_swap(@TempDir Path dir) {
    assertThat(PrismaReviews.findings(dir.resolve("a"), "prisma-enum-swap", SCHEMA, BIG, """
        CREATE TYPE "Status_new" AS ENUM ('A');
        CREATE TYPE "Mood" AS ENUM ('A');
        """)).isEmpty();
    assertThat(PrismaReviews.findings(dir.resolve("b"), "prisma-enum-swap", SCHEMA, BIG, """
        CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
        ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
        """)).isEmpty();
  }
}
