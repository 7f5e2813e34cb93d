package io.migrationsafety.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFormatsTest {

  @TempDir
  Path dir;

  private final MigrationFormats formats = MigrationFormats.installed();

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> ids(MigrationSet set) {
    return set.migrations().stream().map(Migration::id).collect(Collectors.toList());
  }

  @Test
  void plain_sql_orders_versions_as_numbers_not_strings() throws IOException {
    write("V10__c.sql", "SELECT 10;");
    write("V2__b.sql", "SELECT 2;");
    write("V1_1__a.sql", "SELECT 11;");
    write("V1__first.sql", "SELECT 1;");

    MigrationSet set = formats.read(dir);

    assertThat(set.format()).isEqualTo("plain-sql");
    assertThat(ids(set)).containsExactly("1", "1_1", "2", "10");
    assertThat(set.migrations().get(1).description()).isEqualTo("a");
    assertThat(set.migrations()).allMatch(Migration::transactional);
  }

  @Test
  void plain_sql_orders_timestamps_and_sequence_numbers() throws IOException {
    write("20240201090000_second.sql", "SELECT 2;");
    write("20231231235959_first.sql", "SELECT 1;");
    write("20240201090001_third.sql", "SELECT 3;");

    assertThat(ids(formats.read(dir))).containsExactly("20231231235959", "20240201090000", "20240201090001");
  }

  @Test
  void plain_sql_refuses_a_file_without_a_version_and_duplicate_versions() throws IOException {
    write("001_a.sql", "SELECT 1;");
    write("readme.sql", "SELECT 2;");
    assertThatThrownBy(() -> formats.read(dir)).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("readme.sql").hasMessageContaining("does not start with a version");

    Files.delete(dir.resolve("readme.sql"));
    write("1_b.sql", "SELECT 3;");
    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("same version (001) as 1_b.sql");
  }

  @Test
  void plain_sql_file_can_opt_out_of_the_transaction() throws IOException {
    write("001_index.sql", "-- Builds an index without blocking writes.\n-- migration-safety:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY i ON t (a);\n-- migration-safety:no-transaction\n");
    write("002_late_marker.sql", "SELECT 1;\n-- migration-safety:no-transaction\n");

    MigrationSet set = formats.read(dir);

    assertThat(set.migrations().get(0).transactional()).isFalse();
    assertThat(set.migrations().get(1).transactional()).as("only before the first statement").isTrue();
  }

  @Test
  void golang_migrate_pairs_carry_their_down_script() throws IOException {
    write("000002_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;");
    write("000002_add_email.down.sql", "ALTER TABLE users DROP COLUMN email;");
    write("000001_create_users.up.sql", "CREATE TABLE users (id int);");

    MigrationSet set = formats.read(dir);

    assertThat(set.format()).isEqualTo("up-down-sql");
    assertThat(ids(set)).containsExactly("000001", "000002");
    assertThat(set.migrations().get(0).hasDownScript()).isFalse();
    assertThat(set.migrations().get(1).downScript()).isEqualTo("ALTER TABLE users DROP COLUMN email;");
    assertThat(set.migrations().get(1).description()).isEqualTo("add_email");
  }

  @Test
  void golang_migrate_down_without_up_is_an_error() throws IOException {
    write("000001_a.up.sql", "SELECT 1;");
    write("000002_b.down.sql", "SELECT 2;");

    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("000002_b.down.sql")
        .hasMessageContaining("without its up migration");
  }

  @Test
  void dbmate_sections_keep_the_file_line_numbers() throws IOException {
    write("20240101000000_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n\n"
        + "-- migrate:down\nDROP TABLE users;\n");
    write("20240102000000_index.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON users (id);\n");

    MigrationSet set = formats.read(dir);

    assertThat(set.format()).isEqualTo("dbmate");
    Migration users = set.migrations().get(0);
    assertThat(users.upScript()).doesNotContain("DROP TABLE");
    assertThat(users.downScript().split("\n", -1)[4]).isEqualTo("DROP TABLE users;");
    assertThat(users.transactional()).isTrue();
    assertThat(set.migrations().get(1).transactional()).isFalse();
    assertThat(set.migrations().get(1).hasDownScript()).isFalse();
  }

  @Test
  void diesel_directories_order_by_timestamp_and_read_metadata() throws IOException {
    write("2024-02-01-000000_add_index/up.sql", "CREATE INDEX CONCURRENTLY i ON users (id);");
    write("2024-02-01-000000_add_index/down.sql", "DROP INDEX i;");
    write("2024-02-01-000000_add_index/metadata.toml", "run_in_transaction = false\n");
    write("2024-01-31-120000_create_users/up.sql", "CREATE TABLE users (id int);");
    write("2024-01-31-120000_create_users/down.sql", "DROP TABLE users;");

    MigrationSet set = formats.read(dir);

    assertThat(set.format()).isEqualTo("diesel");
    assertThat(ids(set)).containsExactly("2024-01-31-120000", "2024-02-01-000000");
    assertThat(set.migrations().get(0).description()).isEqualTo("create_users");
    assertThat(set.migrations().get(0).transactional()).isTrue();
    assertThat(set.migrations().get(1).transactional()).isFalse();
  }

  @Test
  void missing_empty_and_unrecognisable_directories_are_clear_errors() throws IOException {
    assertThatThrownBy(() -> formats.read(dir.resolve("nope"))).isInstanceOf(MigrationFormatException.class)
        .hasMessageContaining("no such directory");
    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("the directory is empty");
    write("notes.txt", "hello");
    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("no migrations found")
        .hasMessageContaining("plain-sql");
  }

  @Test
  void two_specific_fits_are_ambiguous() throws IOException {
    write("000001_a.up.sql", "SELECT 1;");
    write("2024-01-31-120000_b/up.sql", "SELECT 2;");

    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("fits several formats")
        .hasMessageContaining("diesel").hasMessageContaining("up-down-sql");
  }

  @Test
  void a_script_that_is_not_utf8_is_refused_with_its_position() throws IOException {
    Files.write(dir.resolve("001_a.sql"), new byte[] {'S', 'E', 'L', '\n', (byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> formats.read(dir)).hasMessageContaining("001_a.sql:2:1").hasMessageContaining("UTF-8");
  }

  @Test
  void versions_compare_numerically_and_ignore_trailing_zeros() {
    assertThat(MigrationVersion.parse("1.2.0")).isEqualTo(MigrationVersion.parse("1_2"));
    assertThat(MigrationVersion.parse("1.2.10")).isGreaterThan(MigrationVersion.parse("1.2.9"));
    assertThat(MigrationVersion.leading("V1_1__x.sql").text()).isEqualTo("1_1");
    assertThat(MigrationVersion.leading("001_2fa_login.sql").text()).isEqualTo("001");
    assertThat(MigrationVersion.leading("readme.sql")).isNull();
  }
}
