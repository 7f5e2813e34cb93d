package io.migrationsafety.operation;

/**
 * One subcommand of {@code ALTER TABLE}: a statement with several subcommands gives one action
 * each, all on the same table and under one lock.
 */
public sealed interface TableAction extends Operation permits
    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumnType,
    SetColumnDefault,
    DropColumnDefault,
    SetNotNull,
    DropNotNull,
    AddIdentity,
    AlterIdentity,
    DropIdentity,
    AlterColumnAttribute,
    AddConstraint,
    DropConstraint,
    ValidateConstraint,
    RenameConstraint,
    AlterConstraint,
    AttachPartition,
    DetachPartition,
    SetLogged,
    SetTriggerState,
    SetRowLevelSecurity,
    AlterTableSetting {

  /** The altered table. */
  TableRef table();
}
