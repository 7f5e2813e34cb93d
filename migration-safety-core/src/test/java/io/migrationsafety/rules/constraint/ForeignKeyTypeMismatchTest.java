package io.migrationsafety.rules.constraint;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ForeignKeyTypeMismatchTest {

  private final RuleTester tester = RuleTester.of(new ForeignKeyTypeMismatch()).schema("""
      CREATE TABLE customers (id bigint PRIMARY KEY, code varchar(10) UNIQUE);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer, customer_code varchar(10));
      """);

  @Test
  void flags_a_key_column_narrower_or_otherwise_typed_than_its_target() {
    tester.check("""
        -- expect: Foreign key column customer_id of public.orders is integer, but public.customers.id is bigint
        ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;
        -- expect: column customer_id of public.invoices is integer
        CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id int REFERENCES customers (id));
        """);
  }

  @Test
  void allows_matching_types_including_serial_for_its_integer() {
    tester.check("""
        ALTER TABLE orders ADD FOREIGN KEY (customer_code) REFERENCES customers (code) NOT VALID;
        CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
        CREATE TABLE items (id serial PRIMARY KEY);
        CREATE TABLE item_tags (item_id integer REFERENCES items (id));
        """);
  }
}
