package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … VALIDATE CONSTRAINT name}.
 *
 * @param table the altered table
 * @param name the constraint
 */
public record ValidateConstraint(
    TableRef table,
    String name) implements TableAction {

  public ValidateConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.VALIDATE_CONSTRAINT;
  }
}
