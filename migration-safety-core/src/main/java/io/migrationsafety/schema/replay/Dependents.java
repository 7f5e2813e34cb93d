package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Foreign keys seen from the table they reference: what blocks a drop without {@code CASCADE}
 * (PostgreSQL refuses to drop what another table's foreign key depends on), what {@code CASCADE}
 * removes, and how the references follow a renamed or moved table or column. Each call scans the
 * tables once, and rebuilds only those it changes.
 */
final class Dependents {

  private Dependents() {}

  /**
   * {@code schema} without the foreign keys that reference {@code table} and match {@code which};
   * a problem instead when there are some and {@code cascade} is false.
   *
   * @param what the dropped object, as the problem names it
   */
  static Change foreignKeysOn(Schema schema, QualifiedName table, Predicate<Constraint> which, boolean cascade,
      String what) {
    Schema result = schema;
    for (Table t : schema.tables().values()) {
      List<Constraint> kept = new ArrayList<>(t.constraints().size());
      for (Constraint c : t.constraints()) {
        if (c.kind() == ConstraintKind.FOREIGN_KEY && table.equals(c.referencedTable()) && which.test(c)) {
          if (!cascade) {
            return Change.fail("cannot drop " + what + " because constraint " + Problems.quoted(c.name())
                + " on table " + t.name().sql() + " depends on it (use CASCADE to drop it too)");
          }
        } else {
          kept.add(c);
        }
      }
      if (kept.size() != t.constraints().size()) {
        result = result.withTable(t.withConstraints(kept));
      }
    }
    return Change.ok(result);
  }

  /** {@code schema} with foreign keys referencing column {@code from} of {@code table} following its rename. */
  static Schema renameReferencedColumn(Schema schema, QualifiedName table, String from, String to) {
    Schema result = schema;
    for (Table t : schema.tables().values()) {
      if (t.name().equals(table)) {
        continue;
      }
      List<Constraint> constraints = new ArrayList<>(t.constraints().size());
      boolean changed = false;
      for (Constraint c : t.constraints()) {
        if (table.equals(c.referencedTable()) && c.referencedColumns().contains(from)) {
          c = new Constraint(c.name(), c.kind(), c.columns(), c.expression(), c.referencedTable(),
              ColumnReplay.replace(c.referencedColumns(), from, to), c.onDelete(), c.onUpdate(), c.valid(),
              c.deferrable(), c.initiallyDeferred(), c.index());
          changed = true;
        }
        constraints.add(c);
      }
      if (changed) {
        result = result.withTable(t.withConstraints(constraints));
      }
    }
    return result;
  }

  /**
   * {@code schema} with every reference to table {@code from} (foreign keys, partition parents)
   * pointing at {@code to}, after a rename or a move to another schema.
   */
  static Schema retarget(Schema schema, QualifiedName from, QualifiedName to) {
    Schema result = schema;
    for (Table t : schema.tables().values()) {
      boolean changed = false;
      List<Constraint> constraints = new ArrayList<>(t.constraints().size());
      for (Constraint c : t.constraints()) {
        if (from.equals(c.referencedTable())) {
          c = new Constraint(c.name(), c.kind(), c.columns(), c.expression(), to, c.referencedColumns(),
              c.onDelete(), c.onUpdate(), c.valid(), c.deferrable(), c.initiallyDeferred(), c.index());
          changed = true;
        }
        constraints.add(c);
      }
      Table updated = changed ? t.withConstraints(constraints) : t;
      if (from.equals(t.partitionOf())) {
        updated = Tables.withPartitionOf(updated, to);
        changed = true;
      }
      if (changed) {
        result = result.withTable(updated);
      }
    }
    return result;
  }
}
