package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaWarningsTest {

  private static final String SCHEMA = """
      CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "views" INTEGER NOT NULL DEFAULT 0,
        CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
      CREATE TABLE "Legacy" ("id" INTEGER NOT NULL);
      """;
  private static final String BIG = "tables:\n  'public.\"Post\"': { rows: 5000000 }\n";

  private static List<Finding> findings(Path dir, String sql) {
    return PrismaReviews.findings(dir, "prisma-warnings", SCHEMA, BIG, sql);
  }

  @Test
  void flags_a_required_column_on_the_statement_with_the_two_migration_advice(@TempDir Path dir) {
    List<Finding> findings = findings(dir, """
        /*
          Warnings:

          - Added the required column `slug` to the `Post` table without a default value. This is not possible if the table is not empty.

        */
        -- AlterTable
        ALTER TABLE "Post" ADD COLUMN     "slug" TEXT NOT NULL;
        """);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(8);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).isEqualTo("Prisma warned: Added the required column `slug` to the `Post` table without a "
          + "default value. This is not possible if the table is not empty.");
      assertThat(f.why()).contains("migrate deploy applies the file");
      assertThat(f.suggestion()).contains("make the field optional", "ALTER TABLE \"Post\" ADD COLUMN slug TEXT;",
          "CHECK (slug IS NOT NULL) NOT VALID", "--create-only");
    });
  }

  @Test
  void flags_a_unique_index_with_the_concurrent_customised_migration(@TempDir Path dir) {
    List<Finding> findings = findings(dir, """
        /*
          Warnings:

          - A unique constraint covering the columns `[title]` on the table `Post` will be added. If there are existing duplicate values, this will fail.

        */
        -- CreateIndex
        CREATE INDEX "Post_views_idx" ON "Post"("views");

        -- CreateIndex
        CREATE UNIQUE INDEX "Post_title_key" ON "Post"("title");
        """);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(11);
      assertThat(f.suggestion()).contains("CREATE UNIQUE INDEX CONCURRENTLY \"Post_title_key\" ON \"Post\"(\"title\");");
    });
  }

  @Test
  void flags_drops_of_columns_and_tables_where_they_happen(@TempDir Path dir) {
    List<Finding> findings = findings(dir, """
        /*
          Warnings:

          - You are about to drop the column `views` on the `Post` table. All the data in the column will be lost.
          - You are about to drop the `Legacy` table. If the table is not empty, all the data it contains will be lost.

        */
        -- DropTable
        DROP TABLE "Legacy";

        -- AlterTable
        ALTER TABLE "Post" DROP COLUMN "views";
        """);
    assertThat(findings).extracting(Finding::line, f -> f.message().substring(0, 39)).containsExactly(
        org.assertj.core.groups.Tuple.tuple(9, "Prisma warned: You are about to drop th"),
        org.assertj.core.groups.Tuple.tuple(12, "Prisma warned: You are about to drop th"));
    assertThat(findings.get(0).message()).contains("`Legacy` table");
    assertThat(findings.get(0).suggestion()).contains("pg_dump");
    assertThat(findings.get(1).suggestion()).contains("@ignore");
  }

  @Test
  void stays_silent_on_a_table_created_earlier_in_the_review(@TempDir Path dir) {
    assertThat(PrismaReviews.findings(dir, "prisma-warnings", "", null, """
        -- CreateTable
        CREATE TABLE "Draft" ("id" INTEGER NOT NULL);
        """ + """
        /*
          Warnings:

          - Added the required column `title` to the `Draft` table without a default value. This is not possible if the table is not empty.

        */
        -- AlterTable
        ALTER TABLE "Draft" ADD COLUMN     "title" TEXT NOT NULL;
        """)).isEmpty();
  }

  @Test
  void stays_silent_without_a_warnings_block(@TempDir Path dir) {
    assertThat(findings(dir, """
        -- AlterTable
        ALTER TABLE "Post" DROP COLUMN "views";
        """)).isEmpty();
  }

  @Test
  void reads_every_warning_of_prismas_sentences() {
    assertThat(PrismaWarning.in("""
        /*
          Warnings:

          - Made the column `title` on table `Post` required. This step will fail if there are existing NULL values in that column.
          - You are about to alter the column `n` on the `T` table, which contains 3 non-null values. The data in that column will be cast from `Integer` to `BigInt`.
          - The primary key for the `T` table will be changed. If it partially fails, the table could be left without primary key constraint.
          - The values [A,B] on the enum `E` will be removed. If these variants are still used in the database, this will fail.
          - Something new.

        */
        SELECT 1;
        """)).extracting(PrismaWarning::line, PrismaWarning::kind, PrismaWarning::table, PrismaWarning::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, PrismaWarning.Kind.MADE_REQUIRED, "Post", "title"),
            org.assertj.core.groups.Tuple.tuple(5, PrismaWarning.Kind.TYPE_CHANGED, "T", "n"),
            org.assertj.core.groups.Tuple.tuple(6, PrismaWarning.Kind.PRIMARY_KEY_CHANGED, "T", null),
            org.assertj.core.groups.Tuple.tuple(7, PrismaWarning.Kind.ENUM_VALUES_REMOVED, null, null),
            org.assertj.core.groups.Tuple.tuple(8, PrismaWarning.Kind.OTHER, null, null));
  }
}
