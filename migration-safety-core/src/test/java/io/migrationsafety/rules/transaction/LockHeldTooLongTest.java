package io.migrationsafety.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rule.Severity;
import io.migrationsafety.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockHeldTooLongTest {

  private static final String SCHEMA = """
      CREATE TABLE orders (id bigint PRIMARY KEY, total integer, status text);
      CREATE TABLE tiny (id bigint PRIMARY KEY, total integer);
      """;

  /** orders: 48 million rows, minutes of work for any rewrite or scan; tiny: ten rows. */
  private final RuleTester tester = RuleTester.of(new LockHeldTooLong()).schema(SCHEMA)
      .tableRows("public.orders", 48_000_000).tableRows("public.tiny", 10);

  @Test
  void blocks_a_long_rewrite_under_access_exclusive() {
    tester.check("""
        -- expect: ACCESS EXCLUSIVE on public.orders is held about
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """);
    Finding f = tester.findings("ALTER TABLE orders ALTER COLUMN total TYPE bigint;").get(0);
    assertThat(f.severity()).isEqualTo(Severity.BLOCKED);
    assertThat(f.message()).contains("over the policy's 2 s: it blocks everything, including plain SELECT");
    assertThat(f.why()).contains("rewrite of public.orders (48 M rows");
    assertThat(f.locks()).singleElement().satisfies(l -> assertThat(l.rewrite()).isTrue());
  }

  @Test
  void a_quick_statement_holds_the_lock_for_the_rest_of_its_transaction() {
    tester.check("""
        -- expect: (this statement and the rest of its transaction)
        ALTER TABLE orders ADD COLUMN note text;
        UPDATE orders SET note = 'x';
        """);
  }

  @Test
  void the_same_statements_in_separate_transactions_only_hold_their_own_time() {
    tester.check("""
        -- migration-safety:no-transaction
        ALTER TABLE orders ADD COLUMN note text;
        UPDATE orders SET note = 'x' WHERE id BETWEEN 1 AND 100;
        """);
  }

  @Test
  void small_tables_new_tables_weak_locks_and_unknown_sizes_pass() {
    tester.check("""
        ALTER TABLE tiny ALTER COLUMN total TYPE bigint;
        CREATE TABLE fresh (id bigint PRIMARY KEY, total integer);
        ALTER TABLE fresh ALTER COLUMN total TYPE bigint;
        """);
    tester.check("CREATE INDEX CONCURRENTLY orders_status ON orders (status);");
    RuleTester.of(new LockHeldTooLong()).schema(SCHEMA).check("ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
  }

  @Test
  void the_policy_sets_the_thresholds() {
    RuleTester lenient = RuleTester.of(new LockHeldTooLong()).schema(SCHEMA).tableRows("public.orders", 48_000_000)
        .policy("estimates:\n  block_lock_above: 10h\n  warn_lock_above: 1ms\n");
    List<Finding> findings = lenient.findings("ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("over the policy's 1 ms");
    });
  }
}
