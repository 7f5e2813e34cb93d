package io.migrationsafety.execute;

import io.migrationsafety.lock.LockEffect;
import java.util.List;

/**
 * One statement as the executor will send it.
 *
 * @param line its one-based line
 * @param sql its text, as written
 * @param copyData the rows of a {@code COPY … FROM stdin}, without the closing {@code \.}; else {@code null}
 * @param locks the locks the lock model says it takes
 * @param locksKnown whether the lock model knows them all; an unknown statement may take any lock
 * @param refusedInTransaction what it is, when PostgreSQL refuses it in a transaction block
 *     ({@code CREATE INDEX CONCURRENTLY}); else {@code null}
 * @param block in a migration that runs without the executor's transaction, the number (from 1)
 *     of the script's own BEGIN … COMMIT block it is in; 0 outside one
 */
record PlannedStatement(int line, String sql, String copyData, List<LockEffect> locks, boolean locksKnown,
    String refusedInTransaction, int block) {

  PlannedStatement {
    locks = List.copyOf(locks);
  }

  /** Whether the executor sets the timeouts before it: it takes a lock, or nobody knows. */
  boolean takesLock() {
    return !locksKnown || !locks.isEmpty();
  }

  /** The first line of the statement, for progress output. */
  String summary() {
    String first = sql.strip().lines().findFirst().orElse("");
    return sql.strip().contains("\n") ? first + " …" : first;
  }
}
