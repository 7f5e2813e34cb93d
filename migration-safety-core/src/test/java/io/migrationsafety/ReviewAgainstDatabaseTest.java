package io.migrationsafety;

import static io.migrationsafety.assertj.MigrationSafetyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationsafety.database.WritableConnectionException;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.policy.DataProbeSettings;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.policy.PolicyLoader;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reviews against a live PostgreSQL: the table sizes come from the database, read-only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAgainstDatabaseTest {

  private EmbeddedPostgres postgres;

  @TempDir
  Path dir;

  @BeforeAll
  void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE big");
      s.execute("CREATE DATABASE small");
      s.execute("CREATE ROLE reader LOGIN");
    }
    fill("big", 2_000_000);
    fill("small", 50);
  }

  private void fill(String database, int rows) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection();
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())");
      s.execute("INSERT INTO orders (id) SELECT g FROM generate_series(1, " + rows + ") g");
      s.execute("ANALYZE orders");
      s.execute("GRANT CONNECT ON DATABASE " + database + " TO reader");
      s.execute("GRANT USAGE ON SCHEMA public TO reader");
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }
  }

  private String url(String database, String user) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=" + user;
  }

  @AfterAll
  void stop() throws IOException {
    postgres.close();
  }

  @Test
  void the_same_index_is_blocked_on_two_million_rows_and_safe_on_fifty() throws IOException {
    Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX orders_created_at_idx ON orders (created_at);\n");

    Review big = MigrationSafety.builder().schemaFrom(url("big", "reader")).build().review(dir);
    Review small = MigrationSafety.builder().schemaFrom(url("small", "reader")).build().review(dir);

    assertThat(big).hasVerdict(Verdict.BLOCKED).hasFinding("require-concurrent-index");
    assertThat(small).hasVerdict(Verdict.SAFE).hasNoFindings();
    assertThat(big.postgresVersion()).as("the server's version").isEqualTo(16);
  }

  @Test
  void the_threshold_for_large_comes_from_the_policy_and_the_rows_from_the_server() throws IOException {
    Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX orders_created_at_idx ON orders (created_at);\n");
    Policy fiveMillion = PolicyLoader.parse("large_table_rows: 5_000_000", "policy").policy();
    Policy ten = PolicyLoader.parse("large_table_rows: 10", "policy").policy();

    assertThat(io.migrationsafety.database.DatabaseTarget.of(url("big", "reader")).read(false).schema()
        .table(QualifiedName.of("public", "orders")).orElseThrow().rowEstimate())
        .as("reltuples after ANALYZE").isBetween(1_900_000L, 2_100_000L);
    // Two million rows are not large when the policy says large starts at five million. (The
    // estimate-based lock-held-too-long still weighs the real size, so only the size rule is checked.)
    assertThat(MigrationSafety.builder().policy(fiveMillion).schemaFrom(url("big", "reader")).build().review(dir)
        .findings()).noneMatch(f -> f.rule().equals("require-concurrent-index"));
    assertThat(MigrationSafety.builder().policy(ten).schemaFrom(url("small", "reader")).build().review(dir))
        .hasVerdict(Verdict.BLOCKED).hasFinding("require-concurrent-index");
  }

  @Test
  void a_data_probe_over_its_timeout_on_two_million_rows_does_not_know() throws IOException {
    Files.writeString(dir.resolve("V3__check.sql"), """
        ALTER TABLE orders ADD CONSTRAINT orders_recent CHECK (created_at > '2000-01-01') NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_recent;
        ALTER TABLE orders ALTER COLUMN created_at TYPE date;
        """);
    Policy tiny = Policy.defaults().withDataProbes(new DataProbeSettings(true, 1, 30_000));
    Review review = MigrationSafety.builder().policy(tiny).schemaFrom(url("big", "reader")).build().review(dir);
    assertThat(review.findings().stream().filter(f -> f.rule().equals("fails-on-existing-data"))
        .map(f -> f.severity() + " " + f.message()))
        .containsExactly("WARNING Could not check whether the data public.orders holds makes this statement fail "
            + "(rows for which CHECK (created_at > '2000-01-01') is false): the probe took longer than its 1 ms "
            + "timeout",
            "WARNING Could not check whether the data public.orders holds makes this statement fail "
            + "(values of created_at that do not convert to date): the probe took longer than its 1 ms timeout");
    Files.delete(dir.resolve("V3__check.sql"));
  }

  @Test
  void a_role_that_can_write_is_refused_unless_overridden_with_a_warning() throws IOException {
    Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX orders_created_at_idx ON orders (created_at);\n");

    assertThatThrownBy(() -> MigrationSafety.builder().schemaFrom(url("small", "postgres")).build())
        .isInstanceOf(WritableConnectionException.class).hasMessageContaining("migration_safety_reader");
    Reviewer reviewer = MigrationSafety.builder().schemaFrom(url("small", "postgres"))
        .allowWritableConnection(true).build();
    assertThat(reviewer.warnings()).singleElement().asString().containsIgnoringCase("writ");
    assertThat(reviewer.review(dir)).hasVerdict(Verdict.SAFE);
  }

  @Test
  void a_statement_on_a_table_the_database_lacks_is_a_conflict() throws IOException {
    Files.writeString(dir.resolve("V2__alter.sql"), "ALTER TABLE invoices ADD COLUMN note text;\n");

    assertThat(MigrationSafety.builder().schemaFrom(url("small", "reader")).build().review(dir))
        .hasFinding("schema-conflict");
  }
}
