package io.migrationsafety.rollback;

import io.migrationsafety.operation.AddColumn;
import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateIndex;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import java.util.Set;

/**
 * Inverses that follow from the statement alone, for statements on objects the known schema lacks
 * (the migrations run on a database nobody described). If the statement ran, what it added did
 * not exist before (it has no IF NOT EXISTS) and has the name it gives, so removing that name
 * undoes it; a rename is undone by renaming back. Anything that needs the former state (a type, a
 * default, a dropped definition) stays irreversible.
 */
final class UnknownTableInverses {

  private static final String NOTE = "written from the statement alone: the object it changes is not in the "
      + "known schema (give --schema or --database-url to check it)";

  /** Constraints whose drop undoes their add; a primary key also sets NOT NULL, which may have been there. */
  private static final Set<ConstraintKind> DROPPABLE = Set.of(ConstraintKind.CHECK, ConstraintKind.FOREIGN_KEY,
      ConstraintKind.UNIQUE, ConstraintKind.EXCLUDE);

  private UnknownTableInverses() {}

  /** The inverse of {@code f} without the schema, or null when it needs the former state. */
  static RollbackStep inverse(Forward f) {
    RollbackStep step;
    switch (f.op().kind()) {
      case ADD_COLUMN:
        step = ((AddColumn) f.op()).ifNotExists() ? null : TableActionInverses.addColumn(f);
        break;
      case CREATE_INDEX:
        step = createIndex(f, (CreateIndex) f.op());
        break;
      case ADD_CONSTRAINT:
        AddConstraint add = (AddConstraint) f.op();
        step = add.constraint().name() == null || add.constraint().usingIndex() != null
            || !DROPPABLE.contains(add.constraint().kind()) ? null
            : Inverse.of(f.line(), "ALTER TABLE " + f.qualify(add.table().name()).sql() + " DROP CONSTRAINT "
                + RollbackSql.q(add.constraint().name()));
        break;
      case RENAME_COLUMN:
        step = TableActionInverses.renameColumn(f);
        break;
      case RENAME_CONSTRAINT:
        step = TableActionInverses.renameConstraint(f);
        break;
      case RENAME:
        step = ObjectInverses.rename(f);
        break;
      default:
        step = null;
    }
    return step instanceof Inverse inverse ? inverse.withNote(NOTE) : step;
  }

  private static RollbackStep createIndex(Forward f, CreateIndex op) {
    if (op.name() == null || op.ifNotExists()) {
      return null; // PostgreSQL picks a name that depends on what exists
    }
    QualifiedName index = QualifiedName.of(f.qualify(op.table().name()).schema(), op.name());
    Inverse inverse = Inverse.of(f.line(), "DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + index.sql());
    return op.concurrently() ? inverse.mustRunOutsideTransaction() : inverse;
  }
}
