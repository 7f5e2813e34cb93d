package io.migrationsafety.rules.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferTextTest {

  private final RuleTester tester = RuleTester.of(new PreferText());

  @Test
  void flags_char_n_and_suggests_varchar_of_the_same_length() {
    tester.check("""
        -- expect: Column code is char(n); use text or varchar(n)
        CREATE TABLE currencies (code char(3) PRIMARY KEY, name text);
        -- expect: Column flag
        ALTER TABLE currencies ADD COLUMN flag character;
        """);
    assertThat(tester.findings("ALTER TABLE currencies ALTER COLUMN code TYPE char(3);").get(0).suggestion())
        .isEqualTo("ALTER TABLE currencies ALTER COLUMN code TYPE varchar(3);");
  }

  @Test
  void allows_text_varchar_and_the_one_byte_char_type() {
    tester.check("CREATE TABLE t (a text, b varchar(3), c \"char\");");
  }
}
