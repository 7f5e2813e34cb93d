package io.migrationsafety.rules.general;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.format.AppliedState;
import io.migrationsafety.format.Migration;
import io.migrationsafety.format.MigrationSet;
import io.migrationsafety.format.MigrationVersion;
import io.migrationsafety.policy.Policy;
import io.migrationsafety.review.ReviewEngine;
import io.migrationsafety.rule.RuleRegistry;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rules.RuleTester;
import io.migrationsafety.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnreviewableMigrationTest {

  private final RuleTester tester = RuleTester.of(new UnreviewableMigration());

  @Test
  void flags_a_pending_migration_its_format_could_not_read() {
    assertThat(tester.findings("-- unreviewable: it is a Java migration\nSELECT 1;"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.message()).isEqualTo("Migration 1 was not reviewed: it is a Java migration");
          assertThat(f.file()).isEqualTo("V1__test.sql");
        });
  }

  @Test
  void allows_sql_migrations() {
    assertThat(tester.findings("CREATE TABLE a (id int);")).isEmpty();
  }

  @Test
  void says_nothing_of_one_that_has_already_run() {
    Path dir = Path.of("/migrations");
    Migration java = new Migration("1", MigrationVersion.parse("1"), "Backfill", dir.resolve("V1__Backfill.java"), "",
        null, null, true);
    MigrationSet set = new MigrationSet("flyway", dir, List.of(java), AppliedState.none(), Map.of("1", "Java"));
    ReviewEngine engine = new ReviewEngine(RuleRegistry.empty().plus(new UnreviewableMigration()), Policy.defaults(),
        Schema.empty(), false);
    assertThat(engine.review(set).findings()).hasSize(1);
    MigrationSet applied = set.withApplied(new AppliedState("flyway_schema_history", Set.of("1"), List.of()));
    assertThat(applied.unreviewable()).containsKey("1");
    assertThat(engine.review(applied).findings()).isEmpty();
  }
}
