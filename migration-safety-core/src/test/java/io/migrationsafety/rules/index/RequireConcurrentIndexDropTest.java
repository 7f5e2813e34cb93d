package io.migrationsafety.rules.index;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexDropTest {

  private final RuleTester tester = RuleTester.of(new RequireConcurrentIndexDrop()).schema("""
      CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);
      CREATE INDEX orders_created_at_idx ON orders (created_at);
      """);

  @Test
  void flags_drop_index_without_concurrently() {
    tester.check("""
        -- expect: DROP INDEX orders_created_at_idx blocks all reads and writes on public.orders
        DROP INDEX orders_created_at_idx;
        -- expect: on its table
        DROP INDEX IF EXISTS some_unknown_idx;
        """);
  }

  @Test
  void allows_concurrent_drops_and_indexes_of_small_tables() {
    tester.check("DROP INDEX CONCURRENTLY orders_created_at_idx;");
    tester.tableRows("public.orders", 5).check("DROP INDEX orders_created_at_idx;");
  }
}
