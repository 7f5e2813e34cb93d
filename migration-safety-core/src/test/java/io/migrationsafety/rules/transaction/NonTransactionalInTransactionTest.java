package io.migrationsafety.rules.transaction;

import io.migrationsafety.rules.RuleTester;
import org.junit.jupiter.api.Test;

class NonTransactionalInTransactionTest {

  @Test
  void flags_concurrently_and_vacuum_in_a_transactional_migration() {
    RuleTester.of(new NonTransactionalInTransaction()).check("""
        -- expect: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
        CREATE INDEX CONCURRENTLY i ON orders (id);
        -- expect: DROP INDEX CONCURRENTLY
        DROP INDEX CONCURRENTLY j;
        -- expect: REINDEX CONCURRENTLY
        REINDEX INDEX CONCURRENTLY k;
        -- expect: VACUUM
        VACUUM orders;
        ANALYZE orders;
        CREATE INDEX l ON orders (id);
        """);
  }

  @Test
  void allows_them_outside_a_transaction() {
    RuleTester.of(new NonTransactionalInTransaction()).check("""
        -- migration-safety:no-transaction
        CREATE INDEX CONCURRENTLY i ON orders (id);
        VACUUM orders;
        """);
  }

  @Test
  void flags_them_inside_an_explicit_begin_of_a_non_transactional_migration() {
    RuleTester.of(new NonTransactionalInTransaction()).transactional(false).check("""
        BEGIN;
        -- expect: cannot run inside a transaction block
        CREATE INDEX CONCURRENTLY i ON orders (id);
        COMMIT;
        CREATE INDEX CONCURRENTLY j ON orders (id);
        """);
  }
}
