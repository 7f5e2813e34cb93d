package io.migrationsafety.prisma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** down.sql written from real rollback plans of Prisma migrations. */
class PrismaDownScriptWriterTest {

  private final PrismaDownScriptWriter writer = new PrismaDownScriptWriter();

  private static Path project(Path dir, String... namesAndScripts) throws IOException {
    Files.writeString(dir.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
    for (int i = 0; i < namesAndScripts.length; i += 2) {
      Path m = Files.createDirectories(dir.resolve(namesAndScripts[i]));
      Files.writeString(m.resolve("migration.sql"), namesAndScripts[i + 1]);
    }
    return dir;
  }

  private DownScriptFile down(MigrationSet set, int index) {
    RollbackPlan plan = Rollbacks.plan(set, Schema.empty()).get(index);
    return writer.write(set, set.migrations().get(index), PrismaOnPostgresTest.script(plan));
  }

  @Test
  void writes_down_sql_beside_the_migration_in_prismas_style(@TempDir Path dir) throws IOException {
    MigrationSet set = new PrismaFormat().read(project(dir,
        "20240101000000_init", """
            -- CreateTable
            CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
            """,
        "20240102000000_posts", """
            -- CreateTable
            CREATE TABLE "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER NOT NULL,
                CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));

            -- AlterTable
            ALTER TABLE "User" ADD COLUMN     "name" TEXT;

            -- CreateIndex
            CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");

            -- AddForeignKey
            ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
            """));
    DownScriptFile file = down(set, 1);
    assertThat(file.file()).isEqualTo(dir.resolve("20240102000000_posts/down.sql"));
    assertThat(file.replacesRollback()).isFalse();
    assertThat(file.text()).isEqualTo("""
        -- Rollback of the migration 20240102000000_posts, written by migration-safety.
        -- Undo a deploy of it with:
        --   npx prisma db execute --file %s
        --   npx prisma migrate resolve --rolled-back 20240102000000_posts
        -- then revert the schema.prisma change that generated it.
        /*
          Warnings:

          - data written to column name since the migration is lost
          - rows written to Post since the migration are lost

        */

        -- DropForeignKey
        ALTER TABLE public."Post" DROP CONSTRAINT "Post_authorId_fkey";

        -- DropIndex
        DROP INDEX public."Post_authorId_idx";

        -- AlterTable
        ALTER TABLE public."User" DROP COLUMN name;

        -- DropTable
        DROP TABLE public."Post";
        """.formatted(file.file().toString()));
  }

  @Test
  void the_rollback_of_an_enum_swap_is_one_alter_enum_step_like_prismas(@TempDir Path dir) throws IOException {
    MigrationSet set = new PrismaFormat().read(project(dir,
        "20240101000000_init", """
            CREATE TYPE "Role" AS ENUM ('USER', 'GUEST');
            CREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL);
            """,
        "20240102000000_remove_guest", """
            -- AlterEnum
            BEGIN;
            CREATE TYPE "Role_new" AS ENUM ('USER');
            ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
            ALTER TYPE "Role" RENAME TO "Role_old";
            ALTER TYPE "Role_new" RENAME TO "Role";
            DROP TYPE "Role_old";
            COMMIT;
            """));
    assertThat(down(set, 1).text()).endsWith("""

        -- AlterEnum
        BEGIN;
        CREATE TYPE public."Role_old" AS ENUM ('USER', 'GUEST');
        ALTER TYPE public."Role" RENAME TO "Role_new";
        ALTER TYPE public."Role_old" RENAME TO "Role";
        ALTER TABLE public."User" ALTER COLUMN role TYPE "Role" USING role::text::"Role";
        DROP TYPE public."Role_new";
        COMMIT;
        """);
  }

  @Test
  void an_existing_down_sql_with_statements_is_a_rollback_to_keep(@TempDir Path dir) throws IOException {
    project(dir, "20240101000000_init", "CREATE TABLE \"A\" (\"id\" INTEGER);\n");
    Files.writeString(dir.resolve("20240101000000_init/down.sql"), "-- nothing yet\n");
    MigrationSet set = new PrismaFormat().read(dir);
    assertThat(down(set, 0).replacesRollback()).isFalse();
    Files.writeString(dir.resolve("20240101000000_init/down.sql"), "DROP TABLE \"A\";\n");
    assertThat(down(new PrismaFormat().read(dir), 0).replacesRollback()).isTrue();
  }

  @Test
  void a_concurrent_rollback_is_written_only_as_a_single_statement(@TempDir Path dir) throws IOException {
    MigrationSet set = new PrismaFormat().read(project(dir,
        "20240101000000_init", "CREATE TABLE \"A\" (\"id\" INTEGER, \"b\" INTEGER);\n",
        "20240102000000_index", "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"A_b_idx\" ON \"A\"(\"b\");\n"));
    assertThat(down(set, 1).text()).endsWith("\n-- DropIndex\nDROP INDEX CONCURRENTLY public.\"A_b_idx\";\n");
    Migration both = set.migrations().get(1);
    RollbackPlan plan = Rollbacks.plan(set, Schema.empty()).get(1);
    var twoStatements = new io.migrationsafety.format.RollbackScript(plan.sql(),
        List.of("DROP INDEX CONCURRENTLY public.\"A_b_idx\"", "SELECT 1"), true);
    assertThatThrownBy(() -> writer.write(set, both, twoStatements)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("prisma db execute runs a script of several statements in one");
  }
}
