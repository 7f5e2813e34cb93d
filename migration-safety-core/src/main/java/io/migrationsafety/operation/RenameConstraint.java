package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … RENAME CONSTRAINT a TO b}.
 *
 * @param table the altered table
 * @param name the current name
 * @param newName the new name
 */
public record RenameConstraint(
    TableRef table,
    String name,
    String newName) implements TableAction {

  public RenameConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(newName, "newName");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.RENAME_CONSTRAINT;
  }
}
