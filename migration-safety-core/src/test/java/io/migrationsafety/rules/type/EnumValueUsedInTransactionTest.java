package io.migrationsafety.rules.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class EnumValueUsedInTransactionTest {

  private final RuleTester tester = RuleTester.of(new EnumValueUsedInTransaction())
      .schema("""
          CREATE TYPE order_status AS ENUM ('open', 'paid');
          CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'open');
          """);

  @Test
  void flags_a_use_of_the_new_label_in_the_migration_transaction() {
    tester.check("""
        ALTER TYPE order_status ADD VALUE 'refunded';
        -- expect: This statement uses 'refunded', added to order_status at line 1 in the same transaction
        UPDATE orders SET status = 'refunded' WHERE id = 7;
        -- expect: uses 'refunded'
        ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'refunded';
        UPDATE orders SET status = 'paid' WHERE id = 8;
        """);
  }

  @Test
  void flags_a_use_inside_an_explicit_transaction_block() {
    tester.transactional(false).check("""
        BEGIN;
        ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
        -- expect: uses 'refunded'
        INSERT INTO orders (id, status) VALUES (9, E'refunded');
        COMMIT;
        """);
  }

  @Test
  void allows_a_use_after_commit_or_outside_a_transaction() {
    tester.transactional(false).check("""
        ALTER TYPE order_status ADD VALUE 'refunded';
        UPDATE orders SET status = 'refunded' WHERE id = 7;
        BEGIN;
        ALTER TYPE order_status ADD VALUE 'void';
        COMMIT;
        UPDATE orders SET status = 'void' WHERE id = 8;
        """);
  }

  @Test
  void allows_label_operations_on_the_type_in_the_same_transaction() {
    tester.check("""
        ALTER TYPE order_status ADD VALUE 'refunded';
        ALTER TYPE order_status ADD VALUE 'chargeback' AFTER 'refunded';
        ALTER TYPE order_status RENAME VALUE 'refunded' TO 'returned';
        SELECT 1;
        """);
  }

  @Test
  void suggests_committing_between_the_two_statements() {
    String s = tester.transactional(false).findings("""
        BEGIN;
        ALTER TYPE order_status ADD VALUE 'refunded';
        UPDATE orders SET status = 'refunded' WHERE id = 7;
        COMMIT;
        """).get(0).suggestion();

    assertThat(s).isEqualTo("""
        ALTER TYPE order_status ADD VALUE 'refunded';
        COMMIT;
        BEGIN;
        UPDATE orders SET status = 'refunded' WHERE id = 7;""");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
  }
}
