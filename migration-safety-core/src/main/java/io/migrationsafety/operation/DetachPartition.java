package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE parent DETACH PARTITION child [CONCURRENTLY | FINALIZE]}.
 *
 * @param table the altered table
 * @param partition the detached table
 * @param concurrently {@code CONCURRENTLY} (PostgreSQL 14+)
 * @param finalizing {@code FINALIZE}: completes an interrupted concurrent detach
 */
public record DetachPartition(
    TableRef table,
    QualifiedName partition,
    boolean concurrently,
    boolean finalizing) implements TableAction {

  public DetachPartition {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(partition, "partition");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DETACH_PARTITION;
  }
}
