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
  void names_the_rollback_file_the_format_looks_for() {
    assertThat(MigrationFileNames.rollbackOf("flyway", "sql/V3__add_index.sql")).isEqualTo("sql/U3__add_index.sql");
    assertThat(MigrationFileNames.rollbackOf("up-down-sql", "0003_add_index.up.sql")).isEqualTo("0003_add_index.down.sql");
    assertThat(MigrationFileNames.rollbackOf("diesel", "2024-01-31-120000_add/up.sql")).isEqualTo("2024-01-31-120000_add/down.sql");
    assertThat(MigrationFileNames.rollbackOf("prisma", "20240101_init/migration.sql")).isEqualTo("20240101_init/down.sql");
    assertThat(MigrationFileNames.rollbackOf("dbmate", "20240101_init.sql")).startsWith("a '-- migrate:down' section");
    assertThat(RuleTester.of(new RequireRollback()).policy("conventions:\n  require_rollback: true\n")
        .findings("-- file: V1__init.sql\nCREATE TABLE a (id int);")).singleElement()
        .satisfies(f -> assertThat(f.suggestion()).startsWith("-- add U1__init.sql"));
  }

  @Test
  void allows_a_migration_with_rollback_and_says_nothing_unless_required() {
    assertThat(RuleTester.of(new RequireRollback()).policy("conventions:\n  require_rollback: true\n")
        .findings("-- down: DROP TABLE a;\nCREATE TABLE a (id int);")).isEmpty();
    assertThat(RuleTester.of(new RequireRollback()).findings("CREATE TABLE a (id int);")).isEmpty();
  }
}
