package io.migrationsafety.lock;

import static io.migrationsafety.lock.LockMode.ACCESS_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import io.migrationsafety.operation.AlterDomain;
import io.migrationsafety.operation.AlterIndex;
import io.migrationsafety.operation.AlterView;
import io.migrationsafety.operation.ChangeOwner;
import io.migrationsafety.operation.Cluster;
import io.migrationsafety.operation.Comment;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.CreatePolicy;
import io.migrationsafety.operation.CreateTable;
import io.migrationsafety.operation.CreateTrigger;
import io.migrationsafety.operation.CreateView;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.LockTable;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.Query;
import io.migrationsafety.operation.RefreshMaterializedView;
import io.migrationsafety.operation.Reindex;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.SetSchema;
import io.migrationsafety.operation.SetTablespace;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.operation.Truncate;
import io.migrationsafety.operation.Vacuum;
import io.migrationsafety.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which locks a statement takes on which relations, whether it rewrites or scans them, for a
 * PostgreSQL major version from 12 to 18 (reviews target 16 unless the policy or {@code --pg-version}
 * says otherwise): one table of facts, each with a comment naming its section of PostgreSQL's
 * documentation (Explicit Locking; SQL Commands: ALTER TABLE, CREATE INDEX …) and each checked
 * against the server by {@code LockModelAgreementTest} (13 and 17 in every build, 15 and 16 in CI).
 *
 * <p>Relations the statement itself creates are not listed: nobody else can see them before
 * commit. ACCESS SHARE on relations a statement only reads through a view, a materialized view's
 * query or {@code CREATE TABLE … AS} is not listed either: it blocks only ACCESS EXCLUSIVE. Operations whose locks the model cannot tell (unrecognized statements, {@code DO}
 * blocks, procedure calls, extension scripts) give an empty list and {@link #known} is
 * {@code false} for them; an empty list for a known operation means it locks no table.
 */
public final class LockModel {

  private LockModel() {}

  /**
   * The locks {@code operation} takes, one effect per relation with its strongest mode, in the
   * order the statement takes them.
   *
   * @param operation the statement, or one ALTER TABLE subcommand
   * @param before the schema before it (old column types, constraints, partitions, indexes)
   * @param defaultSchema the schema unqualified names resolve to ({@code public} when {@code null})
   * @param postgresVersion the server's major version (11, 12, … 18)
   */
  public static List<LockEffect> effects(Operation operation, Schema before, String defaultSchema,
      int postgresVersion) {
    return effects(operation, before, defaultSchema, postgresVersion, false);
  }

  /**
   * As {@link #effects(Operation, Schema, String, int)}, told whether {@code before} is the whole
   * database (introspected, a snapshot of it, or the database a trace builds) rather than a
   * stand-in. Only then does a statement written {@code IF EXISTS} on a relation {@code before}
   * lacks lock nothing, as on the server; on a stand-in it is taken to find the relation.
   *
   * @param schemaComplete whether every relation of the database is in {@code before}
   */
  public static List<LockEffect> effects(Operation operation, Schema before, String defaultSchema,
      int postgresVersion, boolean schemaComplete) {
    LockContext context = new LockContext(before, defaultSchema, postgresVersion, schemaComplete);
    return merge(raw(operation, context));
  }

  /**
   * Whether {@link #effects} is the whole story for {@code operation}: {@code false} for
   * statements whose locks depend on code the model does not read.
   */
  public static boolean known(Operation operation) {
    return switch (operation.kind()) {
      case UNRECOGNIZED, DO_BLOCK, CALL, CREATE_EXTENSION, ALTER_EXTENSION -> false;
      case VACUUM -> !((Vacuum) operation).tables().isEmpty();
      case REINDEX -> ((Reindex) operation).name() != null
          && (((Reindex) operation).target() == ObjectType.TABLE || ((Reindex) operation).target() == ObjectType.INDEX);
      case CLUSTER -> ((Cluster) operation).table() != null;
      default -> true;
    };
  }

  /**
   * The effects of several operations taken together (an ALTER TABLE with several subcommands,
   * or a transaction): per relation the strongest mode, rewrite or scan if any of them does.
   */
  public static List<LockEffect> merge(List<LockEffect> effects) {
    Map<QualifiedName, LockEffect> byRelation = new LinkedHashMap<>();
    for (LockEffect effect : effects) {
      byRelation.merge(effect.relation(), effect, (a, b) -> {
        LockEffect strongest = b.mode().compareTo(a.mode()) > 0 ? b : a;
        return new LockEffect(a.relation(), strongest.mode(), a.rewrite() || b.rewrite(),
            a.scan() || b.scan(), strongest.reason());
      });
    }
    return List.copyOf(byRelation.values());
  }

  private static List<LockEffect> raw(Operation operation, LockContext context) {
    if (findsNothing(operation, context)) {
      // SQL Commands: ALTER TABLE / DROP TABLE …, IF EXISTS: "a notice is issued in this case";
      // the missing relation is not locked, nor is anything else (measured on 13 and 17).
      return List.of();
    }
    return switch (operation.kind()) {
      case ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN_TYPE, SET_COLUMN_DEFAULT,
          DROP_COLUMN_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL, ADD_IDENTITY, ALTER_IDENTITY,
          DROP_IDENTITY, ALTER_COLUMN_ATTRIBUTE, ADD_CONSTRAINT, DROP_CONSTRAINT,
          VALIDATE_CONSTRAINT, RENAME_CONSTRAINT, ALTER_CONSTRAINT, ATTACH_PARTITION,
          DETACH_PARTITION, SET_LOGGED, SET_TRIGGER_STATE, SET_ROW_LEVEL_SECURITY,
          ALTER_TABLE_SETTING -> TableActionLocks.effects((TableAction) operation, context);
      case CREATE_TABLE -> StatementLocks.createTable((CreateTable) operation, context);
      case SET_TABLESPACE -> setTablespace((SetTablespace) operation, context);
      case RENAME -> rename((Rename) operation, context);
      // ALTER TABLE: SET SCHEMA and OWNER TO take ACCESS EXCLUSIVE on a relation.
      case SET_SCHEMA -> StatementLocks.onRelation(((SetSchema) operation).objectType(),
          ((SetSchema) operation).name(), ACCESS_EXCLUSIVE, false, "SET SCHEMA takes ACCESS EXCLUSIVE", context);
      case CHANGE_OWNER -> StatementLocks.onRelation(((ChangeOwner) operation).objectType(),
          ((ChangeOwner) operation).name(), ACCESS_EXCLUSIVE, false, "OWNER TO takes ACCESS EXCLUSIVE", context);
      case DROP -> StatementLocks.drop((Drop) operation, context);
      case CREATE_INDEX -> IndexLocks.create((CreateIndex) operation, context);
      case ALTER_INDEX -> IndexLocks.alter((AlterIndex) operation, context);
      case REINDEX -> IndexLocks.reindex((Reindex) operation, context);
      case ALTER_DOMAIN -> StatementLocks.alterDomain((AlterDomain) operation, context);
      // SQL Commands: CREATE VIEW, ALTER VIEW: CREATE OR REPLACE VIEW and ALTER VIEW / ALTER MATERIALIZED VIEW change the view under
      // ACCESS EXCLUSIVE; the tables a new view reads are only opened ACCESS SHARE (not listed).
      case CREATE_VIEW -> {
        CreateView view = (CreateView) operation;
        QualifiedName name = context.resolve(view.name());
        yield view.orReplace() && context.before().views().containsKey(name)
            ? List.of(LockEffect.lock(name, ACCESS_EXCLUSIVE, "CREATE OR REPLACE VIEW takes ACCESS EXCLUSIVE"))
            : List.of();
      }
      case ALTER_VIEW -> List.of(LockEffect.lock(context.resolve(((AlterView) operation).name()),
          ACCESS_EXCLUSIVE, "ALTER VIEW takes ACCESS EXCLUSIVE"));
      case REFRESH_MATERIALIZED_VIEW -> StatementLocks.refresh(((RefreshMaterializedView) operation).name(),
          ((RefreshMaterializedView) operation).concurrently(), context);
      // CREATE TRIGGER: SHARE ROW EXCLUSIVE (Explicit Locking).
      case CREATE_TRIGGER -> List.of(LockEffect.lock(context.resolve(((CreateTrigger) operation).table()),
          SHARE_ROW_EXCLUSIVE, "CREATE TRIGGER takes SHARE ROW EXCLUSIVE"));
      case CREATE_POLICY -> List.of(LockEffect.lock(context.resolve(((CreatePolicy) operation).table()),
          ACCESS_EXCLUSIVE, "CREATE POLICY takes ACCESS EXCLUSIVE on its table"));
      case COMMENT -> StatementLocks.comment((Comment) operation, context);
      case TRUNCATE -> StatementLocks.truncate((Truncate) operation, context);
      case LOCK_TABLE -> StatementLocks.lockTable((LockTable) operation, context);
      case VACUUM -> StatementLocks.vacuum((Vacuum) operation, context);
      case CLUSTER -> {
        // Explicit Locking / CLUSTER: ACCESS EXCLUSIVE while the table is rewritten in index order.
        Cluster cluster = (Cluster) operation;
        yield cluster.table() == null ? List.of() : List.of(new LockEffect(context.resolve(cluster.table()),
            ACCESS_EXCLUSIVE, true, true, "CLUSTER rewrites the table under ACCESS EXCLUSIVE"));
      }
      case DATA_CHANGE -> StatementLocks.dataChange((DataChange) operation, context);
      case QUERY -> StatementLocks.query((Query) operation, context);
      // ALTER TYPE … ADD VALUE / RENAME VALUE and composite changes lock the type, not tables;
      // the rest create or change objects that are not relations, or only session state.
      case CREATE_TYPE, CREATE_DOMAIN, ADD_ENUM_VALUE, RENAME_ENUM_VALUE, ALTER_COMPOSITE_TYPE,
          CREATE_SEQUENCE, ALTER_SEQUENCE, CREATE_SCHEMA, CREATE_FUNCTION, ALTER_FUNCTION,
          CHANGE_PRIVILEGES, CHANGE_ROLE, SET_SETTING, SET_CONSTRAINTS, TRANSACTION_CONTROL -> List.of();
      // Unknown: the body or script may lock anything (see known()).
      case CREATE_EXTENSION, ALTER_EXTENSION, DO_BLOCK, CALL, UNRECOGNIZED -> List.of();
    };
  }

  /** An {@code ALTER … IF EXISTS} whose relation the complete schema lacks ({@code DROP} is per name). */
  private static boolean findsNothing(Operation operation, LockContext context) {
    if (operation instanceof TableAction action && action.table().ifExists()) {
      return context.knownMissing(context.resolve(action.table().name()));
    }
    if (operation instanceof Rename rename && rename.ifExists()) {
      return switch (rename.objectType()) {
        case INDEX -> context.knownMissing(context.resolveIndex(rename.name()));
        case TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> context.knownMissing(context.resolve(rename.name()));
        case COLUMN, CONSTRAINT -> rename.onTable() != null && context.knownMissing(context.resolve(rename.onTable()));
        default -> false;
      };
    }
    return false;
  }

  private static List<LockEffect> setTablespace(SetTablespace set, LockContext context) {
    // SQL Commands: ALTER TABLE / ALTER INDEX, SET TABLESPACE: ACCESS EXCLUSIVE while the files are copied.
    return StatementLocks.onRelation(set.objectType(), set.name(), ACCESS_EXCLUSIVE,
        true, "SET TABLESPACE copies the files under ACCESS EXCLUSIVE", context);
  }

  private static List<LockEffect> rename(Rename rename, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    switch (rename.objectType()) {
      // SQL Commands: ALTER INDEX, RENAME: SHARE UPDATE EXCLUSIVE (12+); ALTER TABLE, RENAME: ACCESS EXCLUSIVE.
      case INDEX -> effects.add(LockEffect.lock(context.resolveIndex(rename.name()),
          context.atLeast(12) ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE, "ALTER INDEX RENAME"));
      case TABLE, FOREIGN_TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE -> effects.addAll(StatementLocks.onRelation(
          rename.objectType(), rename.name(), ACCESS_EXCLUSIVE, false, "RENAME takes ACCESS EXCLUSIVE", context));
      case TRIGGER, POLICY, RULE, COLUMN, CONSTRAINT -> {
        if (rename.onTable() != null) {
          effects.add(LockEffect.lock(context.resolve(rename.onTable()), ACCESS_EXCLUSIVE,
              "ALTER " + rename.objectType().sql() + " RENAME takes ACCESS EXCLUSIVE on its table"));
        }
      }
      default -> {
        // Types, functions, schemas: no table lock.
      }
    }
    return effects;
  }
}
