package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execute} and {@code script} in-process, on one embedded PostgreSQL with a database per test. */
class ExecuteCommandTest {

  private static EmbeddedPostgres postgres;
  private static int databases;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

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

  private static String freshDatabase() throws SQLException {
    String name = "cli_" + (++databases);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  private static String one(String url, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path migrations() throws IOException {
    Path db = Files.createDirectories(dir.resolve("db"));
    Files.writeString(db.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, code text);\n");
    Files.writeString(db.resolve("V2__note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
    return db;
  }

  @Test
  void a_url_that_is_not_postgresqls_is_a_usage_error_on_every_command_that_takes_one() throws Exception {
    String db = migrations().toString();
    List<String[]> commands = List.of(
        new String[] {"execute", db, "--database-url", "foo", "--target", "staging"},
        new String[] {"review", db, "--database-url", "foo"},
        new String[] {"drift", "--database-url", "foo", "--against-url", "bar"},
        new String[] {"trace", db, "--schema-from-url", "foo"},
        new String[] {"rollback", db, "--verify", "--scratch-url", "foo"});
    for (String[] command : commands) {
      err.getBuffer().setLength(0);
      assertThat(run(command)).as(String.join(" ", command)).isEqualTo(2);
      assertThat(err.toString()).as(String.join(" ", command))
          .startsWith("error: not a PostgreSQL connection URL").doesNotContain("internal error");
    }
  }

  @Test
  void executes_on_staging_printing_each_statement_and_a_summary() throws Exception {
    String url = freshDatabase();

    int code = run("execute", migrations().toString(), "--database-url", url, "--target", "staging");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(staging)")
        .containsPattern("V1__orders.sql:1  CREATE TABLE orders \\(id bigint PRIMARY KEY, code text\\)  \\d+ ms")
        .containsPattern("V2__note.sql:1  ALTER TABLE orders ADD COLUMN note text  \\d+ ms")
        .contains("summary: 2 applied, 0 already applied before")
        .containsPattern("public.orders  ACCESS EXCLUSIVE  \\d+ ms  \\(V2__note.sql:1\\)");
    // V1__/V2__ names make this a Flyway directory: the runs are recorded where Flyway looks for them.
    assertThat(one(url, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo("2");

    out.getBuffer().setLength(0);
    assertThat(run("execute", dir.resolve("db").toString(), "--database-url", url, "--target", "staging")).isZero();
    assertThat(out.toString()).contains("summary: 0 applied, 2 already applied before");
  }

  @Test
  void production_is_refused_as_a_target_and_the_target_is_required() throws Exception {
    String url = freshDatabase();

    assertThat(run("execute", migrations().toString(), "--database-url", url, "--target", "production")).isEqualTo(2);
    assertThat(err.toString()).contains("only executes on staging").contains("migration-safety script");
    assertThat(run("execute", migrations().toString(), "--database-url", url)).isEqualTo(2);
    assertThat(err.toString()).contains("--target");
    assertThat(one(url, "SELECT coalesce(to_regclass('orders')::text, 'none')")).isEqualTo("none");
  }

  @Test
  void a_blocked_review_exits_1_with_the_review_unless_overridden() throws Exception {
    String url = freshDatabase();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, code text)");
    }
    Path db = Files.createDirectories(dir.resolve("blocked"));
    // A plain-SQL name: the library's own history keeps the override reason (Flyway's table has no place for it).
    Files.writeString(db.resolve("001_index.sql"), "CREATE INDEX orders_code ON orders (code);\n");

    assertThat(run("execute", db.toString(), "--database-url", url, "--target", "staging")).isEqualTo(1);
    assertThat(out.toString()).contains("require-concurrent-index");
    assertThat(err.toString()).contains("BLOCKED; nothing ran");

    out.getBuffer().setLength(0);
    assertThat(run("execute", db.toString(), "--database-url", url, "--target", "staging",
        "--override-blocked", "staging copy of orders is small")).isZero();
    assertThat(out.toString()).contains("BLOCKED review overridden, because: staging copy of orders is small");
    assertThat(one(url, "SELECT override_reason FROM migration_safety_history")).isEqualTo("staging copy of orders is small");
  }

  @Test
  void a_failed_statement_exits_3_with_its_place_the_server_error_and_the_cleanup() throws Exception {
    String url = freshDatabase();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, code text); INSERT INTO orders VALUES (1, 'a'), (2, 'a')");
    }
    Path db = Files.createDirectories(dir.resolve("unique"));
    Files.writeString(db.resolve("V1__unique.sql"),
        "-- migration-safety:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY orders_code ON orders (code);\n");

    // the review's data probe sees the repeated code: BLOCKED, nothing ran
    assertThat(run("execute", db.toString(), "--database-url", url, "--target", "staging")).isEqualTo(1);
    assertThat(out.toString()).contains("fails-on-existing-data");
    out.getBuffer().setLength(0);

    assertThat(run("execute", db.toString(), "--database-url", url, "--target", "staging",
        "--override-blocked", "testing what a failed build leaves")).isEqualTo(3);
    assertThat(out.toString()).contains("FAILED at V1__unique.sql:2  [23505]")
        .contains("could not create unique index \"orders_code\"")
        .contains("left behind: index public.orders_code on orders is INVALID")
        .contains("clean up:   DROP INDEX CONCURRENTLY IF EXISTS public.orders_code;");
  }

  @Test
  void script_writes_the_release_and_its_rollback_and_refuses_to_overwrite() throws Exception {
    Path release = dir.resolve("release.sql");

    assertThat(run("script", migrations().toString(), "-o", release.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("wrote " + release + " (2 pending migrations, review ");
    assertThat(Files.readString(release)).contains("-- Review verdict: ").contains("-- Inputs SHA-256: ")
        .contains("ALTER TABLE orders ADD COLUMN note text;");
    assertThat(Files.readString(dir.resolve("release.rollback.sql"))).contains("undo V2__note.sql");
    assertThat(run("script", dir.resolve("db").toString(), "-o", release.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists; use --force");
  }

  @Test
  void script_reads_the_history_of_a_database_and_leaves_out_what_it_applied() throws Exception {
    String url = freshDatabase();
    Path db = migrations();
    assertThat(run("execute", db.toString(), "--database-url", url, "--target", "staging")).isZero();
    Files.writeString(db.resolve("V3__more.sql"), "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;\n");
    Path release = dir.resolve("release.sql");

    assertThat(run("script", db.toString(), "-o", release.toString(), "--database-url", url,
        "--allow-writable-connection")).as(err.toString()).isZero();

    String sql = Files.readString(release);
    assertThat(sql).contains("V3__more.sql").doesNotContain("-- ==== V1__orders.sql").doesNotContain("-- ==== V2__note.sql");
  }
  @Test
  void json_summary_for_ci_has_the_runs_their_locks_and_the_failure() throws Exception {
    String url = freshDatabase();
    Path db = migrations();
    Files.writeString(db.resolve("V3__broken.sql"), "ALTER TABLE orders ADD COLUMN total numeric;\nSELECT 1 / 0;\n");

    int code = run("execute", db.toString(), "--database-url", url, "--target", "staging", "--format", "json");

    assertThat(code).isEqualTo(3);
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(root.get("succeeded").asBoolean()).isFalse();
    assertThat(root.get("migrations")).hasSize(3);
    assertThat(root.get("migrations").get(1).get("locks").get(0).get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
    assertThat(root.get("failure").get("file").asText()).isEqualTo("V3__broken.sql");
    assertThat(root.get("failure").get("line").asInt()).isEqualTo(2);
    assertThat(root.get("failure").get("sqlState").asText()).isEqualTo("22012");
    assertThat(root.get("failure").get("rolledBack").asBoolean()).isTrue();
    assertThat(one(url, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'total'"))
        .isEqualTo("0");
  }
}
