package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddColumnRewriteTest {

  private final RuleTester tester = RuleTester.of(new AddColumnRewrite())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, price numeric);");

  @Test
  void flags_columns_that_fill_every_row() {
    tester.check("""
        -- expect: Adding bigserial column seq to public.orders rewrites the whole table
        ALTER TABLE orders ADD COLUMN seq bigserial;
        -- expect: Adding identity column n
        ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
        -- expect: Adding stored generated column gross
        ALTER TABLE orders ADD COLUMN gross numeric GENERATED ALWAYS AS (price * 1.2) STORED;
        """);
    assertThat(tester.findings("ALTER TABLE orders ADD COLUMN seq bigserial;").get(0).suggestion())
        .endsWith("ALTER TABLE orders ADD COLUMN seq bigint;");
  }

  @Test
  void allows_plain_and_virtual_columns_and_new_tables() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ADD COLUMN gross numeric GENERATED ALWAYS AS (price * 1.2) VIRTUAL;
        CREATE TABLE t (a int);
        ALTER TABLE t ADD COLUMN seq bigserial;
        """);
  }

  @Test
  void suggests_a_virtual_column_from_postgresql_18() {
    String stored = "ALTER TABLE orders ADD COLUMN gross numeric GENERATED ALWAYS AS (price * 1.2) STORED;";
    assertThat(tester.postgresVersion(18).findings(stored).get(0).suggestion())
        .contains("ALTER TABLE orders ADD COLUMN gross numeric GENERATED ALWAYS AS (price * 1.2) VIRTUAL;");
    assertThat(tester.postgresVersion(17).findings(stored).get(0).suggestion()).doesNotContain("VIRTUAL");
  }
}
