package io.migrationsafety.rules.general;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class SchemaConflictTest {

  private final RuleTester tester = RuleTester.of(new SchemaConflict())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, note text);");

  @Test
  void flags_statements_that_do_not_fit_the_schema() {
    tester.check("""
        -- expect: already exists
        CREATE TABLE orders (id bigint);
        -- expect: does not exist
        ALTER TABLE orders DROP COLUMN missing;
        -- expect: does not exist
        ALTER TABLE orders ALTER COLUMN nope SET NOT NULL;
        """);
  }

  @Test
  void allows_statements_that_fit_and_if_not_exists() {
    tester.check("""
        CREATE TABLE IF NOT EXISTS orders (id bigint);
        ALTER TABLE orders DROP COLUMN note;
        ALTER TABLE orders DROP COLUMN IF EXISTS note;
        CREATE INDEX orders_id_idx ON orders (id);
        """);
  }
}
