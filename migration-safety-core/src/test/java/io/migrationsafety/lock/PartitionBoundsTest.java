package io.migrationsafety.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.database.SchemaIntrospector;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a partition's CHECKs prove its bound, so that ATTACH PARTITION skips its scan, compared
 * with what PostgreSQL does: with {@code client_min_messages = debug1} it says "partition constraint
 * … is implied by existing constraints" exactly when it skips the scan. The constraints are read
 * back by introspection, in the form PostgreSQL prints them.
 */
class PartitionBoundsTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE events (id int, note text) PARTITION BY RANGE (id);
          CREATE TABLE tagged (code text, note text) PARTITION BY LIST (code);
          CREATE TABLE exact_range (id int NOT NULL, note text, CHECK (id >= 0 AND id < 10));
          CREATE TABLE loose_range (id int NOT NULL, note text, CHECK (id >= 10 AND id < 200));
          CREATE TABLE nullable_range (id int, note text, CHECK (id >= 20 AND id < 30));
          CREATE TABLE exact_list (code text, note text, CHECK (code IS NOT NULL AND code IN ('a')));
          CREATE TABLE loose_list (code text NOT NULL, note text, CHECK (code IN ('b', 'c')));
          CREATE TABLE or_list (code text NOT NULL, note text, CHECK (code IN ('d') OR note IS NULL));
          """);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "events | exact_range    | FOR VALUES FROM (0) TO (10)    | true",
      "events | loose_range    | FOR VALUES FROM (10) TO (20)   | false",
      "events | nullable_range | FOR VALUES FROM (20) TO (30)   | false",
      "tagged | exact_list     | FOR VALUES IN ('a')            | true",
      "tagged | loose_list     | FOR VALUES IN ('b')            | false",
      "tagged | or_list        | FOR VALUES IN ('d')            | false"})
  void a_bound_counts_as_proven_exactly_when_postgresql_skips_the_scan(String parent, String partition, String bound,
      boolean skipped) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      Schema schema = SchemaIntrospector.introspect(c).schema();
      Table parentTable = schema.table(QualifiedName.of("public", parent)).orElseThrow();
      Table partitionTable = schema.table(QualifiedName.of("public", partition)).orElseThrow();
      String condition = PartitionBounds.condition(parentTable, bound).orElseThrow();

      c.setAutoCommit(false);
      st.execute("SET LOCAL client_min_messages = debug1");
      st.execute("ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + bound);
      boolean implied = false;
      for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
        implied |= w.getMessage().contains("is implied by existing constraints");
      }
      c.rollback();

      assertThat(implied).as("PostgreSQL skipped the scan").isEqualTo(skipped);
      assertThat(PartitionBounds.proven(partitionTable, condition)).as(condition).isEqualTo(skipped);
    }
  }
}
