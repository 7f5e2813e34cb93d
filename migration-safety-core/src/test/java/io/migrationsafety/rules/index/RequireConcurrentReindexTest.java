package io.migrationsafety.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentReindexTest {

  private final RuleTester tester = RuleTester.of(new RequireConcurrentReindex())
      .schema("""
          CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);
          CREATE INDEX orders_created_at_idx ON orders (created_at);
          """);

  @Test
  void flags_reindex_of_an_index_a_table_a_schema_and_the_database() {
    tester.check("""
        -- expect: REINDEX of public.orders_created_at_idx on public.orders blocks writes
        REINDEX INDEX orders_created_at_idx;
        -- expect: REINDEX of the indexes of public.orders blocks writes
        REINDEX (VERBOSE) TABLE orders;
        -- expect: REINDEX of schema public
        REINDEX SCHEMA public;
        -- expect: blocks writes
        REINDEX DATABASE app;
        """);
  }

  @Test
  void flags_reindex_of_an_unknown_index() {
    RuleTester.of(new RequireConcurrentReindex()).check("""
        -- expect: REINDEX of public.customers_email_idx blocks writes
        REINDEX INDEX customers_email_idx;
        """);
  }

  @Test
  void allows_concurrent_reindex_and_reindex_of_new_or_small_tables() {
    tester.tableRows("public.orders", 50).check("""
        REINDEX INDEX CONCURRENTLY orders_created_at_idx;
        REINDEX TABLE CONCURRENTLY orders;
        REINDEX TABLE orders;
        CREATE TABLE refunds (id bigint PRIMARY KEY);
        REINDEX TABLE refunds;
        REINDEX INDEX refunds_pkey;
        """);
  }

  @Test
  void suggests_the_concurrent_form_of_the_same_statement_and_names_the_locks() {
    Finding finding = tester.findings("REINDEX (VERBOSE) INDEX orders_created_at_idx;").get(0);

    assertThat(finding.suggestion()).endsWith("REINDEX (VERBOSE) INDEX CONCURRENTLY orders_created_at_idx;");
    assertThat(finding.locks()).extracting(l -> l.relation() + " " + l.mode())
        .containsExactly("public.orders SHARE", "public.orders_created_at_idx ACCESS EXCLUSIVE");
    String sql = finding.suggestion().lines().filter(l -> !l.startsWith("--")).findFirst().orElseThrow();
    assertThat(SqlParser.parse(sql, "suggestion.sql").unrecognizedCount()).isZero();
    tester.check(sql);
  }

  @Test
  void gives_no_concurrent_suggestion_for_reindex_system() {
    assertThat(tester.findings("REINDEX SYSTEM app;").get(0).suggestion())
        .startsWith("-- REINDEX SYSTEM has no CONCURRENTLY form").doesNotContain("CONCURRENTLY app");
  }
}
