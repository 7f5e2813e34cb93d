package io.migrationsafety.format;

import java.time.Duration;
import java.util.Objects;

/**
 * One run of a migration by the staging executor, as a {@link HistoryWriter} records it.
 *
 * @param migration the migration that ran
 * @param file its file relative to the set's directory
 * @param duration how long it ran
 * @param overrideReason why it ran although its review blocked it, or {@code null} when it did not block
 * @param failure for a failed run, where and why it stopped ({@code file:line}, SQLSTATE and PostgreSQL's
 *     error), for histories that keep it (Prisma's {@code logs}); {@code null} for a run that succeeded
 */
public record AppliedRun(Migration migration, String file, Duration duration, String overrideReason,
    String failure) {

  public AppliedRun {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(duration, "duration");
  }

  /** A run that succeeded. */
  public AppliedRun(Migration migration, String file, Duration duration, String overrideReason) {
    this(migration, file, duration, overrideReason, null);
  }
}
