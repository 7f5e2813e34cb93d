package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void prints_rollback_json_per_the_contract() throws IOException {
    Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    Files.writeString(dir.resolve("V2__more.sql"),
        "ALTER TABLE users ADD COLUMN email text;\n\nUPDATE users SET email = 'x';\n");

    int code = run("rollback", dir.toString(), "--format", "json");

    assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK.code());
    JsonNode migrations = new ObjectMapper().readTree(out.toString()).get("migrations");
    assertThat(migrations).hasSize(2);
    assertThat(migrations.get(0).get("file").asText()).isEqualTo("V1__users.sql");
    assertThat(migrations.get(0).get("reversible").asBoolean()).isTrue();
    assertThat(migrations.get(0).get("sql").asText()).contains("DROP TABLE public.users;");
    assertThat(migrations.get(1).get("reversible").asBoolean()).isFalse();
    assertThat(migrations.get(1).get("irreversible").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(migrations.get(1).get("irreversible").get(0).get("reason").asText()).contains("UPDATE");
    assertThat(run("rollback", dir.toString(), "--fail-on-irreversible")).isEqualTo(ExitCode.BLOCKED.code());
  }

  @Test
  void a_down_script_that_does_not_restore_the_schema_fails() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "SELECT 1;\n");

    int code = run("rollback", dir.toString());

    assertThat(code).isEqualTo(ExitCode.BLOCKED.code());
    assertThat(out.toString()).contains("down script: does NOT restore the schema")
        .contains("table public.users exists in the rolled-back schema but not in the schema before the migration");
  }

  @Test
  void a_snapshot_gives_the_rollback_the_tables_the_migrations_alter() throws Exception {
    java.nio.file.Path migrations = java.nio.file.Files.createDirectories(dir.resolve("db"));
    java.nio.file.Files.writeString(migrations.resolve("V2__wider.sql"), "ALTER TABLE orders ALTER COLUMN id TYPE numeric;\n");
    io.migrationsafety.schema.Schema schema = io.migrationsafety.schema.Schema.empty();
    for (var s : io.migrationsafety.parse.SqlParser.parse("CREATE TABLE orders (id bigint);", "db.sql").statements()) {
      schema = io.migrationsafety.schema.replay.SchemaReplayer.apply(schema, s.operations().get(0), "public").after();
    }
    java.nio.file.Path snapshot = dir.resolve("schema.json");
    io.migrationsafety.schema.SchemaSnapshot.save(schema, snapshot);

    assertThat(run("rollback", migrations.toString(), "--fail-on-irreversible")).isEqualTo(1);
    out.getBuffer().setLength(0);
    assertThat(run("rollback", migrations.toString(), "--schema", snapshot.toString(), "--fail-on-irreversible"))
        .isZero();
    assertThat(out.toString()).contains("ALTER COLUMN id TYPE bigint USING id::bigint");

    // --verify builds the snapshot's schema on the embedded server first, then round-trips on it.
    out.getBuffer().setLength(0);
    assertThat(run("rollback", migrations.toString(), "--schema", snapshot.toString(), "--verify", "--format",
        "json")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"verified\"");
  }

  @Test
  void write_puts_each_reversible_rollback_where_the_format_keeps_it() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    Files.writeString(dir.resolve("000002_email.up.sql"), "ALTER TABLE users ADD COLUMN email text;\n");
    Files.writeString(dir.resolve("000003_fill.up.sql"), "UPDATE users SET email = 'x';\n");

    int code = run("rollback", dir.toString(), "--write");

    assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(dir.resolve("000001_users.down.sql"))).contains("DROP TABLE public.users;");
    assertThat(Files.readString(dir.resolve("000002_email.down.sql")))
        .contains("ALTER TABLE public.users DROP COLUMN email;");
    assertThat(dir.resolve("000003_fill.down.sql")).doesNotExist();
    assertThat(out.toString()).contains("written " + dir.resolve("000001_users.down.sql"))
        .contains("skipped " + dir.resolve("000003_fill.up.sql") + ": irreversible: line 1: UPDATE changes rows");
  }

  @Test
  void write_keeps_a_rollback_the_migration_has_unless_forced() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "DROP TABLE users;\n");

    assertThat(run("rollback", dir.toString(), "--write", "--format", "json")).isZero();
    assertThat(Files.readString(dir.resolve("000001_users.down.sql"))).isEqualTo("DROP TABLE users;\n");
    JsonNode write = new ObjectMapper().readTree(out.toString()).get("migrations").get(0).get("write");
    assertThat(write.get("action").asText()).isEqualTo("kept");
    assertThat(write.get("reason").asText()).contains("--force");

    assertThat(run("rollback", dir.toString(), "--write", "--force")).isZero();
    assertThat(Files.readString(dir.resolve("000001_users.down.sql"))).contains("DROP TABLE public.users;");
  }

  @Test
  void write_refuses_a_format_without_a_place_for_rollbacks() throws IOException {
    Files.writeString(dir.resolve("001_users.sql"), "CREATE TABLE users (id bigint);\n");

    assertThat(run("rollback", dir.toString(), "--write")).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains("plain-sql format has no place for a rollback script");
    assertThat(run("rollback", dir.toString(), "--force")).isEqualTo(ExitCode.BAD_INPUT.code());
  }

  @Test
  void write_puts_a_flyway_undo_script_beside_its_versioned_script() throws IOException {
    Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint);\n");

    assertThat(run("rollback", dir.toString(), "--write")).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("U1__users.sql"))).contains("DROP TABLE public.users;");
  }

  @Test
  void verify_runs_on_an_embedded_postgresql_by_default() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "SELECT 1;\n");

    int code = run("rollback", dir.toString(), "--verify", "--format", "json");

    // The synthesized rollback restores the schema on the server; the shipped down script does not.
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.BLOCKED.code());
    assertThat(out.toString()).contains("\"verified\"").contains("public.users");
  }
}
