package io.migrationsafety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TraceCommandTest {

  private static final String SHOP = Path.of("..", "examples", "shop").toString();
  private static final String SNAPSHOT = Path.of("..", "examples", "shop-schema.json").toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void trace_json_carries_per_statement_locks_rewrites_and_time() throws Exception {
    assertThat(run("trace", SHOP, "--snapshot", SNAPSHOT, "--format", "json")).as(err.toString()).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("postgresVersion").asInt()).isEqualTo(16);
    assertThat(json.get("traceTarget").asText()).isEqualTo("embedded PostgreSQL 16");
    JsonNode v12 = json.get("migrations").get(0);
    assertThat(v12.get("file").asText()).isEqualTo("V12__order_notes_and_status_index.sql");
    JsonNode index = v12.get("trace").get(1);
    assertThat(index.get("line").asInt()).isEqualTo(4);
    assertThat(index.get("sql").asText()).startsWith("CREATE INDEX orders_status_idx");
    assertThat(index.get("traced").asBoolean()).isTrue();
    assertThat(index.get("locks").get(0).get("relation").asText()).isEqualTo("public.orders");
    assertThat(index.get("locks").get(0).get("mode").asText()).isEqualTo("SHARE");
    assertThat(index.get("rewrites").isArray()).isTrue();
    assertThat(index.get("durationMs").isIntegralNumber()).isTrue();
    JsonNode retype = json.get("migrations").get(1).get("trace").get(2);
    assertThat(retype.get("rewrites").toString()).contains("public.orders");
    assertThat(json.get("migrations").get(1).get("findings")).isEmpty();
  }

  @Test
  void review_with_trace_shows_observed_next_to_predicted_and_still_blocks() {
    assertThat(run("review", "--trace", "--schema", SNAPSHOT, SHOP)).as(err.toString()).isEqualTo(1);

    assertThat(out.toString())
        .contains("line 4  observed ACCESS EXCLUSIVE public.orders (held since an earlier statement) · model SHARE public.orders")
        .contains("Traced on embedded PostgreSQL 16; every transaction rolled back.");
  }

  @Test
  void trace_options_without_trace_are_refused_rather_than_ignored() {
    assertThat(run("review", "--schema", SNAPSHOT, "--synthetic-rows", "1000", SHOP)).isEqualTo(2);
    assertThat(err.toString()).contains("--synthetic-rows only matters with --trace");
  }

  @Test
  void a_review_only_format_is_refused_before_anything_is_traced() {
    assertThat(run("trace", SHOP, "--snapshot", SNAPSHOT, "--format", "sarif")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: a trace is written as text, json or markdown")
        .doesNotContain("internal error");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_scratch_database_that_is_also_the_schema_source_is_refused() {
    String url = "postgres://user@localhost:1/db";
    assertThat(run("trace", SHOP, "--schema-from-url", url, "--scratch-url", url)).isEqualTo(2);
    assertThat(err.toString()).contains("--scratch-url names the database the schema is read from");
  }

  @Test
  void a_version_without_binaries_is_bad_input_and_snapshot_and_url_exclude_each_other() {
    assertThat(run("trace", SHOP, "--pg-version", "12")).isEqualTo(2);
    assertThat(err.toString()).contains("cannot start an embedded PostgreSQL 12");
    assertThat(run("trace", SHOP, "--snapshot", SNAPSHOT, "--schema-from-url", "postgres://u@h/db")).isEqualTo(2);
  }
}
