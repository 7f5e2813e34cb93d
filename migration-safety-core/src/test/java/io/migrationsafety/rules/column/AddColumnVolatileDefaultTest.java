package io.migrationsafety.rules.column;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddColumnVolatileDefaultTest {

  private final RuleTester tester = RuleTester.of(new AddColumnVolatileDefault())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY);");

  @Test
  void flags_volatile_and_unknown_defaults_on_existing_tables() {
    tester.check("""
        -- expect: with the default gen_random_uuid() (volatile) rewrites the whole table
        ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
        -- expect: (unknown) rewrites
        ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();
        -- expect: clock_timestamp()
        ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT clock_timestamp();
        """);
  }

  @Test
  void allows_constant_and_stable_defaults_new_and_small_tables() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now();
        ALTER TABLE orders ADD COLUMN state text NOT NULL DEFAULT 'new';
        CREATE TABLE t (id int);
        ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();
        """);
    tester.tableRows("public.orders", 10).check("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();");
  }
}
