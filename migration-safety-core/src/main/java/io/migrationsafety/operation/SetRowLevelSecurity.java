package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ENABLE|DISABLE|FORCE|NO FORCE ROW LEVEL SECURITY}.
 *
 * @param table the altered table
 * @param change the change
 */
public record SetRowLevelSecurity(
    TableRef table,
    RowLevelSecurityChange change) implements TableAction {

  public SetRowLevelSecurity {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_ROW_LEVEL_SECURITY;
  }
}
