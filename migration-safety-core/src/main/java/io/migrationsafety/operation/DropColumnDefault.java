package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … DROP DEFAULT}.
 *
 * @param table the altered table
 * @param column the column
 */
public record DropColumnDefault(
    TableRef table,
    String column) implements TableAction {

  public DropColumnDefault {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP_COLUMN_DEFAULT;
  }
}
