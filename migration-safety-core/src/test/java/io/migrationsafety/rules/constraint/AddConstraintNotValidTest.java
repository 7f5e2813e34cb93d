package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddConstraintNotValidTest {

  private final RuleTester tester = RuleTester.of(new AddConstraintNotValid()).schema("""
      CREATE TABLE customers (id bigint PRIMARY KEY);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total int);
      """);

  @Test
  void flags_foreign_keys_and_checks_validated_in_place() {
    tester.check("""
        -- expect: Adding FOREIGN KEY orders_customer_fk to public.orders checks every existing row while it blocks writes to public.orders and of public.customers
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
        -- expect: Adding CHECK to public.orders
        ALTER TABLE orders ADD CHECK (total >= 0);
        """);
  }

  @Test
  void allows_not_valid_other_kinds_and_new_tables() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT fk;
        CREATE TABLE refunds (id int, order_id bigint);
        ALTER TABLE refunds ADD FOREIGN KEY (order_id) REFERENCES orders (id);
        """);
  }

  @Test
  void suggests_not_valid_then_validate_with_the_generated_name() {
    String s = tester.findings("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);")
        .get(0).suggestion();

    assertThat(s).startsWith("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;")
        .endsWith("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
    tester.check(s);
  }
}
