package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … RENAME [COLUMN] a TO b}.
 *
 * @param table the altered table
 * @param column the current name
 * @param newName the new name
 */
public record RenameColumn(
    TableRef table,
    String column,
    String newName) implements TableAction {

  public RenameColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(newName, "newName");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.RENAME_COLUMN;
  }
}
