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
  void flags_insert_select_of_a_whole_large_table() {
    tester.schema("""
        CREATE TABLE orders (id bigint PRIMARY KEY, currency char(3));
        CREATE TABLE archive (id bigint, currency char(3));
        """).check("""
        -- expect: INSERT … SELECT copies every row of public.orders into public.archive
        INSERT INTO archive (id, currency) SELECT id, currency FROM orders;
        INSERT INTO archive (id, currency) SELECT id, currency FROM orders WHERE id < 1000;
        INSERT INTO archive (id, currency) SELECT id, currency FROM orders ORDER BY id LIMIT 1000;
        INSERT INTO archive (id, currency) VALUES (1, 'EUR');
        """);
  }

  @Test
  void suggests_key_range_loops_with_the_real_key_and_ctid_batches_without_one() {
    String update = tester.findings("UPDATE orders SET currency = 'EUR';").get(0).suggestion();
    String insert = tester.schema("""
        CREATE TABLE orders (id bigint PRIMARY KEY, currency char(3));
        CREATE TABLE archive (id bigint, currency char(3));
        """).findings("INSERT INTO archive (id, currency) SELECT id, currency FROM orders;").get(0).suggestion();
    RuleTester keyless = RuleTester.of(new UnboundedDataChange()).schema("CREATE TABLE logs (line text);");
    String delete = keyless.findings("DELETE FROM logs;").get(0).suggestion();
    String setConstant = keyless.findings("UPDATE logs SET line = 'x';").get(0).suggestion();

    assertThat(update).contains("UPDATE orders SET currency = 'EUR' WHERE id >= batch_start AND id < batch_start + 10000;")
        .contains("(SELECT min(id) FROM orders)").contains("COMMIT;");
    assertThat(insert).contains("INSERT INTO archive (id, currency) SELECT id, currency FROM orders WHERE id >= "
        + "batch_start AND id < batch_start + 10000;");
    assertThat(delete).contains("DELETE FROM logs WHERE ctid = ANY (ARRAY(SELECT ctid FROM logs LIMIT 10000));")
        .contains("EXIT WHEN NOT FOUND;");
    assertThat(setConstant).contains("UPDATE logs SET line = 'x' WHERE ctid = ANY (ARRAY(SELECT ctid FROM logs "
        + "WHERE line IS DISTINCT FROM ('x') LIMIT 10000));");
    assertThat(SqlParser.parse(String.join("\n", update, insert, delete, setConstant), "s.sql").unrecognizedCount())
        .isZero();
  }
}
