package io.migrationsafety.format.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.DownScriptFile;
import io.migrationsafety.format.MigrationFormat;
import io.migrationsafety.format.MigrationFormatException;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.rollback.RollbackPlan;
import io.migrationsafety.rollback.Rollbacks;
import io.migrationsafety.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core formats lay out a rollback where their tool reads it, and the written file reads back
 * as the migration's down script.
 */
class DownScriptWritersTest {

  @TempDir
  Path dir;

  /** Writes the rollback of the first migration with the format's writer, and reads the set again. */
  private DownScriptFile writeFirst(MigrationFormat format) throws IOException {
    MigrationSet set = format.read(dir);
    RollbackPlan plan = Rollbacks.plan(set, Schema.empty()).get(0);
    DownScriptFile file = format.downScriptWriter().orElseThrow().write(set, set.migrations().get(0), plan.script());
    Files.writeString(file.file(), file.text());
    return file;
  }

  @Test
  void golang_migrate_gets_a_down_file_beside_the_up_file() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");

    DownScriptFile file = writeFirst(new UpDownPairFormat());

    assertThat(file.file()).isEqualTo(dir.resolve("000001_users.down.sql"));
    assertThat(file.replacesRollback()).isFalse();
    assertThat(new UpDownPairFormat().read(dir).migrations().get(0).downScript())
        .startsWith("-- Rollback of 000001_users.up.sql").endsWith("DROP TABLE public.users;\n");
    assertThat(Rollbacks.plan(new UpDownPairFormat().read(dir), Schema.empty()).get(0).downScriptCheck())
        .get().satisfies(c -> assertThat(c.restoresSchema()).isTrue());
  }

  @Test
  void an_existing_down_file_is_a_rollback_to_replace_but_a_comment_only_one_is_not() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "-- undo me\n");
    assertThat(writeFirst(new UpDownPairFormat()).replacesRollback()).isFalse();
    assertThat(writeFirst(new UpDownPairFormat()).replacesRollback()).isTrue();
  }

  @Test
  void golang_migrate_down_file_with_concurrently_says_how_to_run_it() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint, email text);\n");
    Files.writeString(dir.resolve("000002_idx.up.sql"), "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
        + "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n");
    MigrationSet set = new UpDownPairFormat().read(dir);
    RollbackPlan plan = Rollbacks.plan(set, Schema.empty()).get(1);
    DownScriptFile file = new UpDownPairFormat().downScriptWriter().orElseThrow()
        .write(set, set.migrations().get(1), plan.script());
    assertThat(file.text()).contains("x-multi-statement=true").contains("DROP INDEX CONCURRENTLY public.users_id_idx;");
  }

  @Test
  void dbmate_gets_its_down_section_and_keeps_the_up_section_byte_for_byte() throws IOException {
    String up = "-- migrate:up\nCREATE TABLE users (id bigint);\n";
    Files.writeString(dir.resolve("20240101000000_users.sql"), up + "\n-- migrate:down\n\n");

    DownScriptFile file = writeFirst(new DbmateFormat());

    assertThat(file.replacesRollback()).as("an empty down section is no rollback").isFalse();
    assertThat(file.text()).startsWith(up + "\n-- migrate:down\n-- Rollback of 20240101000000_users.sql")
        .endsWith("DROP TABLE public.users;\n");
    var migration = new DbmateFormat().read(dir).migrations().get(0);
    assertThat(migration.upScript()).isEqualTo(up + "\n");
    assertThat(migration.downScript()).contains("DROP TABLE public.users;");
    assertThat(writeFirst(new DbmateFormat()).replacesRollback()).isTrue();
  }

  @Test
  void dbmate_marks_a_concurrent_rollback_outside_a_transaction() throws IOException {
    Files.writeString(dir.resolve("20240101000000_idx.sql"),
        "-- migrate:up transaction:false\nCREATE TABLE users (email text);\n"
            + "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");

    DownScriptFile file = writeFirst(new DbmateFormat());

    assertThat(file.text()).contains("-- migrate:down transaction:false\n")
        .contains("DROP INDEX CONCURRENTLY public.users_email_idx;");
  }

  @Test
  void diesel_gets_down_sql_beside_up_sql() throws IOException {
    Path migration = Files.createDirectories(dir.resolve("2024-01-01-000000_users"));
    Files.writeString(migration.resolve("up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(migration.resolve("down.sql"), "-- This file should undo anything in `up.sql`\n");

    DownScriptFile file = writeFirst(new DieselFormat());

    assertThat(file.file()).isEqualTo(migration.resolve("down.sql"));
    assertThat(file.replacesRollback()).isFalse();
    assertThat(Files.readString(migration.resolve("down.sql"))).contains("DROP TABLE public.users;");
  }

  @Test
  void diesel_refuses_a_concurrent_rollback_in_a_transactional_migration() throws IOException {
    Path migration = Files.createDirectories(dir.resolve("2024-01-01-000000_idx"));
    Files.writeString(migration.resolve("up.sql"), "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n");

    assertThatThrownBy(() -> writeFirst(new DieselFormat())).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("run_in_transaction = false");
  }

  @Test
  void plain_sql_has_no_place_for_a_rollback() {
    assertThat(new PlainSqlFormat().downScriptWriter()).isEmpty();
  }
}
