package io.migrationsafety.operation;

import java.util.Objects;

/**
 * Table-level {@code ALTER TABLE} subcommands that change no column: storage parameters, {@code INHERIT}, {@code CLUSTER ON}, {@code REPLICA IDENTITY}, {@code SET ACCESS METHOD}, {@code OF}, rules.
 *
 * @param table the altered table
 * @param setting which setting
 * @param detail the rest of the subcommand as written
 */
public record AlterTableSetting(
    TableRef table,
    TableSetting setting,
    String detail) implements TableAction {

  public AlterTableSetting {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_TABLE_SETTING;
  }
}
