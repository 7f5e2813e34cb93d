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
 */
public record AppliedRun(Migration migration, String file, Duration duration, String overrideReason) {

  public AppliedRun {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(duration, "duration");
  }
}
