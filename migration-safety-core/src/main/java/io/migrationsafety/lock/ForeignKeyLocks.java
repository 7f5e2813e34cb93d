package io.migrationsafety.lock;

import static io.migrationsafety.lock.LockMode.ROW_EXCLUSIVE;
import static io.migrationsafety.lock.LockMode.ROW_SHARE;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DataChange;
import io.migrationsafety.operation.DmlKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The locks foreign keys add to a data change: their checks and actions run as triggers inside the
 * statement (DDL, Constraints, Foreign Keys; the lock modes are not documented and were measured on
 * 13 and 17). They fire per changed row, so a statement that changes no row takes none of them: the
 * model names them whenever rows may change, which is at most what the server takes.
 */
final class ForeignKeyLocks {

  private ForeignKeyLocks() {}

  static List<LockEffect> dataChange(DataChange change, QualifiedName table, LockContext context) {
    Optional<Table> known = context.table(table);
    List<LockEffect> effects = new ArrayList<>();
    known.ifPresent(t -> effects.addAll(checks(change, t, context)));
    effects.addAll(actions(change, table, context));
    return effects;
  }

  /**
   * A new or changed non-NULL foreign key value is checked by reading the referenced row
   * {@code FOR KEY SHARE}: ROW SHARE on the referenced table. An INSERT whose column list leaves
   * the key out (and without a default) inserts NULL and checks nothing; an UPDATE that does not
   * assign the key's columns keeps it and checks nothing.
   */
  private static List<LockEffect> checks(DataChange change, Table table, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    if (change.dmlKind() == DmlKind.DELETE) {
      return effects;
    }
    for (Constraint fk : table.constraints()) {
      if (fk.kind() != ConstraintKind.FOREIGN_KEY || fk.referencedTable() == null) {
        continue;
      }
      QualifiedName referenced = context.resolve(fk.referencedTable());
      if (!referenced.equals(table.name()) && mayWrite(change, table, fk.columns())) {
        effects.add(LockEffect.lock(referenced, ROW_SHARE, change.dmlKind().name()
            + " checks the foreign key " + fk.name() + ": ROW SHARE on the referenced table"));
      }
    }
    return effects;
  }

  private static boolean mayWrite(DataChange change, Table table, List<String> columns) {
    if (change.columns().isEmpty() || change.dmlKind() == DmlKind.MERGE || columns.isEmpty()) {
      return true;
    }
    for (String column : columns) {
      if (change.columns().contains(column)) {
        return true;
      }
      boolean defaulted = table.column(column).map(Column::defaultValue).isPresent();
      if (change.dmlKind() != DmlKind.UPDATE && defaulted) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deleting a referenced row, or changing its key, runs each referencing foreign key's action:
   * NO ACTION and RESTRICT look for referencing rows (ROW SHARE on the referencing table); CASCADE,
   * SET NULL and SET DEFAULT change them (ROW EXCLUSIVE). An UPDATE that does not assign a
   * referenced column keeps the keys and runs none.
   */
  private static List<LockEffect> actions(DataChange change, QualifiedName table, LockContext context) {
    List<LockEffect> effects = new ArrayList<>();
    if (change.dmlKind() == DmlKind.INSERT || change.dmlKind() == DmlKind.COPY) {
      return effects;
    }
    for (Table other : context.before().tables().values()) {
      if (other.name().equals(table)) {
        continue;
      }
      for (Constraint fk : other.constraints()) {
        if (fk.kind() != ConstraintKind.FOREIGN_KEY || fk.referencedTable() == null
            || !context.resolve(fk.referencedTable()).equals(table)) {
          continue;
        }
        List<String> key = Relations.referencedColumns(context, table, fk);
        boolean keyChanges = change.dmlKind() != DmlKind.UPDATE || change.columns().isEmpty() || key.isEmpty()
            || !Collections.disjoint(key, change.columns());
        if (!keyChanges) {
          continue;
        }
        List<ReferentialAction> actions = switch (change.dmlKind()) {
          case DELETE -> List.of(action(fk.onDelete()));
          case UPDATE -> List.of(action(fk.onUpdate()));
          default -> List.of(action(fk.onDelete()), action(fk.onUpdate()));
        };
        boolean writes = actions.stream().anyMatch(a -> a != ReferentialAction.NO_ACTION && a != ReferentialAction.RESTRICT);
        effects.add(LockEffect.lock(other.name(), writes ? ROW_EXCLUSIVE : ROW_SHARE,
            change.dmlKind().name() + " runs the ON " + (change.dmlKind() == DmlKind.UPDATE ? "UPDATE" : "DELETE")
                + " action of " + fk.name() + (writes ? ", which changes referencing rows" : ", which looks for referencing rows")));
      }
    }
    return effects;
  }

  private static ReferentialAction action(ReferentialAction action) {
    return action == null ? ReferentialAction.NO_ACTION : action;
  }
}
