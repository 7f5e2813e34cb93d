package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER [MATERIALIZED] VIEW …} changes other than rename, schema, owner and tablespace: defaults, options, column renames.
 *
 * @param name the view
 * @param materialized a materialized view
 * @param change the change as written
 */
public record AlterView(
    QualifiedName name,
    boolean materialized,
    String change) implements Operation {

  public AlterView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_VIEW;
  }
}
