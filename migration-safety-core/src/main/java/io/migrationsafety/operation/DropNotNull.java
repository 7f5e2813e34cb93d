package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … DROP NOT NULL}.
 *
 * @param table the altered table
 * @param column the column
 */
public record DropNotNull(
    TableRef table,
    String column) implements TableAction {

  public DropNotNull {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP_NOT_NULL;
  }
}
