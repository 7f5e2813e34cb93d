package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … DROP [COLUMN]}.
 *
 * @param table the altered table
 * @param column the dropped column
 * @param ifExists {@code IF EXISTS}
 * @param cascade {@code CASCADE}: dependent views and constraints go too
 */
public record DropColumn(
    TableRef table,
    String column,
    boolean ifExists,
    boolean cascade) implements TableAction {

  public DropColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP_COLUMN;
  }
}
