package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddUniqueUsingIndexTest {

  private final RuleTester tester = RuleTester.of(new AddUniqueUsingIndex())
      .schema("CREATE TABLE orders (id bigint, code text);");

  @Test
  void flags_unique_and_primary_keys_that_build_their_index_in_place() {
    tester.check("""
        -- expect: Adding UNIQUE (code) to public.orders builds its unique index while blocking all reads and writes
        ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
        -- expect: Adding PRIMARY KEY (id)
        ALTER TABLE orders ADD PRIMARY KEY (id);
        """);
  }

  @Test
  void allows_using_index_and_new_tables() {
    tester.check("""
        CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON orders (code);
        ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_key;
        CREATE TABLE t (a int);
        ALTER TABLE t ADD PRIMARY KEY (a);
        """);
  }

  @Test
  void suggests_a_concurrent_build_then_using_index() {
    String s = tester.findings("ALTER TABLE orders ADD PRIMARY KEY (id);").get(0).suggestion();

    assertThat(s).contains("CREATE UNIQUE INDEX CONCURRENTLY orders_pkey ON orders (id);")
        .contains("ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey;");
  }
}
