package io.migrationsafety.rules.convention;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireRollbackTest {

  @Test
  void flags_a_migration_without_rollback_when_the_policy_requires_one() {
    assertThat(RuleTester.of(new RequireRollback()).policy("conventions:\n  require_rollback: true\n")
        .findings("CREATE TABLE a (id int);"))
        .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Migration 1 has no rollback script"));
  }

  @Test
  void allows_a_migration_with_rollback_and_says_nothing_unless_required() {
    assertThat(RuleTester.of(new RequireRollback()).policy("conventions:\n  require_rollback: true\n")
        .findings("-- down: DROP TABLE a;\nCREATE TABLE a (id int);")).isEmpty();
    assertThat(RuleTester.of(new RequireRollback()).findings("CREATE TABLE a (id int);")).isEmpty();
  }
}
