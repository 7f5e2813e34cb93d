package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER INDEX …} changes other than rename, schema and tablespace: {@code ATTACH PARTITION}, storage parameters, column statistics, extension dependencies.
 *
 * @param name the index
 * @param attachPartition the index attached by {@code ATTACH PARTITION}, else {@code null}
 * @param change the change as written
 */
public record AlterIndex(
    QualifiedName name,
    QualifiedName attachPartition,
    String change) implements Operation {

  public AlterIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_INDEX;
  }
}
