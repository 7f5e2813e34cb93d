package io.migrationsafety.operation;

/**
 * {@code CLUSTER [table [USING index]]}: rewrites the table under ACCESS EXCLUSIVE.
 *
 * @param table the table, or {@code null} for every clustered table
 * @param index the index, or {@code null}
 */
public record Cluster(
    QualifiedName table,
    String index) implements Operation {

  @Override
  public OperationKind kind() {
    return OperationKind.CLUSTER;
  }
}
