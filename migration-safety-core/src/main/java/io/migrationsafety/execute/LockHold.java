package io.migrationsafety.execute;

import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a lock was held on staging, as observed: from the start of the statement that took it
 * to the commit that released it (the statement's own end outside a transaction). The start is
 * taken before the statement waits for the lock, so the figure is an upper bound.
 *
 * @param file the migration's file
 * @param line the line of the statement that took the lock
 * @param relation the locked relation
 * @param mode the mode, as PostgreSQL's documentation names it
 * @param held how long it was held
 */
public record LockHold(String file, int line, QualifiedName relation, LockMode mode, Duration held) {

  public LockHold {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(held, "held");
  }
}
