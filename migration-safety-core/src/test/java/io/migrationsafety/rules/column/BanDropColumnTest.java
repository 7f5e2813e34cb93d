package io.migrationsafety.rules.column;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanDropColumnTest {

  private final RuleTester tester = RuleTester.of(new BanDropColumn())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, note text, legacy int);");

  @Test
  void flags_dropping_a_column_of_an_existing_table() {
    tester.check("""
        -- expect: Dropping column note of public.orders deletes its data
        ALTER TABLE orders DROP COLUMN note;
        -- expect: CASCADE also drops the views and constraints
        ALTER TABLE orders DROP COLUMN legacy CASCADE;
        """);
  }

  @Test
  void allows_drops_on_new_tables_and_a_suppression_with_a_reason() {
    tester.check("""
        CREATE TABLE drafts (id int, body text);
        ALTER TABLE drafts DROP COLUMN body;
        -- migration-safety:ignore ban-drop-column no release reads note since 2.14
        ALTER TABLE orders DROP COLUMN note;
        """);
  }
}
