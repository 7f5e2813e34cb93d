package io.migrationsafety.rollback;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import io.migrationsafety.sql.SqlLiteral;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a forward step made vanish (by comparing the schema before and after it) and writes
 * the DDL that re-creates the structure: constraints, indexes, views, enum types. Used by every
 * drop, because a drop can take dependents with it ({@code CASCADE}, a column's indexes).
 */
final class Restore {

  private Restore() {}

  /**
   * What vanished between {@code before} and {@code after}.
   *
   * @param statements DDL that re-creates the vanished structure, in an order that works
   * @param tables vanished tables (their data cannot come back)
   * @param unrestorable vanished objects the model cannot re-create, in words
   */
  record Vanished(List<String> statements, List<QualifiedName> tables, List<String> unrestorable) {}

  static Vanished between(Schema before, Schema after) {
    List<String> early = new ArrayList<>();
    List<String> late = new ArrayList<>();
    List<QualifiedName> tables = new ArrayList<>();
    List<String> unrestorable = new ArrayList<>();
    for (UserType type : before.types().values()) {
      if (!after.types().containsKey(type.name())) {
        if (type.kind() == UserType.Kind.ENUM) {
          early.add("CREATE TYPE " + type.name().sql() + " AS ENUM ("
              + String.join(", ", type.labels().stream().map(SqlLiteral::of).toList()) + ")");
        } else {
          unrestorable.add("type " + type.name().sql() + " (its definition is not modelled)");
        }
      }
    }
    Set<String> constraintIndexes = new HashSet<>();
    for (Table table : before.tables().values()) {
      Table now = after.tables().get(table.name());
      if (now == null) {
        tables.add(table.name());
        continue;
      }
      for (Constraint c : table.constraints()) {
        if (c.index() != null) {
          constraintIndexes.add(c.index());
        }
        if (now.constraint(c.name()).filter(c::equals).isEmpty()) {
          (c.kind() == ConstraintKind.FOREIGN_KEY ? late : early).add(RollbackSql.addConstraint(table.name(), c));
        }
      }
    }
    List<String> indexes = new ArrayList<>();
    for (Index index : before.indexes().values()) {
      if (!after.indexes().containsKey(index.name()) && after.tables().containsKey(index.table())
          && !constraintIndexes.contains(index.name().name())) {
        indexes.add(RollbackSql.createIndex(index, false));
      }
    }
    List<String> views = new ArrayList<>();
    for (View view : before.views().values()) {
      if (!after.views().containsKey(view.name())) {
        views.add(createView(view));
      }
    }
    List<String> all = new ArrayList<>(early);
    all.addAll(indexes);
    all.addAll(late);
    all.addAll(views);
    return new Vanished(all, tables, unrestorable);
  }

  static String createView(View view) {
    return "CREATE " + (view.materialized() ? "MATERIALIZED " : "") + "VIEW " + view.name().sql() + " AS "
        + view.body();
  }
}
