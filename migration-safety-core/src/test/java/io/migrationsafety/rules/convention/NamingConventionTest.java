package io.migrationsafety.rules.convention;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class NamingConventionTest {

  private final RuleTester tester = RuleTester.of(new NamingConvention())
      .policy("conventions:\n  file_name_pattern: '^V[0-9]+__[a-z0-9_]+\\.sql$'\n");

  @Test
  void flags_a_file_name_that_breaks_the_pattern() {
    assertThat(tester.findings("-- file: V1__Add-Index.sql\nSELECT 1;"))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("V1__Add-Index.sql")
            .contains("does not match the convention"));
  }

  @Test
  void allows_names_that_match_and_says_nothing_without_a_convention() {
    assertThat(tester.findings("-- file: V1__add_index.sql\nSELECT 1;")).isEmpty();
    assertThat(RuleTester.of(new NamingConvention()).findings("-- file: whatever.sql\nSELECT 1;")).isEmpty();
  }
}
