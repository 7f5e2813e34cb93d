package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanRenameColumnTest {

  private final RuleTester tester = RuleTester.of(new BanRenameColumn())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, note text);");

  @Test
  void flags_renaming_a_column_of_an_existing_table() {
    tester.check("""
        -- expect: Renaming column note of public.orders to comment breaks every running query
        ALTER TABLE orders RENAME COLUMN note TO comment;
        """);
    assertThat(tester.findings("ALTER TABLE orders RENAME note TO comment;").get(0).suggestion())
        .startsWith("ALTER TABLE orders ADD COLUMN comment text;");
  }

  @Test
  void allows_renames_on_new_tables() {
    tester.check("""
        CREATE TABLE drafts (id int, body text);
        ALTER TABLE drafts RENAME COLUMN body TO text_body;
        """);
  }
}
