package io.migrationsafety.rules.convention;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import io.migrationsafety.rules.index.RequireConcurrentIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidSuppressionTest {

  @Test
  void flags_a_suppression_without_a_reason_at_its_comment() {
    List<Finding> findings = RuleTester.of(new InvalidSuppression()).findings("""
        CREATE TABLE a (id int);
        -- migration-safety:ignore require-concurrent-index
        CREATE INDEX i ON orders (id);
        """);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.column()).isEqualTo(4);
      assertThat(f.message()).contains("reason");
    });
  }

  @Test
  void allows_a_suppression_with_a_reason() {
    assertThat(RuleTester.of(new InvalidSuppression()).findings("""
        -- migration-safety:ignore require-concurrent-index orders is tiny by design
        CREATE INDEX i ON orders (id);
        """)).isEmpty();
  }

  @Test
  void a_valid_suppression_silences_the_rule_it_names_and_only_that_statement() {
    RuleTester.of(new RequireConcurrentIndex()).check("""
        -- migration-safety:ignore require-concurrent-index orders is tiny by design
        CREATE INDEX i ON orders (id);
        -- expect: blocks every INSERT
        CREATE INDEX j ON orders (id);
        """);
  }

  @Test
  void the_no_transaction_directive_is_fine_up_front_and_a_problem_later() {
    List<Finding> findings = RuleTester.of(new InvalidSuppression()).findings("""
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY i ON orders (id);
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY j ON orders (id);
        """);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(3);
      assertThat(f.message()).contains("only counts before the first statement");
    });
  }
}
