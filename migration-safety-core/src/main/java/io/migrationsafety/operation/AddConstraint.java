package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ADD [CONSTRAINT name] …}.
 *
 * @param table the altered table
 * @param constraint the new constraint
 */
public record AddConstraint(
    TableRef table,
    ConstraintDefinition constraint) implements TableAction {

  public AddConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(constraint, "constraint");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ADD_CONSTRAINT;
  }
}
