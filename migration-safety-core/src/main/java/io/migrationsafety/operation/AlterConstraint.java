package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER CONSTRAINT name [NOT] DEFERRABLE …}.
 *
 * @param table the altered table
 * @param name the constraint
 * @param change the new characteristics as written
 */
public record AlterConstraint(
    TableRef table,
    String name,
    String change) implements TableAction {

  public AlterConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_CONSTRAINT;
  }
}
