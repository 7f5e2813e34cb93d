package io.migrationsafety.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireStatementTimeoutTest {

  private final RuleTester tester = RuleTester.of(new RequireStatementTimeout()).schema("""
      CREATE TABLE orders (id bigint PRIMARY KEY, total int, note text);
      CREATE TABLE small (id bigint, total int);
      """).tableRows("public.small", 10);

  @Test
  void flags_rewrites_and_scans_of_large_tables_without_a_statement_timeout() {
    tester.check("""
        -- expect: This statement rewrites public.orders under ACCESS EXCLUSIVE with no statement_timeout
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        -- expect: scans public.orders under ACCESS EXCLUSIVE
        ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
        SET statement_timeout = 0;
        -- expect: rewrites public.orders
        VACUUM FULL orders;
        """);
  }

  @Test
  void allows_statements_after_a_timeout_non_blocking_scans_quick_changes_and_small_tables() {
    tester.check("""
        ALTER TABLE orders ADD COLUMN archived boolean;
        TRUNCATE orders;
        CREATE INDEX orders_note_idx ON orders (note);
        ALTER TABLE small ALTER COLUMN total TYPE bigint;
        CREATE TABLE fresh (id int, v int);
        ALTER TABLE fresh ALTER COLUMN v TYPE bigint;
        SET LOCAL statement_timeout = '10min';
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """);
    tester.transactional(false).check("""
        CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
        ALTER TABLE orders VALIDATE CONSTRAINT some_check;
        """);
  }

  @Test
  void suggests_setting_a_timeout_before_the_statement() {
    assertThat(tester.findings("ALTER TABLE orders ALTER COLUMN total TYPE bigint;"))
        .singleElement().satisfies(f -> assertThat(f.suggestion())
            .isEqualTo("SET LOCAL statement_timeout = '5min';\nALTER TABLE orders ALTER COLUMN total TYPE bigint;"));
  }
}
