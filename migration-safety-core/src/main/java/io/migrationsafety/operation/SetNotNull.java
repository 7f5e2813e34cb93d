package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … SET NOT NULL}.
 *
 * @param table the altered table
 * @param column the column
 */
public record SetNotNull(
    TableRef table,
    String column) implements TableAction {

  public SetNotNull {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_NOT_NULL;
  }
}
