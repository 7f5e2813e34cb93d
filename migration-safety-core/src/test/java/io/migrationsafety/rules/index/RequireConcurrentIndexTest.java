package io.migrationsafety.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexTest {

  private final RuleTester tester = RuleTester.of(new RequireConcurrentIndex())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);");

  @Test
  void flags_index_on_existing_table() {
    tester.check("""
        -- expect: CREATE INDEX on public.orders blocks every INSERT, UPDATE and DELETE
        CREATE INDEX orders_created_at_idx ON orders (created_at);
        -- expect: blocks every INSERT
        CREATE UNIQUE INDEX IF NOT EXISTS orders_id_idx ON public.orders USING btree (id);
        """);
  }

  @Test
  void flags_index_on_a_table_of_unknown_size() {
    RuleTester.of(new RequireConcurrentIndex()).check("""
        -- expect: on public.customers
        CREATE INDEX customers_email_idx ON customers (email);
        """);
  }

  @Test
  void allows_concurrent_index_and_index_on_new_table() {
    tester.check("""
        CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
        CREATE TABLE refunds (id bigint, order_id bigint);
        CREATE INDEX refunds_order_id_idx ON refunds (order_id);
        """);
  }

  @Test
  void allows_index_on_a_table_the_policy_declares_small() {
    tester.tableRows("public.orders", 50).check("CREATE INDEX orders_created_at_idx ON orders (created_at);");
  }

  @Test
  void suggests_the_same_statement_with_concurrently_and_names_the_lock() {
    List<Finding> findings = tester.findings("CREATE UNIQUE INDEX IF NOT EXISTS i ON orders (id) WHERE id > 0;");

    Finding finding = findings.get(0);
    assertThat(finding.suggestion()).endsWith("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON orders (id) WHERE id > 0;");
    assertThat(finding.locks()).singleElement()
        .satisfies(lock -> {
          assertThat(lock.relation()).isEqualTo("public.orders");
          assertThat(lock.mode()).isEqualTo("SHARE");
          assertThat(lock.rewrite()).isFalse();
        });
    String sql = finding.suggestion().lines().filter(l -> !l.startsWith("--")).findFirst().orElseThrow();
    assertThat(SqlParser.parse(sql, "suggestion.sql").unrecognizedCount()).isZero();
  }

  @Test
  void on_a_partitioned_table_suggests_the_per_partition_sequence_and_allows_on_only() {
    RuleTester partitioned = RuleTester.of(new RequireConcurrentIndex()).schema("""
        CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """);
    partitioned.check("""
        -- expect: CREATE INDEX on the partitioned table public.events blocks every INSERT
        CREATE INDEX events_day_idx ON events (day);
        CREATE INDEX events_id_idx ON ONLY events (id);
        """);
    assertThat(partitioned.findings("CREATE INDEX events_day_idx ON events (day);")
        .get(0).suggestion()).contains("CREATE INDEX events_day_idx ON ONLY events (day);")
        .contains("CREATE INDEX CONCURRENTLY events_2024_events_day_idx ON public.events_2024 (day);");
  }
}
