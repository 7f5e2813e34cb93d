package io.migrationsafety.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.database.DatabaseTarget;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.schema.SchemaSnapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database against the replay of the migrations that built it, and against a snapshot of
 * itself, on real PostgreSQL: no drift until someone changes the database by hand.
 */
class DriftAgainstMigrationsTest {

  /** The realistic script the replay-equals-introspection test holds to PostgreSQL. */
  private static final String SHOP = io.migrationsafety.database.ReplayEqualsIntrospectionTestAccess.shop();

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A fresh database {@code name} built by {@code script}, statement by statement. */
  private static DatabaseTarget database(String name, String script) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    execute(name, script);
    return DatabaseTarget.of(postgres.getJdbcUrl("postgres", name));
  }

  private static void execute(String database, String script) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement st = c.createStatement()) {
      for (ParsedStatement s : SqlParser.parse(script, "script.sql").statements()) {
        st.execute(s.statement().text());
      }
    }
  }

  @Test
  void a_database_built_by_its_migrations_has_no_drift_from_their_replay(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__shop.sql"), SHOP);
    DatabaseTarget db = database("built", SHOP);
    DriftReport report = Drift.againstMigrations(db, dir, true);
    assertThat(report.comparable()).isTrue();
    assertThat(report.messages()).isEmpty();
  }

  @Test
  void a_change_by_hand_is_drift_from_the_migrations(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__shop.sql"), SHOP);
    DatabaseTarget db = database("changed", SHOP);
    execute("changed", """
        CREATE INDEX orders_total_idx ON orders (total);
        ALTER TABLE customers ALTER COLUMN score SET DEFAULT 0;
        ALTER TABLE billing.invoices VALIDATE CONSTRAINT invoices_order_fk;
        """);
    DriftReport report = Drift.againstMigrations(db, dir, true);
    assertThat(report.messages()).containsExactlyInAnyOrder(
        "column public.customers.score: default is 0 in " + report.actual() + ", none in " + report.expected(),
        "constraint billing.invoices.invoices_order_fk: validity is valid in " + report.actual() + ", NOT VALID in "
            + report.expected(),
        "index public.orders_total_idx exists in " + report.actual() + " but not in " + report.expected());
    assertThat(report.expected()).isEqualTo("the migrations in " + dir + " (1 migration replayed)");
  }

  @Test
  void migrations_whose_replay_cannot_be_trusted_are_not_compared(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__base.sql"), "CREATE TABLE t (id int);\n");
    Files.writeString(dir.resolve("V2__code.sql"), "DO $$ BEGIN EXECUTE 'CREATE INDEX t_id ON t (id)'; END $$;\n");
    DatabaseTarget db = database("coded", "CREATE TABLE t (id int); CREATE INDEX t_id ON t (id);");
    DriftReport report = Drift.againstMigrations(db, dir, true);
    assertThat(report.comparable()).isFalse();
    assertThat(report.differences()).isEmpty();
    assertThat(report.text()).contains("Cannot compare").contains("V2__code.sql:1: runs code whose schema changes");
  }

  @Test
  void a_database_has_no_drift_from_its_own_snapshot_until_it_changes(@TempDir Path dir) throws Exception {
    DatabaseTarget db = database("snap", SHOP);
    Path file = dir.resolve("schema.json");
    SchemaSnapshot.save(db.read(true).schema(), file);
    assertThat(Drift.againstSnapshot(db, file, true).differences()).isEmpty();
    execute("snap", "ALTER TYPE order_status ADD VALUE 'returned'");
    assertThat(Drift.againstSnapshot(db, file, true).messages()).containsExactly(
        "type public.order_status: labels is 'new', 'paid', 'cancelled', 'shipped', 'returned' in database "
            + db.description() + ", 'new', 'paid', 'cancelled', 'shipped' in snapshot " + file);
  }

  @Test
  void two_databases_built_alike_have_no_drift() throws Exception {
    DatabaseTarget a = database("twin_a", SHOP);
    DatabaseTarget b = database("twin_b", SHOP);
    assertThat(Drift.between(a, b, true).differences()).isEmpty();
  }
}
