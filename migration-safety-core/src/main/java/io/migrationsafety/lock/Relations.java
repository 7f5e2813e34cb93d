package io.migrationsafety.lock;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /**
   * The tables, other than {@code table} itself, with a foreign key that references {@code key} (a
   * primary key or unique constraint of {@code table}); every referencing table when {@code key} is
   * {@code null} (not known), none when it is no such key.
   */
  static List<QualifiedName> referencingKey(LockContext context, QualifiedName table, Constraint key) {
    if (key != null && key.kind() != ConstraintKind.PRIMARY_KEY && key.kind() != ConstraintKind.UNIQUE) {
      return List.of();
    }
    List<QualifiedName> result = new ArrayList<>();
    for (Table t : context.before().tables().values()) {
      if (t.name().equals(table)) {
        continue;
      }
      for (Constraint c : t.constraints()) {
        if (c.kind() == ConstraintKind.FOREIGN_KEY && c.referencedTable() != null
            && context.resolve(c.referencedTable()).equals(table)
            && (key == null || references(referencedColumns(context, table, c), key.columns()))
            && !result.contains(t.name())) {
          result.add(t.name());
        }
      }
    }
    return result;
  }

  /** Whether a foreign key to {@code referenced} (empty: not known, so perhaps) uses {@code key}. */
  private static boolean references(List<String> referenced, List<String> key) {
    return referenced.isEmpty() || Set.copyOf(referenced).equals(Set.copyOf(key));
  }

  /**
   * The columns of {@code table} that {@code foreignKey} references: those it names, or the primary
   * key's; empty when neither is known.
   */
  static List<String> referencedColumns(LockContext context, QualifiedName table, Constraint foreignKey) {
    if (!foreignKey.referencedColumns().isEmpty()) {
      return foreignKey.referencedColumns();
    }
    return context.table(table).flatMap(Table::primaryKey).map(Constraint::columns).orElse(List.of());
  }

  /**
   * The tables with a column of type {@code type} or an array of it. A column's type written
   * without a schema is taken to be {@code type} whatever schema that is in: at most the tables
   * that really use it.
   */
  static List<Table> tablesUsingType(LockContext context, QualifiedName type) {
    String qualified = type.schema() + "." + type.name();
    return context.before().tables().values().stream()
        .filter(t -> t.columns().stream().anyMatch(
            c -> c.type().name().equals(type.name()) || c.type().name().equals(qualified)))
        .toList();
  }

  /** The tables with a foreign key referencing {@code table}, other than itself. */
  static List<QualifiedName> referencing(LockContext context, QualifiedName table) {
    return referencingKey(context, table, null);
  }
}
