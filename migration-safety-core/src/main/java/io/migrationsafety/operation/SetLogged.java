package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … SET LOGGED} or {@code SET UNLOGGED}: both rewrite the table.
 *
 * @param table the altered table
 * @param logged {@code LOGGED} rather than {@code UNLOGGED}
 */
public record SetLogged(
    TableRef table,
    boolean logged) implements TableAction {

  public SetLogged {
    Objects.requireNonNull(table, "table");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_LOGGED;
  }
}
