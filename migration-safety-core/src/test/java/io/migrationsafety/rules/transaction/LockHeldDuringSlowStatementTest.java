package io.migrationsafety.rules.transaction;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class LockHeldDuringSlowStatementTest {

  private final RuleTester tester = RuleTester.of(new LockHeldDuringSlowStatement()).schema("""
      CREATE TABLE orders (id bigint PRIMARY KEY, total int);
      ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0) NOT VALID;
      CREATE TABLE customers (id bigint PRIMARY KEY, name text);
      """);

  @Test
  void flags_a_scan_that_extends_an_earlier_strong_lock() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        -- expect: This statement scans public.orders while the transaction still holds ACCESS EXCLUSIVE on public.orders
        ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;
        """);
    tester.check("""
        ALTER TABLE customers ADD COLUMN vip boolean;
        -- expect: holds ACCESS EXCLUSIVE on public.customers
        ANALYZE orders;
        """);
  }

  @Test
  void allows_scans_without_earlier_locks_after_a_commit_or_under_the_same_lock() {
    tester.check("ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;");
    tester.transactional(false).check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;
        """);
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        CREATE TABLE refunds (id bigint);
        ANALYZE refunds;
        """);
  }
}
