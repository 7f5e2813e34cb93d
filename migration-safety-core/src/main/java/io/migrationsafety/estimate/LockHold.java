package io.migrationsafety.estimate;

import io.migrationsafety.lock.LockMode;
import java.util.Objects;

/**
 * How long one lock is held: from the statement that takes it to the end of its transaction, or to
 * the end of the statement outside one.
 *
 * @param relation the locked relation, schema-qualified
 * @param mode the lock mode
 * @param rewrite whether the statement rewrites the relation while holding it
 * @param lockMs how long it is held, or {@code null} when a statement in between has no estimate
 * @param upperBound whether {@code lockMs} is a ceiling
 */
public record LockHold(String relation, LockMode mode, boolean rewrite, Long lockMs, boolean upperBound) {

  public LockHold {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(mode, "mode");
  }
}
