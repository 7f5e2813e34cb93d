package io.migrationsafety.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidIndexTest {

  private final RuleTester tester = RuleTester.of(new InvalidIndex()).transactional(false).schema("""
      CREATE TABLE orders (id bigint, email text, status text);
      CREATE UNIQUE INDEX orders_email_key ON orders (email);
      CREATE INDEX orders_status_idx ON orders (status);
      -- invalid index: orders_email_key
      """);

  @Test
  void flags_if_not_exists_on_an_invalid_index_and_using_index_of_one() {
    tester.check("""
        -- expect: Index public.orders_email_key exists but is INVALID
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_email_key ON orders (email);
        -- expect: USING INDEX public.orders_email_key names an INVALID index
        ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE USING INDEX orders_email_key;
        """);
  }

  @Test
  void allows_valid_indexes_and_new_names() {
    tester.check("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_id_idx ON orders (id);
        DROP INDEX CONCURRENTLY IF EXISTS orders_email_key;
        """);
  }

  @Test
  void suggests_dropping_the_invalid_index_and_building_it_again() {
    assertThat(tester.findings("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_email_key ON orders (email);")
        .get(0).suggestion()).endsWith("DROP INDEX CONCURRENTLY IF EXISTS public.orders_email_key;\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY orders_email_key ON orders (email);");
  }
}
