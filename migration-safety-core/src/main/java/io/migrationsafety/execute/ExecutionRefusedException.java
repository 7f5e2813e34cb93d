package io.migrationsafety.execute;

import io.migrationsafety.MigrationSafetyException;
import io.migrationsafety.Review;
import java.util.Optional;

/**
 * The executor refused to start, before it wrote anything: the review blocks and no override was
 * given, the format keeps no history the executor can write, or a script holds something it cannot
 * run safely (a psql meta-command, its own BEGIN/COMMIT, a statement that cannot run in the
 * transaction its migration runs in). The message says which, where, and what to do.
 */
public final class ExecutionRefusedException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final transient Review review;

  ExecutionRefusedException(String message, Review review) {
    super(message);
    this.review = review;
  }

  /** The review, when the refusal came from it. */
  public Optional<Review> review() {
    return Optional.ofNullable(review);
  }
}
