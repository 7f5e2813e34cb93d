package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}.
 *
 * @param name the materialized view
 * @param concurrently {@code CONCURRENTLY}: reads go on during the refresh
 * @param withData {@code WITH NO DATA} is false
 */
public record RefreshMaterializedView(
    QualifiedName name,
    boolean concurrently,
    boolean withData) implements Operation {

  public RefreshMaterializedView {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.REFRESH_MATERIALIZED_VIEW;
  }
}
