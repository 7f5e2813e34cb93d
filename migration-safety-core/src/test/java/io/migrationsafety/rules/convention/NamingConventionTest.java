package io.migrationsafety.rules.convention;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Severity;
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
  void suggests_the_corrected_name_and_only_warns() {
    assertThat(tester.findings("-- file: V1__Add-Index.sql\nSELECT 1;")).singleElement().satisfies(f -> {
      assertThat(f.suggestion()).isEqualTo("-- rename the file: V1__Add-Index.sql -> V1__add_index.sql");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void suggests_the_next_version_for_a_name_without_one() {
    RuleTester versioned = RuleTester.of(new NamingConvention()).policy("conventions:\n  require_version_prefix: true\n");
    assertThat(versioned.findings("-- file: add_index.sql\nSELECT 1;")).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).isEqualTo("-- rename the file: add_index.sql -> 1_add_index.sql"));
  }

  @Test
  void allows_names_that_match_and_says_nothing_without_a_convention() {
    assertThat(tester.findings("-- file: V1__add_index.sql\nSELECT 1;")).isEmpty();
    assertThat(RuleTester.of(new NamingConvention()).findings("-- file: whatever.sql\nSELECT 1;")).isEmpty();
  }
}
