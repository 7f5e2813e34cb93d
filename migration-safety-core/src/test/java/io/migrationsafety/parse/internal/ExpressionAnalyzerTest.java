package io.migrationsafety.parse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.operation.Volatility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionAnalyzerTest {

  private static SqlExpression analyze(String sql) {
    return ExpressionAnalyzer.analyze(sql);
  }

  @Test
  void classifies_now_as_stable() {
    SqlExpression e = analyze("now()");
    assertThat(e.volatility()).isEqualTo(Volatility.STABLE);
    assertThat(e.functions()).containsExactly("now");
    assertThat(e.sql()).isEqualTo("now()");
  }

  @Test
  void classifies_clock_timestamp_as_volatile() {
    assertThat(analyze("clock_timestamp()").volatility()).isEqualTo(Volatility.VOLATILE);
  }

  @Test
  void classifies_random_as_volatile() {
    assertThat(analyze("random()").volatility()).isEqualTo(Volatility.VOLATILE);
  }

  @Test
  void classifies_gen_random_uuid_as_volatile() {
    assertThat(analyze("gen_random_uuid()").volatility()).isEqualTo(Volatility.VOLATILE);
  }

  @Test
  void classifies_nextval_as_volatile() {
    SqlExpression e = analyze("nextval('orders_id_seq'::regclass)");
    assertThat(e.volatility()).isEqualTo(Volatility.VOLATILE);
    assertThat(e.functions()).containsExactly("nextval");
  }

  @Test
  void classifies_uuid_generate_v4_of_uuid_ossp_as_volatile() {
    assertThat(analyze("uuid_generate_v4()").volatility()).isEqualTo(Volatility.VOLATILE);
  }

  @Test
  void classifies_a_cast_jsonb_literal_as_immutable() {
    SqlExpression e = analyze("'{}'::jsonb");
    assertThat(e.volatility()).isEqualTo(Volatility.IMMUTABLE);
    assertThat(e.functions()).isEmpty();
  }

  @Test
  void classifies_a_number_as_immutable() {
    assertThat(analyze("0").volatility()).isEqualTo(Volatility.IMMUTABLE);
  }

  @Test
  void classifies_a_string_literal_as_immutable() {
    assertThat(analyze("'pending'").volatility()).isEqualTo(Volatility.IMMUTABLE);
  }

  @Test
  void classifies_now_plus_an_interval_as_stable() {
    SqlExpression e = analyze("now() + interval '1 day'");
    assertThat(e.volatility()).isEqualTo(Volatility.STABLE);
    assertThat(e.functions()).containsExactly("now");
  }

  @Test
  void classifies_a_user_function_as_unknown() {
    SqlExpression e = analyze("compute_score(id, 'x')");
    assertThat(e.volatility()).isEqualTo(Volatility.UNKNOWN);
    assertThat(e.functions()).containsExactly("compute_score");
  }

  @Test
  void classifies_a_function_of_a_user_schema_as_unknown_even_with_a_builtin_name() {
    SqlExpression e = analyze("app.lower(name)");
    assertThat(e.volatility()).isEqualTo(Volatility.UNKNOWN);
    assertThat(e.functions()).containsExactly("app.lower");
  }

  @Test
  void knows_pg_catalog_qualified_builtins() {
    SqlExpression e = analyze("pg_catalog.now()");
    assertThat(e.volatility()).isEqualTo(Volatility.STABLE);
    assertThat(e.functions()).containsExactly("pg_catalog.now");
  }

  @Test
  void keeps_quoted_mixed_case_function_names_as_written() {
    SqlExpression e = analyze("\"Billing\".\"NextInvoiceNo\"()");
    assertThat(e.functions()).containsExactly("Billing.NextInvoiceNo");
    assertThat(e.volatility()).isEqualTo(Volatility.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURRENT_TIMESTAMP", "current_date", "LOCALTIMESTAMP", "CURRENT_USER",
      "session_user", "current_timestamp(0)", "CURRENT_TIME"})
  void classifies_sql_standard_keyword_functions_as_stable(String sql) {
    SqlExpression e = analyze(sql);
    assertThat(e.volatility()).isEqualTo(Volatility.STABLE);
    assertThat(e.functions()).hasSize(1);
  }

  @Test
  void names_keyword_functions_in_lower_case() {
    assertThat(analyze("CURRENT_TIMESTAMP").functions()).containsExactly("current_timestamp");
    assertThat(analyze("LOCALTIMESTAMP").functions()).containsExactly("localtimestamp");
  }

  @Test
  void does_not_take_a_quoted_or_qualified_user_column_for_current_user() {
    assertThat(analyze("\"user\" = 'x'").functions()).isEmpty();
    assertThat(analyze("t.user = 'x'").functions()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CAST('x' AS text)", "'x'::character varying(20)", "'2024-01-01'::timestamp with time zone",
      "interval '1 day'", "ARRAY[1, 2, 3]", "ARRAY[]::text[]", "COALESCE(a, b, 0)",
      "CASE WHEN a > 1 THEN 'x' ELSE 'y' END", "NULL", "true", "-1", "a + b * 2",
      "data @> '{\"a\": 1}'", "data ?| array['a', 'b']", "NULLIF(a, '')", "GREATEST(a, b)",
      "x IS NOT NULL AND y IN (1, 2)", "lower(email)", "upper(btrim(name))", "md5(a || b)",
      "E'it\\'s'", "$$dollar$$", "'a' COLLATE \"C\"", "ARRAY['a', 'b']::varchar(10)[]"})
  void classifies_casts_operators_literals_and_immutable_builtins_as_immutable(String sql) {
    assertThat(analyze(sql).volatility()).as(sql).isEqualTo(Volatility.IMMUTABLE);
  }

  @Test
  void finds_calls_inside_case_coalesce_and_casts() {
    SqlExpression e = analyze("COALESCE(CASE WHEN a THEN f1() END, CAST(f2() AS int), f3()::text)");
    assertThat(e.functions()).containsExactly("f1", "f2", "f3");
  }

  @Test
  void does_not_take_any_or_array_for_calls() {
    SqlExpression e = analyze("id = ANY(ARRAY[1, 2])");
    assertThat(e.functions()).isEmpty();
    assertThat(e.volatility()).isEqualTo(Volatility.IMMUTABLE);
  }

  @Test
  void counts_window_and_aggregate_calls() {
    assertThat(analyze("count(*) FILTER (WHERE x > 1)").functions()).containsExactly("count");
    assertThat(analyze("row_number() OVER (PARTITION BY a ORDER BY b)").functions()).containsExactly("row_number");
  }

  @Test
  void reads_what_jsqlparser_rejects_from_tokens() {
    // COLLATE and OPERATOR(…) are valid PostgreSQL that JSqlParser 5.3 does not parse.
    SqlExpression collate = analyze("lower(name) COLLATE \"C\" || gen_random_uuid()::text");
    assertThat(collate.functions()).containsExactly("lower", "gen_random_uuid");
    assertThat(collate.volatility()).isEqualTo(Volatility.VOLATILE);
    SqlExpression operator = analyze("a OPERATOR(pg_catalog.+) now()");
    assertThat(operator.functions()).containsExactly("now");
    assertThat(operator.volatility()).isEqualTo(Volatility.STABLE);
  }

  @Test
  void classifies_a_subquery_as_at_least_stable() {
    assertThat(analyze("(SELECT max(id) FROM orders)").volatility()).isEqualTo(Volatility.STABLE);
  }

  @Test
  void classifies_extract_as_stable_because_of_its_timestamptz_overload() {
    SqlExpression e = analyze("EXTRACT(epoch FROM created_at)");
    assertThat(e.functions()).containsExactly("extract");
    assertThat(e.volatility()).isEqualTo(Volatility.STABLE);
  }

  @Test
  void tells_overloads_apart_by_their_number_of_arguments() {
    // to_tsvector(regconfig, text) is immutable (an index expression); to_tsvector(text) depends
    // on default_text_search_config, so it is stable.
    assertThat(analyze("to_tsvector('english', body)").volatility()).isEqualTo(Volatility.IMMUTABLE);
    assertThat(analyze("to_tsvector(body)").volatility()).isEqualTo(Volatility.STABLE);
    assertThat(analyze("to_timestamp(0)").volatility()).isEqualTo(Volatility.IMMUTABLE);
    assertThat(analyze("to_timestamp(s, 'YYYY')").volatility()).isEqualTo(Volatility.STABLE);
    assertThat(analyze("length(name)").volatility()).isEqualTo(Volatility.IMMUTABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "'unterminated", "/* open comment", "$$ open dollar"})
  void classifies_what_is_not_an_expression_as_unknown(String sql) {
    SqlExpression e = analyze(sql);
    assertThat(e.volatility()).isEqualTo(Volatility.UNKNOWN);
    assertThat(e.sql()).isEqualTo(sql);
  }

  @Test
  @Timeout(20)
  void does_not_hang_on_input_that_makes_jsqlparser_backtrack_exponentially() {
    // Unbalanced and deeply nested input: JSqlParser alone takes minutes on these.
    String unbalanced = "f(" + "(".repeat(30) + "1";
    String nestedError = "(".repeat(9) + "a COLLATE \"C\"" + ")".repeat(9);
    String nestedSelects = "(SELECT ".repeat(30) + "now()" + ")".repeat(30);
    String deep = "(".repeat(5_000) + "random()" + ")".repeat(5_000);
    for (String sql : List.of(unbalanced, nestedError, nestedSelects, deep)) {
      long start = System.nanoTime();
      SqlExpression e = analyze(sql);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(sql).isLessThan(Duration.ofSeconds(5));
      assertThat(e.sql()).isEqualTo(sql);
    }
    assertThat(analyze(nestedSelects).functions()).containsExactly("now");
    assertThat(analyze(deep).volatility()).isEqualTo(Volatility.VOLATILE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "now()", "clock_timestamp()", "nextval('s')", "'{}'::jsonb", "now() + interval '1 day'",
      "COALESCE(CASE WHEN a THEN f1() END, CAST(f2() AS int), f3()::text)", "CURRENT_TIMESTAMP",
      "lower(email)", "pg_catalog.set_config('a', 'b', false)", "id = ANY(ARRAY[1, 2])",
      "count(*) FILTER (WHERE x > 1)", "EXTRACT(epoch FROM now())", "\"Sch\".\"Fn\"(1)",
      "x::timestamp with time zone", "to_char(created_at, 'YYYY')", "ARRAY(SELECT id FROM t)",
      "to_tsvector('english', coalesce(title, '') || ' ' || body)", "to_tsvector(body)", "length(f(a, b))"})
  void token_fallback_agrees_with_jsqlparser(String sql) {
    SqlExpression tree = ExpressionAnalyzer.analyze(sql);
    SqlExpression tokens = ExpressionAnalyzer.analyzeTokens(sql);
    assertThat(tokens.functions()).as(sql).isEqualTo(tree.functions());
    assertThat(tokens.volatility()).as(sql).isEqualTo(tree.volatility());
  }
}
