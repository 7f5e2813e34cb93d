package io.migrationsafety.operation;

import java.util.Objects;

/**
 * A column attribute change: {@code SET STATISTICS}, {@code SET STORAGE}, {@code SET COMPRESSION}, {@code SET (…)}/{@code RESET (…)}, {@code DROP EXPRESSION}, {@code SET EXPRESSION AS}.
 *
 * @param table the altered table
 * @param column the column
 * @param attribute which attribute
 * @param value the new value as written, empty when none
 */
public record AlterColumnAttribute(
    TableRef table,
    String column,
    ColumnAttribute attribute,
    String value) implements TableAction {

  public AlterColumnAttribute {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_COLUMN_ATTRIBUTE;
  }
}
