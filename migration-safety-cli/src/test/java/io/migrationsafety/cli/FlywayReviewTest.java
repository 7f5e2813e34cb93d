package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line reviews a Flyway project end to end, with the flyway format the jar ships. */
class FlywayReviewTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path project() throws IOException {
    Files.writeString(dir.resolve("flyway.conf"), "flyway.locations=filesystem:sql\nflyway.placeholders.table=orders\n");
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__orders.sql"), "CREATE TABLE ${table} (id bigint PRIMARY KEY, status text);\n");
    Files.writeString(sql.resolve("V2__status_index.sql"), "CREATE INDEX orders_status ON ${table} (status);\n");
    Files.writeString(sql.resolve("V3__concurrent.sql"), "CREATE INDEX CONCURRENTLY orders_id ON ${table} (id);\n");
    Files.writeString(sql.resolve("R__orders_view.sql"), "CREATE OR REPLACE VIEW ${table}_v AS SELECT id FROM ${table};\n");
    return dir;
  }

  @Test
  void reviews_a_flyway_project_with_its_configuration() throws IOException {
    int code = run("review", project().toString(), "--format", "json");

    assertThat(err.toString()).isEmpty();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("format").asText()).isEqualTo("flyway");
    assertThat(report.get("migrations")).extracting(m -> m.get("id").asText())
        .containsExactly("1", "2", "3", "R__orders_view");
    // The table is new in this batch, so the plain index is fine; CONCURRENTLY runs outside a transaction,
    // as Flyway runs it, so nothing blocks.
    assertThat(report.get("verdict").asText()).isNotEqualTo("BLOCKED");
    assertThat(code).isZero();
  }

  @Test
  void reviews_the_flyway_example_project() throws IOException {
    int code = run("review", Path.of("..", "examples", "flyway-shop").toString(), "--format", "json");

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("format").asText()).isEqualTo("flyway");
    assertThat(report.get("migrations")).extracting(m -> m.get("file").asText())
        .containsExactly("V1__customers_and_orders.sql", "V2__orders_status_index.sql", "V3__orders_note.sql",
            "R__order_summary.sql");
    assertThat(report.get("verdict").asText()).isEqualTo("SAFE");
    assertThat(code).isZero();
  }

  @Test
  void the_format_can_be_named_and_an_undefined_placeholder_is_bad_input() throws IOException {
    Path sql = Files.createDirectories(dir.resolve("bare"));
    Files.writeString(sql.resolve("V1__x.sql"), "CREATE TABLE ${nope} (id int);\n");
    assertThat(run("review", sql.toString(), "--migration-format", "flyway")).isEqualTo(2);
    assertThat(err.toString()).contains("V1__x.sql:1").contains("${nope}");
  }
}
