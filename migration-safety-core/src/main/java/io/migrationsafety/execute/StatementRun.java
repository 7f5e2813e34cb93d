package io.migrationsafety.execute;

import io.migrationsafety.lock.LockEffect;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One statement the executor ran successfully.
 *
 * @param file the migration's file, relative to its directory
 * @param line the one-based line the statement starts on
 * @param sql the statement's first line, for progress output
 * @param elapsed how long it ran, lock waits included
 * @param attempt which attempt of its migration (or, outside a transaction, of the statement) it was, from 1
 * @param inTransaction whether it ran inside the migration's transaction
 * @param locks the locks the lock model says it takes
 */
public record StatementRun(String file, int line, String sql, Duration elapsed, int attempt, boolean inTransaction,
    List<LockEffect> locks) {

  public StatementRun {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(elapsed, "elapsed");
    locks = List.copyOf(locks);
  }
}
