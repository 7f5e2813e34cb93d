package io.migrationsafety.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How the staging executor runs statements: the timeouts it sets before every statement that takes
 * a lock, and how it retries a statement that could not get its lock (a lock timeout, or a deadlock it lost).
 *
 * @param lockTimeout how long a statement may wait for a lock ({@code lock_timeout}); more than zero,
 *     because waiting forever behind a long transaction queues every other query on the table
 * @param statementTimeout how long a statement may run ({@code statement_timeout}); zero for no limit
 * @param retries how many times a lock timeout or lost deadlock is retried after the first attempt, 0 or more
 * @param backoff how long to wait before the first retry; each further retry waits twice as long
 */
public record ExecutionSettings(Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff) {

  /** The defaults: wait at most 2 s for a lock, run at most 30 min, retry 3 times from 1 s on. */
  private static final ExecutionSettings DEFAULTS =
      new ExecutionSettings(Duration.ofSeconds(2), Duration.ofMinutes(30), 3, Duration.ofSeconds(1));

  public ExecutionSettings {
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(backoff, "backoff");
    if (lockTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("the lock timeout must be at least 1 ms: without one, a statement waits "
          + "behind any open transaction and every query on the table queues behind it");
    }
    if (statementTimeout.isNegative()) {
      throw new IllegalArgumentException("the statement timeout cannot be negative (0 means no limit)");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries cannot be negative");
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("the backoff cannot be negative");
    }
  }

  /** The defaults. */
  public static ExecutionSettings defaults() {
    return DEFAULTS;
  }

  /** How long to wait before retry number {@code retry} (1 for the first): the backoff, doubled each time. */
  public Duration backoffBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1");
    }
    return backoff.multipliedBy(1L << Math.min(retry - 1, 20));
  }

  /** {@code duration} as a PostgreSQL setting value in milliseconds, such as {@code '2000ms'}. */
  public static String settingValue(Duration duration) {
    return "'" + duration.toMillis() + "ms'";
  }
}
