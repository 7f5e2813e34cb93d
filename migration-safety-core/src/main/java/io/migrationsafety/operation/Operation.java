package io.migrationsafety.operation;

/**
 * What one statement (or one {@code ALTER TABLE} subcommand) changes. Every statement of a
 * migration becomes one or more operations; one that is not understood becomes
 * {@link Unrecognized}, so nothing is ever dropped silently.
 */
public sealed interface Operation permits
    TableAction,
    CreateTable,
    SetTablespace,
    Rename,
    SetSchema,
    ChangeOwner,
    Drop,
    CreateIndex,
    AlterIndex,
    Reindex,
    CreateType,
    CreateDomain,
    AlterDomain,
    AddEnumValue,
    RenameEnumValue,
    AlterCompositeType,
    CreateSequence,
    AlterSequence,
    CreateView,
    AlterView,
    RefreshMaterializedView,
    CreateSchema,
    CreateExtension,
    AlterExtension,
    CreateFunction,
    AlterFunction,
    CreateTrigger,
    CreatePolicy,
    DoBlock,
    Call,
    Comment,
    ChangePrivileges,
    ChangeRole,
    Truncate,
    LockTable,
    Vacuum,
    Cluster,
    SetSetting,
    SetConstraints,
    TransactionControl,
    DataChange,
    Query,
    Unrecognized {

  /** Which operation this is, for exhaustive switches. */
  OperationKind kind();
}
