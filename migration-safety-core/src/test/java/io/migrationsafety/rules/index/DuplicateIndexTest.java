package io.migrationsafety.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

  private final RuleTester tester = RuleTester.of(new DuplicateIndex())
      .schema("""
          CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz, status text);
          CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);
          CREATE INDEX orders_status_idx ON orders USING hash (status);
          """);

  @Test
  void flags_an_index_with_the_same_keys_or_a_leading_prefix() {
    tester.check("""
        -- expect: This index duplicates public.orders_customer_created_idx (customer_id, created_at) on public.orders, which has the same keys
        CREATE INDEX CONCURRENTLY orders_by_customer_and_date ON orders (customer_id, created_at);
        -- expect: whose keys start with the same columns
        CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
        -- expect: duplicates public.orders_pkey
        CREATE UNIQUE INDEX CONCURRENTLY orders_id_key ON orders (id);
        -- expect: duplicates public.orders_status_idx
        CREATE INDEX CONCURRENTLY orders_status_hash ON orders USING hash (status);
        """);
  }

  @Test
  void flags_a_duplicate_of_an_index_created_earlier_in_the_migrations() {
    RuleTester.of(new DuplicateIndex()).check("""
        CREATE TABLE refunds (id bigint, order_id bigint);
        CREATE INDEX refunds_order_idx ON refunds (order_id);
        -- expect: duplicates public.refunds_order_idx
        CREATE INDEX refunds_order_id_idx ON refunds (order_id);
        """);
  }

  @Test
  void allows_indexes_that_are_not_covered() {
    tester.check("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_created_idx ON orders (customer_id, created_at);
        CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
        CREATE INDEX CONCURRENTLY orders_customer_desc_idx ON orders (customer_id DESC);
        CREATE INDEX CONCURRENTLY orders_customer_open_idx ON orders (customer_id) WHERE status = 'open';
        CREATE INDEX CONCURRENTLY orders_lower_status_idx ON orders (lower(status));
        CREATE INDEX CONCURRENTLY orders_customer_incl_idx ON orders (customer_id) INCLUDE (status);
        CREATE INDEX CONCURRENTLY orders_customer_status_idx ON orders (customer_id, created_at, status);
        CREATE UNIQUE INDEX CONCURRENTLY orders_customer_key ON orders (customer_id, created_at);
        CREATE INDEX CONCURRENTLY orders_status_btree ON orders (status);
        """);
  }

  @Test
  void a_unique_index_on_a_prefix_enforces_more_and_is_not_redundant() {
    RuleTester.of(new DuplicateIndex()).schema("CREATE TABLE t (a int, b int, UNIQUE (a, b));")
        .check("CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON t (a);");
  }

  @Test
  void suggests_leaving_the_statement_out_and_names_the_existing_index() {
    String s = tester.findings("CREATE INDEX CONCURRENTLY i ON orders (customer_id);").get(0).suggestion();

    assertThat(s).isEqualTo("-- public.orders_customer_created_idx (customer_id, created_at) already serves these "
        + "searches: leave this statement out");
  }
}
