package io.migrationsafety.flyway;

import io.migrationsafety.Review;
import org.flywaydb.core.api.FlywayException;

/**
 * Thrown by {@link MigrationSafetyCallback} before Flyway runs a statement, when the pending
 * migrations must not run as written. Flyway wraps it and {@code migrate()} fails; nothing was
 * applied. The message lists each blocked file, line, rule and what to do instead.
 */
public final class MigrationsBlockedException extends FlywayException {

  private static final long serialVersionUID = 1L;

  private final transient Review review;

  MigrationsBlockedException(String message, Review review) {
    super(message);
    this.review = review;
  }

  /** The review that blocked the migration. */
  public Review review() {
    return review;
  }
}
