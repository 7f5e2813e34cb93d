package io.migrationsafety.execute;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the executor did with one pending migration.
 *
 * @param id the migration's id
 * @param file its file, relative to its directory
 * @param transactional whether it ran in one transaction
 * @param applied whether it ran to its end and was recorded in the history
 * @param attempts how many attempts it took (retries after lock timeouts included), from 1
 * @param elapsed how long it took, backoff waits included
 * @param statements the statements that ran in its last attempt, in order
 * @param retries the lock timeouts that were retried
 * @param locks how long each lock was held in its last attempt
 */
public record MigrationRun(String id, String file, boolean transactional, boolean applied, int attempts,
    Duration elapsed, List<StatementRun> statements, List<Retry> retries, List<LockHold> locks) {

  public MigrationRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(elapsed, "elapsed");
    statements = List.copyOf(statements);
    retries = List.copyOf(retries);
    locks = List.copyOf(locks);
  }
}
