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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drift} and {@code snapshot} on real PostgreSQL, through the read-only guard. */
class DriftCommandTest {

  private static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    sql("postgres", """
        CREATE DATABASE app;
        CREATE DATABASE twin;
        CREATE ROLE reader LOGIN;
        """);
    for (String db : new String[] {"app", "twin"}) {
      sql(db, """
          CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
          GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
          """);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void sql(String database, String sql) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String url(String database) {
    return postgres.getJdbcUrl("reader", database);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void snapshot_then_drift_against_it_reports_a_change_made_afterwards() throws Exception {
    Path file = dir.resolve("schema.json");
    assertThat(run("snapshot", "--database-url", url("twin"), "-o", file.toString())).as(err.toString()).isZero();
    assertThat(file).content().contains("accounts");
    assertThat(run("drift", "--database-url", url("twin"), "--against-snapshot", file.toString()))
        .as(err.toString()).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString()).startsWith("No drift: ");

    sql("twin", "CREATE INDEX accounts_email ON accounts (email)");
    out.getBuffer().setLength(0);
    int code = run("drift", "--database-url", url("twin"), "--against-snapshot", file.toString(), "--format", "json");
    sql("twin", "DROP INDEX accounts_email");
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.BLOCKED.code());
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("drift").asBoolean()).isTrue();
    assertThat(json.get("differences")).hasSize(1);
    JsonNode difference = json.get("differences").get(0);
    assertThat(difference.get("kind").asText()).isEqualTo("UNEXPECTED");
    assertThat(difference.get("objectType").asText()).isEqualTo("INDEX");
    assertThat(difference.get("object").asText()).isEqualTo("public.accounts_email");
    assertThat(difference.get("message").asText()).startsWith("index public.accounts_email exists in database ");
  }

  @Test
  void two_databases_compared_name_what_differs() throws Exception {
    sql("app", "ALTER TABLE accounts ADD COLUMN name text");
    try {
      int code = run("drift", "--database-url", url("app"), "--against-url", url("twin"));
      assertThat(code).as(err.toString()).isEqualTo(ExitCode.BLOCKED.code());
      assertThat(out.toString()).contains("column public.accounts.name exists in database ")
          .contains("Drift: database ");
    } finally {
      sql("app", "ALTER TABLE accounts DROP COLUMN name");
    }
  }

  @Test
  void drift_against_the_migrations_that_built_the_database() throws Exception {
    Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    int code = run("drift", "--database-url", url("app"), "--against-migrations", dir.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCode.BLOCKED.code());
    assertThat(out.toString()).contains("column public.accounts.email: nullability is NOT NULL in database ")
        .contains(", nullable in the migrations in " + dir);
  }

  @Test
  void a_role_that_can_write_is_refused_with_exit_3() {
    String superuser = postgres.getJdbcUrl("postgres", "app");
    assertThat(run("snapshot", "--database-url", superuser)).isEqualTo(ExitCode.DATABASE.code());
    assertThat(err.toString()).contains("can write");
    assertThat(run("snapshot", "--database-url", superuser, "--allow-writable-connection")).isZero();
    assertThat(err.toString()).contains("WARNING");
    assertThat(out.toString()).contains("\"accounts\"");
  }

  @Test
  void without_a_comparison_or_a_database_it_is_a_usage_error() {
    assertThat(run("drift", "--database-url", url("app"))).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run("drift", "--database-url", "mysql://nope", "--against-url", url("app")))
        .isEqualTo(ExitCode.BAD_INPUT.code());
  }

  @Test
  void an_unreachable_database_exits_with_3() {
    assertThat(run("drift", "--database-url", "postgres://reader:secret@127.0.0.1:1/app", "--against-url", url("app")))
        .isEqualTo(ExitCode.DATABASE.code());
    assertThat(err.toString()).doesNotContain("secret");
  }
}
