package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ALTER [COLUMN] … ADD GENERATED … AS IDENTITY}.
 *
 * @param table the altered table
 * @param column the column
 * @param identity the identity specification
 */
public record AddIdentity(
    TableRef table,
    String column,
    Identity identity) implements TableAction {

  public AddIdentity {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(identity, "identity");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ADD_IDENTITY;
  }
}
