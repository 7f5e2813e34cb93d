package io.migrationsafety.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.schema.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick measurement, not a timed test: how long introspecting 1,000 tables takes on embedded
 * PostgreSQL. Run with {@code -Dmigrationsafety.measure=true -Dtest=IntrospectionSpeedMeasurement}.
 */
@EnabledIfSystemProperty(named = "migrationsafety.measure", matches = "true")
class IntrospectionSpeedMeasurement {

  @Test
  void introspects_a_thousand_tables() throws Exception {
    int tables = Integer.getInteger("migrationsafety.tables", 1000);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE parent (id bigint PRIMARY KEY)");
      StringBuilder ddl = new StringBuilder();
      for (int i = 0; i < tables; i++) {
        ddl.append("CREATE TABLE t").append(i).append(" (id bigserial PRIMARY KEY, parent_id bigint REFERENCES parent,"
            + " name text NOT NULL, amount numeric(12,2) CHECK (amount >= 0), created_at timestamptz DEFAULT now());"
            + "CREATE INDEX ON t").append(i).append(" (name);");
      }
      st.execute(ddl.toString());
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        Schema schema = SchemaIntrospector.introspect(c).schema();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(schema.tables()).hasSize(tables + 1);
        System.out.printf("introspection run %d: %d tables, %d indexes, %d sequences in %d ms%n", run,
            schema.tables().size(), schema.indexes().size(), schema.sequences().size(), millis);
      }
    }
  }
}
