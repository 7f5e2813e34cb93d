package io.migrationsafety.rollback;

import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.rollback.RollbackStep.Inverse;
import io.migrationsafety.rollback.RollbackStep.Irreversible;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inverse of {@code DROP}: the structure the model knows is re-created from the schema before;
 * a drop that takes rows with it (a table, a sequence's position aside) is irreversible.
 */
final class DropInverses {

  /** Objects whose definition the schema model keeps, so that a drop can be undone. */
  private static final Set<ObjectType> MODELLED = Set.of(ObjectType.TABLE, ObjectType.INDEX, ObjectType.VIEW,
      ObjectType.MATERIALIZED_VIEW, ObjectType.TYPE, ObjectType.SEQUENCE, ObjectType.SCHEMA, ObjectType.EXTENSION,
      ObjectType.DOMAIN);

  private DropInverses() {}

  static RollbackStep drop(Forward f) {
    Drop op = (Drop) f.op();
    if (!MODELLED.contains(op.objectType())) {
      return new Irreversible(f.line(), "the definition of the dropped " + op.objectType().sql().toLowerCase()
          + " " + names(op) + " is not modelled, so it cannot be re-created",
          "copy its definition from the migration that created it into the rollback by hand");
    }
    if (f.unchanged()) {
      return Inverse.nothing(f.line(), "nothing was dropped (IF EXISTS): nothing to undo");
    }
    Restore.Vanished vanished = Restore.between(f.before(), f.after());
    if (!vanished.tables().isEmpty()) {
      return new Irreversible(f.line(), "dropping table " + vanished.tables().stream().map(QualifiedName::sql)
          .collect(Collectors.joining(", ")) + " deletes its rows; the rollback cannot bring them back",
          "restore from a backup; to keep a way back, rename the table aside in the forward migration"
              + " and drop it in a later one");
    }
    if (!vanished.unrestorable().isEmpty()) {
      return Irreversible.of(f.line(), "cannot re-create " + String.join(", ", vanished.unrestorable()));
    }
    List<String> sql = new ArrayList<>();
    for (String schema : f.before().schemas()) {
      if (!f.after().schemas().contains(schema)) {
        sql.add("CREATE SCHEMA " + RollbackSql.q(schema));
      }
    }
    for (String extension : f.before().extensions()) {
      if (!f.after().extensions().contains(extension)) {
        sql.add("CREATE EXTENSION " + RollbackSql.q(extension));
      }
    }
    boolean sequenceLost = false;
    for (Sequence s : f.before().sequences().values()) {
      if (!f.after().sequences().containsKey(s.name())) {
        sql.add("CREATE SEQUENCE " + s.name().sql());
        if (s.ownedBy() != null) {
          sql.add("ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + s.ownedBy());
        }
        sequenceLost = true;
      }
    }
    List<String> structure = vanished.statements();
    if (op.concurrently()) {
      structure = structure.stream().map(s -> concurrently(f, s)).collect(Collectors.toList());
    }
    sql.addAll(structure);
    Inverse inverse = new Inverse(f.line(), sql, List.of(), false, false);
    if (op.concurrently()) {
      inverse = inverse.mustRunOutsideTransaction();
    }
    if (sequenceLost) {
      inverse = inverse.withDataLoss("the sequence restarts at 1 with default options: set it with setval and"
          + " ALTER SEQUENCE");
    }
    if (op.objectType() == ObjectType.MATERIALIZED_VIEW) {
      inverse = inverse.withNote("the materialized view is filled again by running its query");
    }
    return inverse;
  }

  /** A re-created index is built CONCURRENTLY when the forward drop was concurrent. */
  private static String concurrently(Forward f, String statement) {
    for (Index index : f.before().indexes().values()) {
      if (statement.equals(RollbackSql.createIndex(index, false))) {
        return RollbackSql.createIndex(index, true);
      }
    }
    return statement;
  }

  private static String names(Drop op) {
    return op.names().stream().map(QualifiedName::sql).collect(Collectors.joining(", "));
  }
}
