package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.Review;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnvalidatedConstraintTest {

  private final RuleTester tester = RuleTester.of(new UnvalidatedConstraint());

  @Test
  void flags_a_not_valid_constraint_never_validated() {
    tester.check("""
        -- expect: Constraint orders_total_pos is added NOT VALID to public.orders, and no later migration validates it
        ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0) NOT VALID;
        """);
  }

  @Test
  void allows_a_constraint_validated_or_dropped_later_or_on_a_new_table() {
    tester.check("""
        ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0) NOT VALID;
        COMMIT;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;
        ALTER TABLE orders ADD CONSTRAINT orders_x CHECK (total < 10) NOT VALID;
        ALTER TABLE orders DROP CONSTRAINT orders_x;
        CREATE TABLE refunds (id bigint, total int);
        ALTER TABLE refunds ADD CONSTRAINT refunds_total_pos CHECK (total > 0) NOT VALID;
        """);
  }

  @Test
  void a_validate_in_a_later_migration_makes_the_earlier_add_safe(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__check.sql"),
        "ALTER TABLE orders ADD CONSTRAINT orders_total_pos CHECK (total > 0) NOT VALID;\n");
    Review alone = MigrationSafety.review(dir);
    Files.writeString(dir.resolve("V2__validate.sql"), "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_pos;\n");
    Review withValidate = MigrationSafety.review(dir);

    assertThat(alone.findings()).extracting(Finding::rule).contains("unvalidated-constraint");
    assertThat(withValidate.findings()).extracting(Finding::rule).doesNotContain("unvalidated-constraint");
  }
}
