package io.migrationsafety.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.format.HistoryProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review given a read-only database reads {@code flyway_schema_history} as real Flyway wrote it:
 * only pending migrations are reviewed, and what Flyway would complain about is reported.
 */
class FlywayHistoryTest {

  @TempDir
  Path dir;

  private final String db = TestDatabases.create();
  private String reader;

  @BeforeEach
  void readerRole() {
    TestDatabases.execute(db, """
        CREATE ROLE r_%1$s LOGIN;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO r_%1$s;
        ALTER ROLE r_%1$s SET default_transaction_read_only = on;
        """.formatted(db));
    reader = TestDatabases.url(db, "r_" + db);
  }

  private void file(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private FluentConfiguration flyway() {
    FluentConfiguration configuration = Flyway.configure().dataSource(TestDatabases.superuser(db))
        .locations("filesystem:" + dir.toAbsolutePath()).placeholders(Map.of("t", "orders"));
    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return configuration;
  }

  private Review review() {
    return MigrationSafety.builder().schemaFrom(reader).format(new FlywayFormat(flyway())).build().review(dir);
  }

  @Test
  void applied_migrations_are_not_reviewed_again() throws IOException {
    file("V1__orders.sql", "CREATE TABLE ${t} (id bigint PRIMARY KEY, status text);\n");
    file("R__view.sql", "CREATE OR REPLACE VIEW ${t}_v AS SELECT id FROM ${t};\n");
    flyway().load().migrate();
    file("V2__index.sql", "CREATE INDEX orders_status ON orders (status);\n");

    Review review = review();

    assertThat(review.applied().source()).isEqualTo("public.flyway_schema_history");
    assertThat(review.applied().applied()).containsExactlyInAnyOrder("1", "R__view");
    assertThat(review.applied().problems()).isEmpty();
    assertThat(review.migrations()).extracting(m -> m.migration().id()).containsExactly("2");
  }

  @Test
  void a_changed_repeatable_is_pending_again() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    file("R__view.sql", "CREATE OR REPLACE VIEW orders_v AS SELECT id FROM orders;\n");
    flyway().load().migrate();
    file("R__view.sql", "CREATE OR REPLACE VIEW orders_v AS SELECT id, status FROM orders;\n");
    assertThat(review().migrations()).extracting(m -> m.migration().id()).containsExactly("R__view");
    assertThat(flyway().load().info().pending()).extracting(m -> m.getDescription()).containsExactly("view");
  }

  @Test
  void edited_missing_out_of_order_and_failed_migrations_are_reported() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    file("V2__archive.sql", "CREATE TABLE archive (id bigint);\n");
    file("V4__audit.sql", "CREATE TABLE audit (id bigint);\n");
    flyway().load().migrate();
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text, note text);\n");
    Files.delete(dir.resolve("V2__archive.sql"));
    file("V3__late.sql", "CREATE TABLE late (id bigint);\n");

    Review review = review();

    assertThat(review.applied().problems()).extracting(HistoryProblem::kind, HistoryProblem::migrationId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.CHECKSUM_MISMATCH, "1"),
            org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.MISSING_FILE, "2"),
            org.assertj.core.groups.Tuple.tuple(HistoryProblem.Kind.OUT_OF_ORDER, "3"));
    assertThat(review.findings()).extracting(f -> f.rule()).contains("migration-history");
    // Flyway agrees: its validation refuses the same history.
    assertThat(catchThrowable(() -> flyway().load().validate())).hasMessageContaining("checksum mismatch");
  }

  @Test
  void a_failed_run_is_reported_and_blocks() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n");
    file("V2__index.sql", "CREATE INDEX CONCURRENTLY orders_missing ON no_such_table (status);\n");
    assertThat(catchThrowable(() -> flyway().load().migrate())).isNotNull();
    assertThat(TestDatabases.query(db, "SELECT success FROM flyway_schema_history WHERE version = '2'")).isEqualTo("f");

    Review review = review();

    assertThat(review.applied().problems()).extracting(HistoryProblem::kind).containsExactly(HistoryProblem.Kind.FAILED);
    assertThat(review.migrations()).extracting(m -> m.migration().id()).containsExactly("2");
    assertThat(review.verdict()).isEqualTo(io.migrationsafety.Verdict.BLOCKED);
  }

  @Test
  void a_database_without_the_history_table_has_applied_nothing() throws IOException {
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    Review review = review();
    assertThat(review.applied().applied()).isEmpty();
    assertThat(review.applied().source()).contains("absent");
    assertThat(review.migrations()).hasSize(1);
  }

  @Test
  void the_table_and_schema_are_the_configured_ones() throws IOException {
    TestDatabases.execute(db, "CREATE SCHEMA app; GRANT USAGE ON SCHEMA app TO r_" + db
        + "; ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r_" + db);
    file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    FluentConfiguration configuration = flyway().schemas("app").table("schema_versions");
    configuration.load().migrate();
    Review review = MigrationSafety.builder().schemaFrom(reader).format(new FlywayFormat(configuration)).build()
        .review(dir);
    assertThat(review.applied().source()).isEqualTo("app.schema_versions");
    assertThat(review.applied().applied()).containsExactly("1");
  }
}
