package io.migrationsafety.trace;

import io.migrationsafety.lock.LockMode;
import io.migrationsafety.operation.QualifiedName;
import java.util.Objects;

/**
 * A lock PostgreSQL showed in {@code pg_locks} for the tracing backend: the strongest mode a
 * statement took on one relation that existed before it.
 *
 * @param relation the relation, schema-qualified
 * @param kind table, index, view …
 * @param mode the strongest mode taken
 */
public record ObservedLock(QualifiedName relation, RelationKind kind, LockMode mode) {

  public ObservedLock {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mode, "mode");
  }
}
