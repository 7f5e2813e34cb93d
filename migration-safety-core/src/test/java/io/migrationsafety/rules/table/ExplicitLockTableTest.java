package io.migrationsafety.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ExplicitLockTableTest {

  private final RuleTester tester = RuleTester.of(new ExplicitLockTable())
      .schema("CREATE TABLE orders (id bigint); CREATE TABLE audit (id bigint);");

  @Test
  void flags_locks_that_block_writes_on_existing_tables() {
    tester.check("""
        -- expect: LOCK TABLE holds ACCESS EXCLUSIVE on public.orders until the transaction ends
        LOCK TABLE orders;
        -- expect: holds SHARE on public.audit
        LOCK TABLE audit IN SHARE MODE;
        """);
  }

  @Test
  void allows_weak_locks_and_new_tables() {
    tester.check("""
        LOCK TABLE orders IN ROW EXCLUSIVE MODE;
        LOCK TABLE audit IN SHARE UPDATE EXCLUSIVE MODE;
        CREATE TABLE scratch (id bigint);
        LOCK TABLE scratch;
        """);
  }

  @Test
  void suggests_a_lock_timeout_only_when_none_is_set() {
    assertThat(tester.findings("LOCK TABLE orders;").get(0).suggestion()).startsWith("SET LOCAL lock_timeout = '5s';");
    assertThat(tester.findings("SET LOCAL lock_timeout = '2s';\nLOCK TABLE orders;").get(0).suggestion())
        .startsWith("-- take the weakest mode");
  }
}
