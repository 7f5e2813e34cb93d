package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.AddEnumValue;
import io.migrationsafety.operation.AddIdentity;
import io.migrationsafety.operation.AlterColumnAttribute;
import io.migrationsafety.operation.AlterColumnType;
import io.migrationsafety.operation.AlterCompositeType;
import io.migrationsafety.operation.AlterConstraint;
import io.migrationsafety.operation.AlterDomain;
import io.migrationsafety.operation.AlterExtension;
import io.migrationsafety.operation.AlterIdentity;
import io.migrationsafety.operation.AlterIndex;
import io.migrationsafety.operation.AlterSequence;
import io.migrationsafety.operation.AlterTableSetting;
import io.migrationsafety.operation.AlterView;
import io.migrationsafety.operation.AttachPartition;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.CreateDomain;
import io.migrationsafety.operation.CreateExtension;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.CreateSchema;
import io.migrationsafety.operation.CreateSequence;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.DetachPartition;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.DropColumn;
import io.migrationsafety.operation.DropColumnDefault;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.DropIdentity;
import io.migrationsafety.operation.DropNotNull;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.RefreshMaterializedView;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.RenameColumn;
import io.migrationsafety.operation.RenameConstraint;
import io.migrationsafety.operation.RenameEnumValue;
import io.migrationsafety.operation.SetColumnDefault;
import io.migrationsafety.operation.SetLogged;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.operation.ValidateConstraint;
import io.migrationsafety.schema.Schema;
import java.util.Objects;

/**
 * Replays migrations on the schema model: applies one parsed operation to a schema as PostgreSQL
 * would, giving the schema after it and what PostgreSQL would have refused.
 *
 * <p>Never throws for any operation on any schema. Where PostgreSQL raises an error (a missing
 * table or column, a name already taken, a drop that something else depends on), the step
 * carries a problem naming the object and the schema is left unchanged, as PostgreSQL leaves it
 * after a failed statement. Where {@code IF EXISTS} / {@code IF NOT EXISTS} make PostgreSQL skip
 * the statement with a notice, there is no problem and no change. Statements that change nothing
 * the model holds (data changes, settings, transaction control, comments, privileges, functions,
 * triggers, policies, maintenance) and statements that were not understood leave the schema as it
 * is, without a problem (the review reports unparsed statements on its own).
 *
 * <p>Unqualified names resolve to {@code defaultSchema} (the review follows {@code search_path}),
 * after the session's temporary tables. A new index goes to its table's schema. Names PostgreSQL
 * would generate ({@code orders_pkey}, {@code orders_customer_id_fkey}, {@code orders_id_seq} …)
 * are generated the same way.
 *
 * <p>Each step shares everything it does not change with the schema before it (persistent maps),
 * so the schema before and after every statement of a long migration set can be kept.
 * Stateless and thread-safe.
 */
public final class SchemaReplayer {

  private SchemaReplayer() {}

  /**
   * Applies one operation; never throws for any operation or schema.
   *
   * @param before the schema before the operation
   * @param operation the operation
   * @param defaultSchema the schema unqualified names resolve to ({@code public} when {@code null})
   * @return the schema after the operation, and the problems PostgreSQL would have raised
   * @throws NullPointerException only when {@code before} or {@code operation} is {@code null}
   */
  public static ReplayStep apply(Schema before, Operation operation, String defaultSchema) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(operation, "operation");
    Replay replay = new Replay(before, defaultSchema == null ? "public" : defaultSchema);
    try {
      return dispatch(replay, operation);
    } catch (RuntimeException e) {
      // A replay bug must not stop the review, nor pass silently: the schema stays as it was.
      return replay.fail("the schema model could not follow this " + operation.kind() + " statement ("
          + e + "); please report it");
    }
  }

  /** One case per kind, with no default: a new kind does not compile until it is handled here. */
  private static ReplayStep dispatch(Replay r, Operation op) {
    return switch (op.kind()) {
      case CREATE_TABLE -> TableReplay.create(r, (CreateTable) op);
      case ADD_COLUMN -> ColumnReplay.add(r, (AddColumn) op);
      case DROP_COLUMN -> ColumnReplay.drop(r, (DropColumn) op);
      case RENAME_COLUMN -> ColumnReplay.rename(r, (RenameColumn) op);
      case ALTER_COLUMN_TYPE -> ColumnAlterReplay.type(r, (AlterColumnType) op);
      case SET_COLUMN_DEFAULT -> ColumnAlterReplay.setDefault(r, (SetColumnDefault) op);
      case DROP_COLUMN_DEFAULT -> ColumnAlterReplay.dropDefault(r, (DropColumnDefault) op);
      case SET_NOT_NULL -> ColumnAlterReplay.setNotNull(r, (SetNotNull) op);
      case DROP_NOT_NULL -> ColumnAlterReplay.dropNotNull(r, (DropNotNull) op);
      case ADD_IDENTITY -> ColumnAlterReplay.addIdentity(r, (AddIdentity) op);
      case ALTER_IDENTITY -> ColumnAlterReplay.alterIdentity(r, (AlterIdentity) op);
      case DROP_IDENTITY -> ColumnAlterReplay.dropIdentity(r, (DropIdentity) op);
      case ALTER_COLUMN_ATTRIBUTE -> ColumnAlterReplay.attribute(r, (AlterColumnAttribute) op);
      case ADD_CONSTRAINT -> TableActionReplay.addConstraint(r, (AddConstraint) op);
      case DROP_CONSTRAINT -> TableActionReplay.dropConstraint(r, (DropConstraint) op);
      case VALIDATE_CONSTRAINT -> TableActionReplay.validateConstraint(r, (ValidateConstraint) op);
      case RENAME_CONSTRAINT -> TableActionReplay.renameConstraint(r, (RenameConstraint) op);
      case ALTER_CONSTRAINT -> TableActionReplay.alterConstraint(r, (AlterConstraint) op);
      case ATTACH_PARTITION -> TableActionReplay.attachPartition(r, (AttachPartition) op);
      case DETACH_PARTITION -> TableActionReplay.detachPartition(r, (DetachPartition) op);
      case SET_LOGGED -> TableActionReplay.setLogged(r, (SetLogged) op);
      case ALTER_TABLE_SETTING -> TableActionReplay.setting(r, (AlterTableSetting) op);
      case SET_TRIGGER_STATE, SET_ROW_LEVEL_SECURITY -> TableActionReplay.tableMustExist(r, (TableAction) op);
      case SET_TABLESPACE -> ObjectReplay.setTablespace(r, (SetTablespace) op);
      case RENAME -> RenameReplay.rename(r, (Rename) op);
      case SET_SCHEMA -> RenameReplay.setSchema(r, (SetSchema) op);
      case CHANGE_OWNER -> ObjectReplay.changeOwner(r, (ChangeOwner) op);
      case DROP -> DropReplay.drop(r, (Drop) op);
      case CREATE_INDEX -> IndexReplay.create(r, (CreateIndex) op);
      case ALTER_INDEX -> IndexReplay.alter(r, (AlterIndex) op);
      case REINDEX -> IndexReplay.reindex(r, (Reindex) op);
      case CREATE_TYPE -> TypeReplay.create(r, (CreateType) op);
      case CREATE_DOMAIN -> TypeReplay.createDomain(r, (CreateDomain) op);
      case ALTER_DOMAIN -> TypeReplay.alterDomain(r, (AlterDomain) op);
      case ADD_ENUM_VALUE -> TypeReplay.addEnumValue(r, (AddEnumValue) op);
      case RENAME_ENUM_VALUE -> TypeReplay.renameEnumValue(r, (RenameEnumValue) op);
      case ALTER_COMPOSITE_TYPE -> TypeReplay.alterComposite(r, (AlterCompositeType) op);
      case CREATE_SEQUENCE -> ObjectReplay.createSequence(r, (CreateSequence) op);
      case ALTER_SEQUENCE -> ObjectReplay.alterSequence(r, (AlterSequence) op);
      case CREATE_VIEW -> ObjectReplay.createView(r, (CreateView) op);
      case ALTER_VIEW -> ObjectReplay.alterView(r, (AlterView) op);
      case REFRESH_MATERIALIZED_VIEW -> ObjectReplay.refresh(r, (RefreshMaterializedView) op);
      case CREATE_SCHEMA -> ObjectReplay.createSchema(r, (CreateSchema) op);
      case CREATE_EXTENSION -> ObjectReplay.createExtension(r, (CreateExtension) op);
      case ALTER_EXTENSION -> ObjectReplay.alterExtension(r, (AlterExtension) op);
      // Not in the model: routines, triggers, policies, code blocks, comments, privileges, roles.
      case CREATE_FUNCTION, ALTER_FUNCTION, CREATE_TRIGGER, CREATE_POLICY, DO_BLOCK, CALL, COMMENT,
          CHANGE_PRIVILEGES, CHANGE_ROLE -> r.unchanged();
      // Data, maintenance and session statements: the structure stays as it is.
      case TRUNCATE, LOCK_TABLE, VACUUM, CLUSTER, SET_SETTING, SET_CONSTRAINTS, TRANSACTION_CONTROL,
          DATA_CHANGE, QUERY -> r.unchanged();
      // Reported by the review's own rule for statements it could not read.
      case UNRECOGNIZED -> r.unchanged();
    };
  }
}
