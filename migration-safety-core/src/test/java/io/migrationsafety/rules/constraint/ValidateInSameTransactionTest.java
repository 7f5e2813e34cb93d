package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ValidateInSameTransactionTest {

  private final RuleTester tester = RuleTester.of(new ValidateInSameTransaction()).schema("""
      CREATE TABLE customers (id bigint PRIMARY KEY);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total int);
      """);

  @Test
  void flags_validate_in_the_migration_transaction_of_the_not_valid_add() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        -- expect: SHARE ROW EXCLUSIVE on public.orders is still held
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        -- expect: ACCESS EXCLUSIVE on public.orders is still held
        ALTER TABLE orders VALIDATE CONSTRAINT Total_Positive;
        """);
  }

  @Test
  void flags_validate_inside_an_explicit_transaction_block() {
    tester.transactional(false).check("""
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        -- expect: VALIDATE CONSTRAINT total_positive runs in the transaction that added it NOT VALID
        ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
        COMMIT;
        """);
  }

  @Test
  void allows_validate_after_a_commit_or_without_a_transaction() {
    tester.transactional(false).check("""
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
        BEGIN;
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        COMMIT;
        BEGIN;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
        COMMIT;
        """);
  }

  @Test
  void allows_validate_of_a_constraint_added_elsewhere_and_on_new_tables() {
    tester.check("""
        ALTER TABLE orders VALIDATE CONSTRAINT older_check;
        ALTER TABLE customers ADD CONSTRAINT c CHECK (id > 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        CREATE TABLE refunds (id int, amount int);
        ALTER TABLE refunds ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID;
        ALTER TABLE refunds VALIDATE CONSTRAINT amount_positive;
        """);
  }

  @Test
  void suggests_a_separate_transaction() {
    Finding f = tester.findings("""
        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
        """).get(0);

    assertThat(f.suggestion()).contains("separate migration or transaction")
        .endsWith("ALTER TABLE orders VALIDATE CONSTRAINT total_positive;");
  }
}
