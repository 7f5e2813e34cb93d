package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.format.AppliedRun;
import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.HistoryWriter;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written as Flyway writes them: real Flyway then validates them and has nothing left to run. */
class FlywayHistoryWriterTest {

  @TempDir
  Path dir;

  private final String db = TestDatabases.create();

  private FluentConfiguration flyway() {
    return Flyway.configure().dataSource(TestDatabases.superuser(db)).locations("filesystem:" + dir.toAbsolutePath())
        .placeholders(Map.of("t", "orders"));
  }

  @Test
  void flyway_takes_the_recorded_runs_for_its_own() throws IOException, SQLException {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE ${t} (id bigint PRIMARY KEY);\r\n");
    Files.writeString(dir.resolve("V1_1__note.sql"), "ALTER TABLE ${t} ADD COLUMN note text;\n");
    Files.writeString(dir.resolve("R__view.sql"), "CREATE OR REPLACE VIEW ${t}_v AS SELECT id FROM ${t};\n");
    FlywayFormat format = new FlywayFormat(flyway());
    MigrationSet set = format.read(dir);
    HistoryWriter writer = format.historyWriter().orElseThrow();

    try (Connection c = TestDatabases.superuser(db).getConnection()) {
      writer.prepare(c);
      writer.prepare(c);
      c.setAutoCommit(false);
      for (Migration m : set.migrations()) {
        try (Statement st = c.createStatement()) {
          st.execute(m.upScript());
        }
        writer.recordApplied(c, set, new AppliedRun(m, m.file().getFileName().toString(), Duration.ofMillis(7), null));
        c.commit();
      }
    }

    Flyway real = flyway().load();
    real.validate();
    assertThat(real.info().pending()).isEmpty();
    assertThat(real.migrate().migrationsExecuted).isZero();
    try (Connection c = TestDatabases.superuser(db).getConnection()) {
      AppliedState state = format.history().orElseThrow().read(c, set);
      assertThat(state.applied()).containsExactlyInAnyOrder("1", "1.1", "R__view");
      assertThat(state.problems()).isEmpty();
    }
  }

  @Test
  void the_row_and_the_table_flyway_writes_inside_a_transaction_roll_back_with_it() throws IOException, SQLException {
    Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE ${t} (id bigint PRIMARY KEY);\n");
    FlywayFormat format = new FlywayFormat(flyway());
    MigrationSet set = format.read(dir);
    Migration m = set.migrations().get(0);
    try (Connection c = TestDatabases.superuser(db).getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(m.upScript());
      }
      format.historyWriter().orElseThrow().recordApplied(c, set, new AppliedRun(m, "V1__orders.sql", Duration.ZERO,
          null));
      // Flyway neither committed nor closed the connection, nor turned auto-commit back on.
      assertThat(c.isClosed()).isFalse();
      assertThat(c.getAutoCommit()).isFalse();
      assertThat(TestDatabases.query(db, "SELECT to_regclass('flyway_schema_history') IS NULL")).isEqualTo("t");
      c.rollback();
    }
    assertThat(TestDatabases.query(db, "SELECT to_regclass('flyway_schema_history') IS NULL "
        + "AND to_regclass('orders') IS NULL")).isEqualTo("t");
    assertThat(flyway().load().info().pending()).hasSize(1);
  }

  @Test
  void a_java_migration_is_not_recorded_as_run() throws SQLException {
    FluentConfiguration configuration = Flyway.configure().locations("classpath:db/javamigration");
    FlywayFormat format = new FlywayFormat(configuration);
    MigrationSet set = format.read();
    Migration java = set.migrations().get(1);
    try (Connection c = TestDatabases.superuser(db).getConnection()) {
      HistoryWriter writer = format.historyWriter().orElseThrow();
      writer.prepare(c);
      assertThatThrownBy(() -> writer.recordApplied(c, set, new AppliedRun(java, "V2__Backfill_status.class",
          Duration.ZERO, null))).hasMessageContaining("only Flyway can run it");
    }
  }
}
