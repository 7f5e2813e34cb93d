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
        .contains("table public.users is left over");
  }
}
