package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE parent ATTACH PARTITION child FOR VALUES …}.
 *
 * @param table the altered table
 * @param partition the attached table
 * @param bound the partition bound as written
 */
public record AttachPartition(
    TableRef table,
    QualifiedName partition,
    String bound) implements TableAction {

  public AttachPartition {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(bound, "bound");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ATTACH_PARTITION;
  }
}
