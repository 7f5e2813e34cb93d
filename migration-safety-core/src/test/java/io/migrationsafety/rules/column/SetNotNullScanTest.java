package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class SetNotNullScanTest {

  private final RuleTester tester = RuleTester.of(new SetNotNullScan())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, currency char(3), note text);");

  @Test
  void flags_set_not_null_without_a_validated_check() {
    tester.check("""
        -- expect: SET NOT NULL on currency of public.orders scans the whole table
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        ALTER TABLE orders ADD CONSTRAINT note_nn CHECK (note IS NOT NULL) NOT VALID;
        -- expect: scans the whole table
        ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
        """);
  }

  @Test
  void allows_it_after_the_check_is_validated_even_in_an_earlier_statement() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT currency_nn CHECK (currency IS NOT NULL) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT currency_nn;
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        CREATE TABLE t (a int);
        ALTER TABLE t ALTER COLUMN a SET NOT NULL;
        """);
  }

  @Test
  void suggests_the_three_steps_with_the_real_names() {
    String s = tester.findings("ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;").get(0).suggestion();

    assertThat(s).contains("ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;")
        .contains("VALIDATE CONSTRAINT orders_currency_not_null;").contains("ALTER COLUMN currency SET NOT NULL;");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
    tester.check(s);
  }
}
