package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollback --verify} on a real PostgreSQL: one embedded server, a new scratch database per test. */
class RollbackVerifyCommandTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String scratch;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void scratch_database() throws SQLException {
    String name = "scratch_" + DATABASES.incrementAndGet();
    execute("CREATE DATABASE " + name);
    scratch = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void verifies_synthesized_rollbacks_and_down_scripts_on_postgres() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "DROP TABLE users;\n");
    Files.writeString(dir.resolve("000002_idx.up.sql"), """
        CREATE INDEX users_email_idx ON users (email);
        ALTER TABLE users ALTER COLUMN email SET NOT NULL;
        ALTER TABLE users ADD COLUMN name varchar(20) NOT NULL DEFAULT 'x';
        """);

    int code = run("rollback", dir.toString(), "--verify", "--scratch-url", scratch, "--format", "json");

    assertThat(code).as(err.toString() + out).isEqualTo(ExitCode.OK.code());
    JsonNode migrations = new ObjectMapper().readTree(out.toString()).get("migrations");
    assertThat(migrations.get(0).get("verified").get("rollback").get("restoresSchema").asBoolean()).isTrue();
    assertThat(migrations.get(0).get("verified").get("downScript").get("restoresSchema").asBoolean()).isTrue();
    assertThat(migrations.get(1).get("verified").get("rollback").get("restoresSchema").asBoolean()).isTrue();
    assertThat(migrations.get(1).get("verified").has("downScript")).isFalse();
  }

  @Test
  void a_down_script_that_leaves_something_behind_is_named_and_fails() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint, email text);\n");
    Files.writeString(dir.resolve("000002_idx.up.sql"), "CREATE INDEX users_email_idx ON users (email);\n"
        + "ALTER TABLE users ADD COLUMN name text;\n");
    Files.writeString(dir.resolve("000002_idx.down.sql"), "ALTER TABLE users DROP COLUMN name;\n");
    Files.writeString(dir.resolve("000003_more.up.sql"), "ALTER TABLE users ADD COLUMN age int;\n");

    int code = run("rollback", dir.toString(), "--verify", "--scratch-url", scratch);

    assertThat(code).as(err.toString()).isEqualTo(ExitCode.BLOCKED.code());
    assertThat(out.toString())
        .contains("on PostgreSQL, the down script: index public.users_email_idx exists in the rolled-back schema but not in the schema before the migration")
        .contains("== 000003_more.up.sql (reversible)\n   on PostgreSQL, the rollback below: restores the schema");
  }

  @Test
  void a_down_script_postgres_refuses_is_reported_with_its_line() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(dir.resolve("000001_users.down.sql"), "SELECT 1;\nDROP TABLE nope;\n");

    assertThat(run("rollback", dir.toString(), "--verify", "--scratch-url", scratch)).isEqualTo(1);
    assertThat(out.toString()).contains("the down script: 000001_users.down.sql line 2: ERROR: table \"nope\" does not exist");
  }

  @Test
  void verify_and_write_writes_only_what_round_trips() throws IOException {
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");

    assertThat(run("rollback", dir.toString(), "--verify", "--scratch-url", scratch, "--write")).isZero();
    assertThat(Files.readString(dir.resolve("000001_users.down.sql"))).contains("DROP TABLE public.users;");
  }

  @Test
  void refuses_a_scratch_database_that_is_not_empty_and_leaves_it_alone() throws IOException, SQLException {
    try (Connection c = postgres.getDatabase("postgres", scratch.replaceAll(".*/(\\w+)\\?.*", "$1")).getConnection();
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE precious (id int)");
    }
    Files.writeString(dir.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint);\n");

    assertThat(run("rollback", dir.toString(), "--verify", "--scratch-url", scratch))
        .isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains("is not empty (it holds table public.precious)");
    try (Connection c = postgres.getDatabase("postgres", scratch.replaceAll(".*/(\\w+)\\?.*", "$1")).getConnection();
         Statement s = c.createStatement()) {
      s.execute("SELECT * FROM precious");
    }
  }
}
