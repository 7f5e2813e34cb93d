package io.migrationsafety.lock;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** Relations related to a table in the schema before the statement: partitions, foreign keys. */
final class Relations {

  private Relations() {}

  /** The partitions of {@code parent}, at every depth. */
  static List<QualifiedName> partitions(LockContext context, QualifiedName parent) {
    List<QualifiedName> result = new ArrayList<>();
    for (Table table : context.before().tables().values()) {
      if (parent.equals(table.partitionOf())) {
        result.add(table.name());
        result.addAll(partitions(context, table.name()));
      }
    }
    return result;
  }

  /** The tables {@code table}'s foreign keys reference, other than itself. */
  static List<QualifiedName> referenced(LockContext context, QualifiedName table) {
    List<QualifiedName> result = new ArrayList<>();
    context.table(table).ifPresent(t -> {
      for (Constraint c : t.constraints()) {
        if (c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null) {
          QualifiedName other = context.resolve(c.referencedTable());
          if (!other.equals(table) && !result.contains(other)) {
            result.add(other);
          }
        }
      }
    });
    return result;
  }

  /** The tables with a foreign key referencing {@code table}, other than itself. */
  static List<QualifiedName> referencing(LockContext context, QualifiedName table) {
    List<QualifiedName> result = new ArrayList<>();
    for (Table t : context.before().tables().values()) {
      if (t.name().equals(table)) {
        continue;
      }
      for (Constraint c : t.constraints()) {
        if (c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null
            && context.resolve(c.referencedTable()).equals(table) && !result.contains(t.name())) {
          result.add(t.name());
        }
      }
    }
    return result;
  }
}
