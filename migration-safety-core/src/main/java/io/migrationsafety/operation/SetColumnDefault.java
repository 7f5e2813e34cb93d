package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … SET DEFAULT …}.
 *
 * @param table the altered table
 * @param column the column
 * @param defaultValue the new default
 */
public record SetColumnDefault(
    TableRef table,
    String column,
    SqlExpression defaultValue) implements TableAction {

  public SetColumnDefault {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_COLUMN_DEFAULT;
  }
}
