package io.migrationsafety.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.parse.SqlParser;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanRenameTableTest {

  private final RuleTester tester = RuleTester.of(new BanRenameTable()).schema("CREATE TABLE orders (id bigint);");

  @Test
  void flags_renaming_an_existing_table_and_suggests_a_view_with_the_old_name() {
    tester.check("""
        -- expect: Renaming table public.orders to purchases breaks every running query
        ALTER TABLE orders RENAME TO purchases;
        """);
    String s = tester.findings("ALTER TABLE orders RENAME TO purchases;").get(0).suggestion();
    assertThat(s).endsWith("CREATE VIEW public.orders AS SELECT * FROM public.purchases;");
    assertThat(SqlParser.parse(s, "s.sql").unrecognizedCount()).isZero();
  }

  @Test
  void allows_renaming_new_tables() {
    tester.check("CREATE TABLE drafts (id int);\nALTER TABLE drafts RENAME TO draft_orders;");
  }
}
