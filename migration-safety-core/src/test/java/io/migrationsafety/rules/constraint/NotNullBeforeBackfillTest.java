package io.migrationsafety.rules.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.MigrationSafety;
import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotNullBeforeBackfillTest {

  private final RuleTester tester = RuleTester.of(new NotNullBeforeBackfill())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, total int);");

  @Test
  void flags_not_null_on_a_column_added_empty_and_never_filled() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN region text;
        -- expect: Every existing row of public.orders holds NULL in region
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        ALTER TABLE orders ADD COLUMN code text;
        -- expect: holds NULL in code
        ALTER TABLE orders ADD CONSTRAINT orders_code_nn CHECK (code IS NOT NULL);
        """);
  }

  @Test
  void allows_columns_filled_first_added_with_a_default_not_valid_checks_and_empty_tables() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN region text;
        UPDATE orders SET region = 'eu' WHERE region IS NULL;
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        ALTER TABLE orders ADD COLUMN kind text NOT NULL DEFAULT 'retail';
        ALTER TABLE orders ALTER COLUMN kind SET NOT NULL;
        ALTER TABLE orders ADD COLUMN code text;
        ALTER TABLE orders ADD CONSTRAINT orders_code_nn CHECK (code IS NOT NULL) NOT VALID;
        ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
        CREATE TABLE refunds (id bigint);
        ALTER TABLE refunds ADD COLUMN reason text;
        ALTER TABLE refunds ALTER COLUMN reason SET NOT NULL;
        """);
    tester.tableRows("public.orders", 0).check("""
        ALTER TABLE orders ADD COLUMN region text;
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        """);
  }

  @Test
  void says_nothing_across_migrations_where_a_backfill_job_may_have_run(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__region.sql"), "ALTER TABLE orders ADD COLUMN region text;\n");
    Files.writeString(dir.resolve("V2__require_region.sql"), "ALTER TABLE orders ALTER COLUMN region SET NOT NULL;\n");
    assertThat(MigrationSafety.review(dir).findings()).extracting(Finding::rule)
        .doesNotContain("not-null-before-backfill");
  }

  @Test
  void suggests_a_batched_fill_by_the_real_key_before_the_statement() {
    String safe = tester.findings("""
        ALTER TABLE orders ADD COLUMN region text;
        ALTER TABLE orders ALTER COLUMN region SET NOT NULL;
        """).get(0).suggestion();
    assertThat(safe).contains("(SELECT min(id) FROM public.orders)")
        .contains("WHERE id >= batch_start AND id < batch_start + 10000 AND region IS NULL;")
        .endsWith("ALTER TABLE orders ALTER COLUMN region SET NOT NULL;");
  }
}
