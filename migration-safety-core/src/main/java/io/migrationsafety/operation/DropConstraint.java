package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT [IF EXISTS] name}.
 *
 * @param table the altered table
 * @param name the constraint
 * @param ifExists {@code IF EXISTS}
 * @param cascade {@code CASCADE}
 */
public record DropConstraint(
    TableRef table,
    String name,
    boolean ifExists,
    boolean cascade) implements TableAction {

  public DropConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP_CONSTRAINT;
  }
}
