package io.migrationsafety.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rule.Finding;
import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireLockTimeoutTest {

  private final RuleTester tester = RuleTester.of(new RequireLockTimeout())
      .schema("CREATE TABLE orders (id bigint PRIMARY KEY, note text);");

  @Test
  void flags_access_exclusive_without_a_lock_timeout() {
    tester.check("""
        -- expect: waits for ACCESS EXCLUSIVE on public.orders with no lock_timeout
        ALTER TABLE orders ADD COLUMN archived boolean;
        CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
        SET lock_timeout = 0;
        -- expect: ACCESS EXCLUSIVE
        ALTER TABLE orders DROP COLUMN note;
        """);
  }

  @Test
  void allows_statements_after_a_lock_timeout_and_on_new_tables() {
    tester.check("""
        CREATE TABLE t (a int);
        ALTER TABLE t ADD COLUMN b int;
        SET LOCAL lock_timeout = '3s';
        ALTER TABLE orders ADD COLUMN archived boolean;
        """);
  }

  @Test
  void the_finding_carries_the_lock_from_the_lock_model_and_a_set_local_suggestion() {
    Finding f = tester.findings("ALTER TABLE orders ADD COLUMN archived boolean;").get(0);

    assertThat(f.locks()).singleElement().satisfies(l -> {
      assertThat(l.relation()).isEqualTo("public.orders");
      assertThat(l.mode()).isEqualTo("ACCESS EXCLUSIVE");
    });
    assertThat(f.suggestion()).isEqualTo("SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN archived boolean;");
  }
}
