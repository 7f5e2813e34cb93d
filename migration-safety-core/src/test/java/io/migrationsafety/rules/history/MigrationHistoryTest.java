package io.migrationsafety.rules.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Severity;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class MigrationHistoryTest {

  private final RuleTester tester = RuleTester.of(new MigrationHistory());

  @Test
  void a_failed_run_blocks_and_says_how_to_repair() {
    assertThat(tester.findings("-- history: failed\nCREATE TABLE a (id int);"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.BLOCKED);
          assertThat(f.message()).isEqualTo("test_history records failed for 1");
          assertThat(f.file()).isEqualTo("V1__test.sql");
          assertThat(f.suggestion()).contains("flyway repair", "prisma migrate resolve", "alembic stamp");
        });
  }

  @Test
  void an_edited_applied_file_warns_and_the_migration_is_not_reviewed_again() {
    assertThat(tester.findings("-- history: checksum_mismatch\nCREATE TABLE a (id int);"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.why()).contains("another text of this file");
        });
  }

  @Test
  void every_other_kind_warns_with_its_own_advice() {
    for (String kind : new String[] {"rolled_back", "missing_file", "out_of_order"}) {
      assertThat(tester.findings("-- history: " + kind + "\nCREATE TABLE a (id int);"))
          .as(kind).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.suggestion()).contains("1");
          });
    }
  }

  @Test
  void says_nothing_without_a_history() {
    assertThat(tester.findings("CREATE TABLE a (id int);")).isEmpty();
  }
}
