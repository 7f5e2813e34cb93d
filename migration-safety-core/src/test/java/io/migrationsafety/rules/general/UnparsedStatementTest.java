package io.migrationsafety.rules.general;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class UnparsedStatementTest {

  @Test
  void flags_what_was_not_understood_with_the_reason() {
    RuleTester.of(new UnparsedStatement()).check("""
        -- expect: This statement was not understood: CREATE CAST is not a statement this library models
        CREATE CAST (bigint AS money) WITH INOUT;
        -- expect: unknown ALTER TABLE subcommand at line 4, column 20
        ALTER TABLE orders FROBNICATE;
        CREATE TABLE fine (id int);
        """);
  }
}
