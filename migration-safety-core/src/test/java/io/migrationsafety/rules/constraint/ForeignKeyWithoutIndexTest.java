package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ForeignKeyWithoutIndexTest {

  private final RuleTester tester = RuleTester.of(new ForeignKeyWithoutIndex()).schema("""
      CREATE TABLE customers (id bigint PRIMARY KEY);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, seller_id bigint);
      CREATE INDEX orders_seller_idx ON orders (seller_id, id);
      """);

  @Test
  void flags_foreign_keys_whose_columns_no_index_leads_with() {
    tester.check("""
        -- expect: No index on public.orders (customer_id) for its foreign key to public.customers
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        -- expect: No index on public.invoices (customer_id)
        CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
        """);
  }

  @Test
  void allows_keys_with_a_leading_index_now_or_later_in_the_migration() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_seller_fk FOREIGN KEY (seller_id) REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders ADD CONSTRAINT orders_self_fk FOREIGN KEY (id) REFERENCES customers (id) NOT VALID;
        CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
        CREATE INDEX invoices_customer_idx ON invoices (customer_id);
        """);
  }

  @Test
  void suggests_a_concurrent_index_on_an_existing_table() {
    assertThat(tester.findings("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;")
        .get(0).suggestion()).endsWith("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);");
  }
}
