package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferBigintKeyTest {

  private final RuleTester tester = RuleTester.of(new PreferBigintKey());

  @Test
  void flags_narrow_primary_keys_serials_and_identities() {
    tester.check("""
        -- expect: Key column id is serial; use bigint
        CREATE TABLE orders (id serial PRIMARY KEY, note text);
        -- expect: Key column code is integer
        CREATE TABLE codes (code integer, label text, PRIMARY KEY (code));
        -- expect: Key column n is integer
        ALTER TABLE orders ADD COLUMN n integer GENERATED ALWAYS AS IDENTITY;
        """);
    assertThat(tester.findings("CREATE TABLE orders (id serial PRIMARY KEY);").get(0).suggestion())
        .isEqualTo("CREATE TABLE orders (id bigserial PRIMARY KEY);");
  }

  @Test
  void allows_bigint_keys_and_integer_columns_that_are_not_keys() {
    tester.check("""
        CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, quantity integer);
        ALTER TABLE orders ADD COLUMN total integer;
        """);
  }
}
