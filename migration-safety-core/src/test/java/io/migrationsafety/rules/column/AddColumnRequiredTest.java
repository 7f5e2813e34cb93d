package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddColumnRequiredTest {

  private final RuleTester tester = RuleTester.of(new AddColumnRequired())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY);");

  @Test
  void flags_not_null_column_without_default_on_existing_table() {
    tester.check("""
        -- expect: Adding NOT NULL column currency without a default to public.orders fails if the table has any row
        ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
        """);
  }

  @Test
  void flags_it_even_on_a_small_table_because_any_row_makes_it_fail() {
    tester.tableRows("public.orders", 3).check("""
        -- expect: fails if the table has any row
        ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
        """);
  }

  @Test
  void allows_columns_that_fill_themselves_or_may_be_null() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;
        ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
        """);
  }

  @Test
  void allows_new_and_empty_tables() {
    tester.tableRows("public.orders", 0).check("""
        ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
        CREATE TABLE refunds (id bigint);
        ALTER TABLE refunds ADD COLUMN amount bigint NOT NULL;
        """);
  }

  @Test
  void suggests_sql_that_parses() {
    Finding finding = tester.findings("ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;").get(0);

    assertThat(finding.suggestion()).contains("ALTER TABLE orders ADD COLUMN currency char(3);")
        .contains("CHECK (currency IS NOT NULL) NOT VALID").contains("ALTER COLUMN currency SET NOT NULL");
    assertThat(SqlParser.parse(finding.suggestion(), "s.sql").unrecognizedCount()).isZero();
  }
}
