package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] …} {@code SET GENERATED …}, {@code RESTART} or sequence options of an identity column.
 *
 * @param table the altered table
 * @param column the column
 * @param change the changes as written
 */
public record AlterIdentity(
    TableRef table,
    String column,
    String change) implements TableAction {

  public AlterIdentity {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_IDENTITY;
  }
}
