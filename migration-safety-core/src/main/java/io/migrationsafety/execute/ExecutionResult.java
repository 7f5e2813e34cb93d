package io.migrationsafety.execute;

import io.migrationsafety.Review;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of an execution on staging: what the review said, what ran, what was retried, how
 * long each lock was held, and, when it stopped, why and what was left.
 *
 * @param target the staging database, without its password
 * @param review the review the execution was gated on (of the pending migrations, on the staging schema)
 * @param overrideReason why it ran although the review blocked, or {@code null}
 * @param alreadyApplied the ids of the migrations the history said had run, which were skipped
 * @param migrations the migrations it attempted, in order: all applied but perhaps the last
 * @param failure why it stopped, or {@code null} when every pending migration was applied
 */
public record ExecutionResult(String target, Review review, String overrideReason, List<String> alreadyApplied,
    List<MigrationRun> migrations, ExecutionFailure failure) {

  public ExecutionResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(review, "review");
    alreadyApplied = List.copyOf(alreadyApplied);
    migrations = List.copyOf(migrations);
  }

  /** Whether every pending migration was applied. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Why the execution stopped, if it did. */
  public Optional<ExecutionFailure> stoppedBy() {
    return Optional.ofNullable(failure);
  }

  /** Every lock held, across migrations, longest first. */
  public List<LockHold> locks() {
    return migrations.stream().flatMap(m -> m.locks().stream())
        .sorted((a, b) -> b.held().compareTo(a.held())).toList();
  }
}
