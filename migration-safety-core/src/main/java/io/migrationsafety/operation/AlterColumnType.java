package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … [SET DATA] TYPE … [USING …]}.
 *
 * @param table the altered table
 * @param column the column
 * @param type the new type
 * @param collation the {@code COLLATE} name, or {@code null}
 * @param using the {@code USING} expression, or {@code null}
 */
public record AlterColumnType(
    TableRef table,
    String column,
    DataType type,
    String collation,
    SqlExpression using) implements TableAction {

  public AlterColumnType {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_COLUMN_TYPE;
  }
}
