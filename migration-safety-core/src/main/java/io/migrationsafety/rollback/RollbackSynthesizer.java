package io.migrationsafety.rollback;

import io.migrationsafety.operation.AddIdentity;
import io.migrationsafety.operation.DropColumnDefault;
import io.migrationsafety.operation.DropIdentity;
import io.migrationsafety.operation.DropNotNull;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.OperationKind;
import io.migrationsafety.operation.SetColumnDefault;
import io.migrationsafety.operation.SetNotNull;
import io.migrationsafety.operation.SetSetting;
import io.migrationsafety.parse.ParsedScript;
import io.migrationsafety.parse.ParsedStatement;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.replay.ReplayStep;
import io.migrationsafety.schema.replay.SchemaReplayer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the inverse of a forward migration: each operation is replayed on the schema model to
 * learn the schema before and after it (and PostgreSQL's generated names), and undone from that,
 * last operation first. What cannot be undone is an {@link Irreversible} step with the reason.
 *
 * <p>Stateless and thread-safe.
 */
public final class RollbackSynthesizer {

  /** Kinds the schema model follows fully: when replay sees no change, there is nothing to undo. */
  private static final Set<OperationKind> STRUCTURAL = EnumSet.of(OperationKind.ADD_COLUMN,
      OperationKind.DROP_COLUMN, OperationKind.RENAME_COLUMN, OperationKind.ALTER_COLUMN_TYPE,
      OperationKind.SET_COLUMN_DEFAULT, OperationKind.DROP_COLUMN_DEFAULT, OperationKind.SET_NOT_NULL,
      OperationKind.DROP_NOT_NULL, OperationKind.ADD_IDENTITY, OperationKind.DROP_IDENTITY,
      OperationKind.ADD_CONSTRAINT, OperationKind.DROP_CONSTRAINT, OperationKind.RENAME_CONSTRAINT,
      OperationKind.SET_LOGGED);

  private RollbackSynthesizer() {}

  /**
   * The rollback of {@code script}, applied on {@code before}.
   *
   * @param script the forward migration, parsed
   * @param before the schema before it
   * @param defaultSchema the schema unqualified names resolve to ({@code public} when {@code null})
   * @return the steps that undo it, in the order they must run (the last forward operation first)
   */
  public static List<RollbackStep> synthesize(ParsedScript script, Schema before, String defaultSchema) {
    String schemaName = defaultSchema == null ? "public" : defaultSchema;
    List<RollbackStep> steps = new ArrayList<>();
    Map<String, String> settings = new HashMap<>();
    SessionInverses.ScriptTransaction transaction = new SessionInverses.ScriptTransaction();
    Schema schema = before;
    for (ParsedStatement statement : script.statements()) {
      for (Operation op : statement.operations()) {
        ReplayStep replay = SchemaReplayer.apply(schema, op, schemaName);
        Forward forward = new Forward(op, schema, replay.after(), schemaName, statement, script.source());
        RollbackStep step;
        RollbackStep withoutSchema = !replay.isClean() && replay.missingObjects().size() == replay.problems().size()
            ? UnknownTableInverses.inverse(forward) : null;
        if (withoutSchema != null) {
          step = withoutSchema;
        } else if (!replay.isClean()) {
          step = Irreversible.of(forward.line(), "the statement would fail on the schema before it ("
              + String.join("; ", replay.problems()) + "), so there is nothing sure to undo");
        } else {
          try {
            step = op instanceof SetSetting set ? setting(forward, set, settings)
                : op.kind() == OperationKind.TRANSACTION_CONTROL ? SessionInverses.transaction(forward, transaction)
                : inverse(forward);
          } catch (RuntimeException e) {
            // A gap in the synthesizer must not pass as reversible.
            step = Irreversible.of(forward.line(), "the rollback of this " + op.kind() + " could not be written ("
                + e + ")");
          }
        }
        steps.add(step);
        schema = replay.after();
      }
    }
    Collections.reverse(steps);
    return viewsLast(steps, before);
  }

  /**
   * A view that existed before the migration and is re-created by the rollback goes last: its
   * definition names tables and columns as they were before the migration, which is where the
   * rollback ends, not where the drop it undoes stood (a table renamed after the drop has its old
   * name back only once the rename is undone).
   */
  private static List<RollbackStep> viewsLast(List<RollbackStep> steps, Schema before) {
    Set<String> former = new java.util.HashSet<>();
    before.views().values().forEach(v -> former.add(Restore.createView(v)));
    List<RollbackStep> out = new ArrayList<>();
    List<RollbackStep> last = new ArrayList<>();
    for (RollbackStep step : steps) {
      if (step instanceof Inverse inverse && inverse.statements().stream().anyMatch(former::contains)) {
        List<String> stay = inverse.statements().stream().filter(s -> !former.contains(s)).toList();
        List<String> move = inverse.statements().stream().filter(former::contains).toList();
        String note = "the view is re-created at the end of the rollback, where the names it uses are back";
        out.add(new Inverse(inverse.line(), stay, concat(inverse.notes(), note), inverse.dataLoss(),
            inverse.outsideTransaction()));
        last.add(new Inverse(inverse.line(), move, List.of(), false, false));
      } else {
        out.add(step);
      }
    }
    // Inside the transaction the reversed script opens, when it ends with the COMMIT that undoes a BEGIN.
    int at = out.size();
    if (at > 0 && out.get(at - 1) instanceof Inverse end && end.statements().equals(List.of("COMMIT"))) {
      at--;
    }
    out.addAll(at, last);
    return List.copyOf(out);
  }

  private static List<String> concat(List<String> list, String item) {
    List<String> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }

  /** SET is undone by the value in force before it, as far as the script shows it; else RESET. */
  private static RollbackStep setting(Forward f, SetSetting set, Map<String, String> settings) {
    String former = settings.get(set.name());
    if (set.reset()) {
      settings.remove(set.name());
    } else {
      settings.put(set.name(), set.value());
    }
    if (set.name().equals("all")) {
      return Inverse.nothing(f.line(), "RESET ALL: the former settings are not known");
    }
    if (set.name().equals("role") || set.name().equals("session_authorization")) {
      return Inverse.of(f.line(), "RESET " + set.name());
    }
    String local = set.local() ? "SET LOCAL " : "SET ";
    if (former != null) {
      return Inverse.of(f.line(), local + set.name() + " = " + former);
    }
    return set.reset() ? Inverse.nothing(f.line(), "the value before RESET " + set.name() + " is not known")
        : Inverse.of(f.line(), "RESET " + set.name());
  }

  /** One case per kind, with no default: a new kind does not compile until its inverse is decided. */
  private static RollbackStep inverse(Forward f) {
    Operation op = f.op();
    int line = f.line();
    if (STRUCTURAL.contains(op.kind()) && f.unchanged()) {
      return Inverse.nothing(line, "changes nothing on this schema (IF [NOT] EXISTS, or already so): nothing to undo");
    }
    switch (op.kind()) {
      case CREATE_TABLE: return ObjectInverses.createTable(f);
      case ADD_COLUMN: return TableActionInverses.addColumn(f);
      case DROP_COLUMN: return TableActionInverses.dropColumn(f);
      case RENAME_COLUMN: return TableActionInverses.renameColumn(f);
      case ALTER_COLUMN_TYPE: return TableActionInverses.alterType(f);
      case SET_COLUMN_DEFAULT: return TableActionInverses.defaultChange(f, ((SetColumnDefault) op).column());
      case DROP_COLUMN_DEFAULT: return TableActionInverses.defaultChange(f, ((DropColumnDefault) op).column());
      case SET_NOT_NULL: return TableActionInverses.notNullChange(f, ((SetNotNull) op).column());
      case DROP_NOT_NULL: return TableActionInverses.notNullChange(f, ((DropNotNull) op).column());
      case ADD_IDENTITY: return TableActionInverses.addIdentity(f, ((AddIdentity) op).column());
      case DROP_IDENTITY: return f.unchanged() ? Inverse.nothing(line, "no identity was dropped")
          : TableActionInverses.dropIdentity(f, ((DropIdentity) op).column());
      case ALTER_IDENTITY: return TableActionInverses.notModelled(f, "identity sequence options");
      case ALTER_COLUMN_ATTRIBUTE: return TableActionInverses.notModelled(f, "column storage or statistics");
      case ADD_CONSTRAINT: return TableActionInverses.addConstraint(f);
      case DROP_CONSTRAINT: return f.unchanged() ? Inverse.nothing(line, "nothing was dropped (IF EXISTS)")
          : TableActionInverses.dropConstraint(f);
      case VALIDATE_CONSTRAINT: return Inverse.nothing(line, "validating changes no structure: nothing to undo");
      case RENAME_CONSTRAINT: return TableActionInverses.renameConstraint(f);
      case ALTER_CONSTRAINT: return TableActionInverses.notModelled(f, "constraint deferrability");
      case ATTACH_PARTITION: return TableActionInverses.notModelled(f, "partition bound");
      case DETACH_PARTITION: return TableActionInverses.notModelled(f, "partition bound");
      case SET_LOGGED: return TableActionInverses.setLogged(f);
      case SET_TRIGGER_STATE: return TableActionInverses.notModelled(f, "trigger state");
      case SET_ROW_LEVEL_SECURITY: return TableActionInverses.notModelled(f, "row-level security setting");
      case ALTER_TABLE_SETTING: return TableActionInverses.notModelled(f, "table storage parameter");
      case SET_TABLESPACE: return TableActionInverses.notModelled(f, "tablespace");
      case RENAME: return ObjectInverses.rename(f);
      case SET_SCHEMA: return ObjectInverses.setSchema(f);
      case CHANGE_OWNER: return TableActionInverses.notModelled(f, "owner");
      case DROP: return DropInverses.drop(f);
      case CREATE_INDEX: return ObjectInverses.createIndex(f);
      case ALTER_INDEX: return TableActionInverses.notModelled(f, "index setting");
      case REINDEX: return Inverse.nothing(line, "rebuilding an index changes no structure: nothing to undo");
      case CREATE_TYPE:
      case CREATE_DOMAIN:
      case CREATE_SEQUENCE:
      case CREATE_SCHEMA:
      case CREATE_EXTENSION:
        return ObjectInverses.createObject(f);
      case ALTER_DOMAIN: return TableActionInverses.notModelled(f, "domain definition");
      case ADD_ENUM_VALUE: return ObjectInverses.addEnumValue(f);
      case RENAME_ENUM_VALUE: return ObjectInverses.renameEnumValue(f);
      case ALTER_COMPOSITE_TYPE: return TableActionInverses.notModelled(f, "composite type definition");
      case ALTER_SEQUENCE: return TableActionInverses.notModelled(f, "sequence options");
      case CREATE_VIEW: return ObjectInverses.createView(f);
      case ALTER_VIEW: return TableActionInverses.notModelled(f, "view setting");
      case REFRESH_MATERIALIZED_VIEW: return Inverse.nothing(line, "refreshing changes no structure: nothing to undo");
      case ALTER_EXTENSION: return TableActionInverses.notModelled(f, "extension version");
      case CREATE_FUNCTION:
      case CREATE_TRIGGER:
      case CREATE_POLICY:
        return ObjectInverses.createRoutine(f);
      case ALTER_FUNCTION: return TableActionInverses.notModelled(f, "function definition");
      case DO_BLOCK:
      case CALL:
        return Irreversible.of(line, "runs code whose effects the rollback cannot know");
      case COMMENT: return SessionInverses.comment(f);
      case CHANGE_PRIVILEGES: return SessionInverses.privileges(f);
      case CHANGE_ROLE: return TableActionInverses.notModelled(f, "role definition");
      case TRUNCATE: return new Irreversible(line, "TRUNCATE deletes every row; the rollback cannot bring them back",
          "restore from a backup");
      case LOCK_TABLE:
      case VACUUM:
      case CLUSTER:
      case SET_CONSTRAINTS:
      case QUERY:
        return Inverse.nothing(line, null);
      case SET_SETTING: throw new IllegalStateException("handled by setting()");
      case TRANSACTION_CONTROL: throw new IllegalStateException("handled by SessionInverses.transaction()");
      case DATA_CHANGE: return SessionInverses.dataChange(f);
      case UNRECOGNIZED: return Irreversible.of(line, "the statement was not understood, so it cannot be undone");
      default: throw new IllegalStateException("unhandled " + op.kind());
    }
  }
}
