package io.migrationsafety.rules.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class UnboundedDataChangeTest {

  private final RuleTester tester = RuleTester.of(new UnboundedDataChange())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, currency char(3));");

  @Test
  void flags_update_and_delete_of_every_row() {
    tester.check("""
        -- expect: UPDATE without a limiting WHERE changes every row of public.orders
        UPDATE orders SET currency = 'EUR';
        -- expect: DELETE without a limiting WHERE
        DELETE FROM orders WHERE true;
        """);
  }

  @Test
  void allows_bounded_changes_and_new_or_small_tables() {
    tester.check("""
        UPDATE orders SET currency = 'EUR' WHERE id BETWEEN 1 AND 10000;
        DELETE FROM orders WHERE id = 42;
        INSERT INTO orders (id, currency) VALUES (1, 'EUR');
        CREATE TABLE refunds (id bigint);
        DELETE FROM refunds;
        """);
    tester.tableRows("public.orders", 20).check("UPDATE orders SET currency = 'EUR';");
  }

  @Test
  void suggests_batches_that_parse() {
    String update = tester.findings("UPDATE orders SET currency = 'EUR';").get(0).suggestion();
    String delete = tester.findings("DELETE FROM orders;").get(0).suggestion();

    assertThat(update).contains("UPDATE orders SET currency = 'EUR' WHERE ctid = ANY (ARRAY(SELECT ctid FROM orders "
        + "WHERE currency IS DISTINCT FROM ('EUR') LIMIT 10000));");
    assertThat(delete).contains("DELETE FROM orders WHERE ctid = ANY (ARRAY(SELECT ctid FROM orders LIMIT 10000));");
    assertThat(SqlParser.parse(update + "\n" + delete, "s.sql").unrecognizedCount()).isZero();
  }
}
