package io.migrationsafety.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * A lock timeout, or a deadlock the executor's statement lost, that the executor retried.
 *
 * @param file the migration's file
 * @param line the line of the statement that did not get its lock
 * @param attempt the attempt that did not get it, from 1
 * @param backoff how long the executor waited before the next attempt
 * @param message PostgreSQL's error
 */
public record Retry(String file, int line, int attempt, Duration backoff, String message) {

  public Retry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(message, "message");
  }
}
