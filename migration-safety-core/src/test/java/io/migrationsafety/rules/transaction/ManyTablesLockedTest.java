package io.migrationsafety.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ManyTablesLockedTest {

  private final RuleTester tester = RuleTester.of(new ManyTablesLocked()).schema("""
      CREATE TABLE customers (id bigint PRIMARY KEY);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
      CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint);
      CREATE TABLE payments (id bigint PRIMARY KEY);
      """);

  @Test
  void flags_the_statement_that_locks_a_third_existing_table_once() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ADD COLUMN other text;
        ALTER TABLE invoices ADD COLUMN note text;
        -- expect: strong locks on 3 existing tables, in this order: public.orders (ACCESS EXCLUSIVE), public.invoices (ACCESS EXCLUSIVE), public.payments (ACCESS EXCLUSIVE)
        ALTER TABLE payments ADD COLUMN note text;
        ALTER TABLE customers ADD COLUMN note text;
        """);
  }

  @Test
  void counts_both_tables_of_a_foreign_key() {
    tester.check("""
        ALTER TABLE payments ADD COLUMN note text;
        -- expect: public.payments (ACCESS EXCLUSIVE), public.invoices (SHARE ROW EXCLUSIVE), public.orders (SHARE ROW EXCLUSIVE)
        ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
        """);
  }

  @Test
  void allows_two_tables_weak_locks_new_tables_and_separate_transactions() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE invoices ADD COLUMN note text;
        CREATE INDEX payments_id_idx ON payments (id);
        UPDATE customers SET id = id WHERE id = 1;
        CREATE TABLE refunds (id int);
        ALTER TABLE refunds ADD COLUMN note text;
        """);
    tester.transactional(false).check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE invoices ADD COLUMN note text;
        ALTER TABLE payments ADD COLUMN note text;
        BEGIN;
        ALTER TABLE customers ADD COLUMN note text;
        COMMIT;
        """);
  }

  @Test
  void counts_a_partitioned_table_and_its_partitions_as_one() {
    RuleTester.of(new ManyTablesLocked()).schema("""
        CREATE TABLE events (id bigint, day date) PARTITION BY RANGE (day);
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        """).check("ALTER TABLE events ADD COLUMN note text;");
  }

  @Test
  void suggests_one_table_per_transaction() {
    assertThat(tester.findings("""
        ALTER TABLE orders ADD COLUMN a int;
        ALTER TABLE invoices ADD COLUMN a int;
        ALTER TABLE payments ADD COLUMN a int;
        """)).singleElement().satisfies(f -> assertThat(f.suggestion()).contains("one table per migration"));
  }
}
