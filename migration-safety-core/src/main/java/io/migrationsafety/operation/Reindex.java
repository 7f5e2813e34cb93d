package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}.
 *
 * @param target {@code INDEX}, {@code TABLE}, {@code SCHEMA} or {@code DATABASE} (also for {@code SYSTEM})
 * @param name what is reindexed ({@code null} for a bare {@code REINDEX DATABASE})
 * @param concurrently {@code CONCURRENTLY} (PostgreSQL 12+)
 */
public record Reindex(
    ObjectType target,
    QualifiedName name,
    boolean concurrently) implements Operation {

  public Reindex {
    Objects.requireNonNull(target, "target");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.REINDEX;
  }
}
