package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Flyway migrating embedded PostgreSQL with the callback registered. */
class MigrationSafetyCallbackTest {

  @TempDir
  Path dir;

  private final String db = TestDatabases.create();

  private FluentConfiguration flyway(MigrationSafetyCallback callback) {
    return Flyway.configure().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).callbacks(callback)
        // Tests that start from an existing table (as production does) let Flyway baseline it at 0.
        .baselineOnMigrate(true).baselineVersion("0");
  }

  private void file(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private String history() {
    return TestDatabases.query(db, "SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank) "
        + "FROM flyway_schema_history WHERE type <> 'BASELINE'");
  }

  @Test
  void a_blocked_batch_is_stopped_before_any_statement_runs() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    flyway(new MigrationSafetyCallback()).load().migrate();
    assertThat(history()).isEqualTo("1:true");

    file("V2__notes.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
    file("V3__status_index.sql", "-- the index\nCREATE INDEX orders_status_idx ON orders (status);\n");
    Flyway blocked = flyway(new MigrationSafetyCallback()).load();
    assertThatThrownBy(blocked::migrate).isInstanceOf(FlywayException.class)
        .hasMessageStartingWith("Error while executing beforeMigrate callback: migration-safety: 2 pending "
            + "migration(s) reviewed, verdict BLOCKED")
        .hasStackTraceContaining("V3__status_index.sql:2")
        .hasStackTraceContaining("require-concurrent-index")
        .hasStackTraceContaining("CREATE INDEX CONCURRENTLY");

    // Nothing ran: the history and the schema are as V1 left them.
    assertThat(history()).isEqualTo("1:true");
    assertThat(TestDatabases.query(db, "SELECT count(*) FROM information_schema.columns "
        + "WHERE table_name = 'orders' AND column_name = 'note'")).isEqualTo("0");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders_status_idx')")).isNull();
  }

  @Test
  void flyway_can_load_it_by_class_name() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__drop.sql", "DROP TABLE orders;\n");
    Flyway byName = Flyway.configure().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).baselineOnMigrate(true).baselineVersion("0")
        .callbacks(MigrationSafetyCallback.class.getName()).load();
    assertThatThrownBy(byName::migrate).hasStackTraceContaining("ban-drop-table");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders')")).isNotNull();
  }

  @Test
  void a_safe_batch_migrates() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    file("V2__index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    flyway(new MigrationSafetyCallback()).load().migrate();
    assertThat(history()).isEqualTo("1:true,2:true");
  }

  @Test
  void warn_mode_migrates_and_writes_the_report() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    Path report = dir.resolve("out/review.json");
    flyway(new MigrationSafetyCallback().withMode(MigrationSafetyCallback.Mode.WARN).withReportFile(report))
        .locations("filesystem:" + dir.toAbsolutePath()).load().migrate();
    assertThat(history()).isEqualTo("1:true");
    assertThat(Files.readString(report)).contains("\"verdict\" : \"BLOCKED\"", "require-concurrent-index",
        "V1__status_index.sql");
  }

  @Test
  void report_mode_only_writes_the_report() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    Path report = dir.resolve("review.txt");
    flyway(new MigrationSafetyCallback().withMode(MigrationSafetyCallback.Mode.REPORT).withReportFile(report))
        .load().migrate();
    assertThat(history()).isEqualTo("1:true");
    assertThat(Files.readString(report)).contains("BLOCKED", "require-concurrent-index");
  }

  @Test
  void a_concurrent_index_with_flyways_transactional_lock_is_stopped_and_explained() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__status_index.sql", "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n");
    Flyway locked = flyway(new MigrationSafetyCallback()).load();
    assertThatThrownBy(locked::migrate).hasStackTraceContaining("postgresql.transactional.lock");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('flyway_schema_history')")).isNotNull();
    assertThat(history()).isNull();

    FluentConfiguration unlocked = flyway(new MigrationSafetyCallback());
    unlocked.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    unlocked.load().migrate();
    assertThat(history()).isEqualTo("1:true");
    assertThat(TestDatabases.query(db, "SELECT to_regclass('orders_status_idx')")).isNotNull();
  }

  @Test
  void reads_the_real_schema_through_a_read_only_role() throws IOException {
    TestDatabases.execute(db, """
        CREATE TABLE orders (id bigint PRIMARY KEY, status text);
        ANALYZE orders;
        CREATE ROLE reader_%1$s LOGIN;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_%1$s;
        ALTER ROLE reader_%1$s SET default_transaction_read_only = on;
        """.formatted(db));
    file("V1__status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    String reader = TestDatabases.url(db, "reader_" + db);
    MigrationSafetyCallback callback = new MigrationSafetyCallback(() -> MigrationSafety.builder().schemaFrom(reader)
        .postgresVersion(16));
    // The introspected orders table is empty (and analyzed), hence small: a plain index build on it does not
    // block, where on a stand-in schema (a_blocked_batch_is_stopped_before_any_statement_runs) it does.
    flyway(callback).load().migrate();
    assertThat(history()).isEqualTo("1:true");
  }

  @Test
  void reading_through_flyways_writable_connection_must_be_asked_for() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text); ANALYZE orders;");
    file("V1__status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    flyway(new MigrationSafetyCallback().readingThroughFlywayConnection()).load().migrate();
    assertThat(history()).isEqualTo("1:true");
  }

  @Test
  void only_pending_migrations_are_reviewed() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__status_index.sql", "CREATE INDEX orders_status_idx ON orders (status);\n");
    flyway(new MigrationSafetyCallback().withMode(MigrationSafetyCallback.Mode.WARN)).load().migrate();
    file("V2__orders_archive.sql", "CREATE TABLE orders_archive (id bigint PRIMARY KEY);\n");
    Path report = dir.resolve("review.json");
    flyway(new MigrationSafetyCallback().withReportFile(report)).load().migrate();
    assertThat(history()).isEqualTo("1:true,2:true");
    assertThat(Files.readString(report)).contains("V2__orders_archive.sql").doesNotContain("V1__status_index.sql");
  }

  @Test
  void the_verdict_is_on_the_exception() throws IOException {
    TestDatabases.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, status text)");
    file("V1__drop.sql", "DROP TABLE orders;\n");
    Flyway flyway = flyway(new MigrationSafetyCallback()).load();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(flyway::migrate);
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof MigrationsBlockedException)) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(MigrationsBlockedException.class);
    assertThat(((MigrationsBlockedException) cause).review().verdict()).isEqualTo(Verdict.BLOCKED);
  }
}
