package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ADD [COLUMN]}.
 *
 * @param table the altered table
 * @param column the new column
 * @param ifNotExists {@code IF NOT EXISTS}
 */
public record AddColumn(
    TableRef table,
    ColumnDefinition column,
    boolean ifNotExists) implements TableAction {

  public AddColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ADD_COLUMN;
  }
}
