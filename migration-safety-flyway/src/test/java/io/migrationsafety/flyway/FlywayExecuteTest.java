package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.execute.ExecutionResult;
import io.migrationsafety.execute.MigrationRun;
import io.migrationsafety.execute.ReleaseScript;
import io.migrationsafety.execute.StagingTarget;
import io.migrationsafety.format.HistorySql;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway project applied by the staging executor, and released by the production script: real
 * Flyway afterwards takes {@code flyway_schema_history} for its own — every migration applied with
 * success, validation passing, nothing left to migrate — and the table and rows are those Flyway
 * writes when it migrates the same project itself.
 */
class FlywayExecuteTest {

  /** The rows as Flyway compares them; installed_on and execution_time differ from run to run. */
  private static final String ROWS = "SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || description "
      + "|| ' ' || type || ' ' || script || ' ' || coalesce(checksum::text, '-') || ' ' || installed_by || ' ' "
      + "|| success FROM flyway_schema_history ORDER BY installed_rank";

  /** The table's layout: columns, then constraints and indexes. */
  private static final String LAYOUT = "SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' "
      + "|| coalesce(character_maximum_length::text, '-') || ' ' || coalesce(column_default, '-') "
      + "FROM information_schema.columns WHERE table_name = 'flyway_schema_history' "
      + "UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
      + "WHERE conrelid = 'flyway_schema_history'::regclass "
      + "UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename = 'flyway_schema_history' ORDER BY 1";

  @TempDir
  Path dir;

  @TempDir
  Path out;

  /** Versioned scripts (one without a transaction, as Flyway runs a concurrent index) and a repeatable one. */
  private void project() throws IOException {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, code text);\n");
    Files.writeString(dir.resolve("V1_1__order_note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n"
        + "COMMENT ON COLUMN orders.note IS 'free text';\n");
    Files.writeString(dir.resolve("V2__orders_code_index.sql"),
        "CREATE INDEX CONCURRENTLY orders_code_idx ON orders (code);\n");
    Files.writeString(dir.resolve("R__orders_view.sql"), "CREATE OR REPLACE VIEW orders_v AS SELECT id FROM orders;\n");
  }

  /**
   * Real Flyway on {@code db}, its advisory lock taken outside a transaction: with Flyway's default
   * transactional lock, its own run of the concurrent index build would wait for itself.
   */
  private Flyway flyway(String db) {
    FluentConfiguration configuration = Flyway.configure().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath());
    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return configuration.load();
  }

  private static String url(String db) {
    return TestDatabases.url(db, "postgres");
  }

  @Test
  void after_execute_flyway_sees_every_migration_applied_validates_and_migrates_nothing() throws Exception {
    project();
    String staging = TestDatabases.create();

    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(url(staging))).execute(dir);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(result.migrations()).extracting(MigrationRun::file)
        .containsExactly("V1__orders.sql", "V1_1__order_note.sql", "V2__orders_code_index.sql", "R__orders_view.sql");
    Flyway real = flyway(staging);
    real.validate();
    assertThat(real.info().all()).extracting(MigrationInfo::getScript, MigrationInfo::getState).containsExactly(
        org.assertj.core.groups.Tuple.tuple("V1__orders.sql", MigrationState.SUCCESS),
        org.assertj.core.groups.Tuple.tuple("V1_1__order_note.sql", MigrationState.SUCCESS),
        org.assertj.core.groups.Tuple.tuple("V2__orders_code_index.sql", MigrationState.SUCCESS),
        org.assertj.core.groups.Tuple.tuple("R__orders_view.sql", MigrationState.SUCCESS));
    assertThat(real.migrate().migrationsExecuted).isZero();

    // The same project migrated by Flyway itself: the same table, the same rows.
    String byFlyway = TestDatabases.create();
    flyway(byFlyway).migrate();
    assertThat(strings(staging, LAYOUT)).isEqualTo(strings(byFlyway, LAYOUT));
    assertThat(strings(staging, ROWS)).isEqualTo(strings(byFlyway, ROWS)).hasSize(4);
  }

  @Test
  void the_table_and_schema_of_the_projects_flyway_conf_are_created_by_flyway_with_the_first_row() throws Exception {
    Files.writeString(dir.resolve("flyway.conf"), "flyway.table=app_history\nflyway.defaultSchema=app\n");
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    String staging = TestDatabases.create();

    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(url(staging))).execute(dir);

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(strings(staging, "SELECT coalesce(to_regclass('app.app_history')::text, '-') || ' ' "
        + "|| coalesce(to_regclass('public.flyway_schema_history')::text, '-')")).containsExactly("app.app_history -");
    assertThat(strings(staging, "SELECT version || ' ' || script || ' ' || success FROM app.app_history"))
        .containsExactly("1 V1__orders.sql true");
    Flyway real = Flyway.configure().dataSource(TestDatabases.superuser(staging)).table("app_history")
        .defaultSchema("app").locations("filesystem:" + dir.toAbsolutePath()).load();
    real.validate();
    assertThat(real.migrate().migrationsExecuted).isZero();
  }

  @Test
  void a_failed_transactional_migration_leaves_no_history_row() throws Exception {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, code text);\n"
        + "INSERT INTO orders VALUES (1, 'a'), (2, 'a');\n");
    Files.writeString(dir.resolve("V2__unique_code.sql"), "ALTER TABLE orders ADD COLUMN note text;\n"
        + "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);\n");
    String staging = TestDatabases.create();

    ExecutionResult result = MigrationSafety.builder().build().executor(StagingTarget.of(url(staging)))
        .overrideBlocked("staging copy is small").execute(dir);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure().location()).isEqualTo("V2__unique_code.sql:2");
    assertThat(result.failure().sqlState()).isEqualTo("23505");
    assertThat(result.failure().rolledBack()).isTrue();
    assertThat(strings(staging, "SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"))
        .containsExactly("1 true");
    assertThat(strings(staging, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' "
        + "AND column_name = 'note'")).containsExactly("0");
    assertThat(flyway(staging).info().pending()).extracting(MigrationInfo::getScript)
        .containsExactly("V2__unique_code.sql");
  }

  @Test
  void the_release_script_run_by_psql_leaves_the_history_flyway_writes() throws Exception {
    project();
    String production = TestDatabases.create();
    ReleaseScript script = ReleaseScript.prepare(MigrationSafety.builder().build(), dir);
    assertThat(script.sql()).doesNotContain("record the\n-- migrations with it");
    Path release = Files.writeString(out.resolve("release.sql"), script.sql());

    psql(release, production);

    Flyway real = flyway(production);
    real.validate();
    assertThat(real.info().pending()).isEmpty();
    assertThat(real.migrate().migrationsExecuted).isZero();
    String again = psql(release, production);
    assertThat(again).contains("V1__orders.sql: already applied, skipped", "R__orders_view.sql: already applied, skipped");
    String byFlyway = TestDatabases.create();
    flyway(byFlyway).migrate();
    assertThat(strings(production, LAYOUT)).isEqualTo(strings(byFlyway, LAYOUT));
    assertThat(strings(production, ROWS)).isEqualTo(strings(byFlyway, ROWS));

    Path rollback = Files.writeString(out.resolve("release.rollback.sql"), script.rollbackSql());
    psql(rollback, production);
    assertThat(flyway(production).info().pending()).hasSize(4);
  }

  /** The history SQL of the script, sent statement by statement through JDBC as psql would send it. */
  @Test
  void the_history_sql_run_statement_by_statement_gives_flyway_its_rows() throws Exception {
    project();
    String production = TestDatabases.create();
    FlywayFormat format = new FlywayFormat();
    MigrationSet set = format.read(dir);
    HistorySql sql = format.historyWriter().orElseThrow().sql().orElseThrow();
    try (Connection c = TestDatabases.superuser(production).getConnection(); Statement st = c.createStatement()) {
      for (String prepare : sql.prepare().split(";\n")) {
        st.execute(prepare);
      }
      for (String prepare : sql.prepare().split(";\n")) {
        st.execute(prepare); // idempotent: the script prepares on every run
      }
      for (Migration m : set.migrations()) {
        assertThat(applied(st, sql.appliedQuery(set, m))).isFalse();
        c.setAutoCommit(!m.transactional());
        st.execute(m.upScript());
        st.execute(sql.recordApplied(set, m, m.file().getFileName().toString()));
        if (m.transactional()) {
          c.commit();
        }
        c.setAutoCommit(true);
        assertThat(applied(st, sql.appliedQuery(set, m))).isTrue();
      }
    }

    Flyway real = flyway(production);
    real.validate();
    assertThat(real.info().all()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
    assertThat(real.migrate().migrationsExecuted).isZero();
    String byFlyway = TestDatabases.create();
    flyway(byFlyway).migrate();
    assertThat(strings(production, LAYOUT)).isEqualTo(strings(byFlyway, LAYOUT));
    assertThat(strings(production, ROWS)).isEqualTo(strings(byFlyway, ROWS));
  }

  @Test
  void a_baseline_row_covers_the_versions_up_to_it() throws Exception {
    project();
    String production = TestDatabases.create();
    Flyway.configure().dataSource(TestDatabases.superuser(production)).baselineVersion("1.1").load().baseline();
    FlywayFormat format = new FlywayFormat();
    MigrationSet set = format.read(dir);
    HistorySql sql = format.historyWriter().orElseThrow().sql().orElseThrow();
    try (Connection c = TestDatabases.superuser(production).getConnection(); Statement st = c.createStatement()) {
      assertThat(set.migrations()).extracting(Migration::id).startsWith("1", "1.1", "2");
      assertThat(applied(st, sql.appliedQuery(set, set.migrations().get(0)))).isTrue();
      assertThat(applied(st, sql.appliedQuery(set, set.migrations().get(1)))).isTrue();
      assertThat(applied(st, sql.appliedQuery(set, set.migrations().get(2)))).isFalse();
    }
  }

  private static boolean applied(Statement st, String query) throws SQLException {
    try (ResultSet rs = st.executeQuery(query)) {
      assertThat(rs.next()).isTrue();
      return rs.getBoolean(1);
    }
  }

  private static List<String> strings(String db, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = TestDatabases.superuser(db).getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static String psql(Path script, String db) throws Exception {
    Assumptions.assumeTrue(psqlAvailable(), "psql is not on the PATH: the production script is not run here");
    String url = url(db);
    String port = url.replaceFirst("^jdbc:postgresql://[^:]+:(\\d+)/.*$", "$1");
    Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", port,
        "-U", "postgres", "-d", db, "-f", script.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean psqlAvailable() {
    try {
      return new ProcessBuilder("psql", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
