package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … DROP IDENTITY [IF EXISTS]}.
 *
 * @param table the altered table
 * @param column the column
 * @param ifExists {@code IF EXISTS}
 */
public record DropIdentity(
    TableRef table,
    String column,
    boolean ifExists) implements TableAction {

  public DropIdentity {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DROP_IDENTITY;
  }
}
