package io.migrationsafety.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibrator measures on real PostgreSQL and leaves the scratch database as it found it. */
class CalibratorTest {

  private static EmbeddedPostgres postgres;

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

  @Test
  void measures_every_rate_and_drops_its_schema(@TempDir Path dir) throws SQLException, IOException {
    List<String> steps = new ArrayList<>();
    Rates rates;
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      rates = new Calibrator(c, steps::add).calibrate(20_000, "test machine");
      assertThat(schemaExists(c)).isFalse();
    }
    assertThat(steps).contains("b-tree index builds", "table rewrite", "foreign key validation");
    assertThat(rates.scanMsPerByte()).isPositive();
    assertThat(rates.rewriteMsPerByte()).isPositive();
    assertThat(rates.indexMsPerRow()).isPositive();
    assertThat(rates.concurrentIndexFactor()).isGreaterThanOrEqualTo(1);
    assertThat(rates.foreignKeyMsPerRow()).isPositive();
    assertThat(rates.updateMsPerRow()).isPositive();
    assertThat(rates.deleteMsPerRow()).isPositive();
    assertThat(rates.insertMsPerRow()).isPositive();
    // A row of (bigint, bigint, 23-character text, integer) with its primary key entry: 60 to 200 bytes.
    assertThat(rates.bytesPerRow()).isBetween(60.0, 200.0);
    assertThat(rates.measuredOn()).startsWith("PostgreSQL ").contains("test machine", "20000 rows");

    Path file = dir.resolve("rates.json");
    rates.save(file);
    assertThat(Rates.load(file)).isEqualTo(rates);
  }

  @Test
  void refuses_a_database_where_its_schema_exists() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + Calibrator.SCHEMA + "; CREATE TABLE " + Calibrator.SCHEMA + ".mine (id int)");
      try {
        assertThatThrownBy(() -> new Calibrator(c, s -> { }).calibrate(20_000, "x"))
            .isInstanceOf(SQLException.class).hasMessageContaining("exists already");
        assertThat(schemaExists(c)).isTrue();
      } finally {
        st.execute("DROP SCHEMA " + Calibrator.SCHEMA + " CASCADE");
      }
    }
  }

  @Test
  void a_file_that_is_not_a_rates_file_is_refused_by_name(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("policy.json");
    java.nio.file.Files.writeString(file, "{\"scanMsPerByte\": 1}");
    assertThatThrownBy(() -> Rates.load(file)).isInstanceOf(RatesException.class)
        .hasMessageStartingWith(file + ": not a rates file");
  }

  @Test
  void the_shipped_defaults_load() {
    assertThat(Rates.defaults().measuredOn()).startsWith("PostgreSQL ");
  }

  private static boolean schemaExists(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + Calibrator.SCHEMA + "'")) {
      return rs.next();
    }
  }
}
