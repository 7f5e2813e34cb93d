package io.migrationsafety.rollback;

import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The differences between two schemas, in words. Column order is not compared: PostgreSQL appends a
 * re-added column at the end and no DDL can move it, so a rollback cannot restore the order.
 * Row estimates and sizes are not compared either: they are statistics, not structure.
 */
final class SchemaDiff {

  private SchemaDiff() {}

  static List<String> between(Schema expected, Schema actual) {
    List<String> out = new ArrayList<>();
    for (QualifiedName name : union(expected.tables().keySet(), actual.tables().keySet())) {
      Table e = expected.tables().get(name);
      Table a = actual.tables().get(name);
      if (e == null || a == null) {
        out.add(presence("table", name.sql(), e != null));
      } else {
        tableDiff(e, a, out);
      }
    }
    mapDiff("index", expected.indexes(), actual.indexes(), out);
    mapDiff("type", expected.types(), actual.types(), out);
    mapDiff("sequence", expected.sequences(), actual.sequences(), out);
    mapDiff("view", withoutSemicolons(expected.views()), withoutSemicolons(actual.views()), out);
    setDiff("schema", expected.schemas(), actual.schemas(), out);
    setDiff("extension", expected.extensions(), actual.extensions(), out);
    return out;
  }

  private static void tableDiff(Table e, Table a, List<String> out) {
    String t = e.name().sql();
    keyed("column", t, canonical(e.columns()), canonical(a.columns()), Column::name, out);
    keyed("constraint", t, e.constraints(), a.constraints(), Constraint::name, out);
    if (e.persistence() != a.persistence()) {
      out.add("table " + t + " is " + a.persistence() + ", was " + e.persistence());
    }
    if (!Objects.equals(e.partitionOf(), a.partitionOf()) || !Objects.equals(e.partitionBy(), a.partitionBy())) {
      out.add("table " + t + " has other partitioning than before");
    }
  }

  /** Types compared as PostgreSQL reads them: {@code int} and {@code integer} are the same type. */
  private static List<Column> canonical(List<Column> columns) {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      DataType t = c.type();
      out.add(c.withType(new DataType(t.name(), t.modifiers(), t.arrayDimensions(), t.sql())));
    }
    return out;
  }

  private static <T> void keyed(String what, String table, List<T> expected, List<T> actual,
      Function<T, String> key, List<String> out) {
    for (T e : expected) {
      T match = actual.stream().filter(x -> key.apply(x).equals(key.apply(e))).findFirst().orElse(null);
      if (match == null) {
        out.add(what + " " + key.apply(e) + " of table " + table + " is missing");
      } else if (!match.equals(e)) {
        out.add(what + " " + key.apply(e) + " of table " + table + " differs: was " + e + ", is " + match);
      }
    }
    for (T a : actual) {
      if (expected.stream().noneMatch(x -> key.apply(x).equals(key.apply(a)))) {
        out.add(what + " " + key.apply(a) + " of table " + table + " is left over");
      }
    }
  }

  private static <V> void mapDiff(String what, Map<QualifiedName, V> expected, Map<QualifiedName, V> actual,
      List<String> out) {
    for (QualifiedName name : union(expected.keySet(), actual.keySet())) {
      V e = expected.get(name);
      V a = actual.get(name);
      if (e == null || a == null) {
        out.add(presence(what, name.sql(), e != null));
      } else if (!e.equals(a)) {
        out.add(what + " " + name.sql() + " differs: was " + e + ", is " + a);
      }
    }
  }

  private static void setDiff(String what, Set<String> expected, Set<String> actual, List<String> out) {
    for (String name : new TreeSet<>(union(expected, actual))) {
      if (expected.contains(name) != actual.contains(name)) {
        out.add(presence(what, name, expected.contains(name)));
      }
    }
  }

  private static String presence(String what, String name, boolean wasThere) {
    return what + " " + name + (wasThere ? " is missing" : " is left over");
  }

  /** Introspection keeps the semicolon pg_get_viewdef ends a query with; replay keeps the query as written. */
  private static Map<QualifiedName, View> withoutSemicolons(Map<QualifiedName, View> views) {
    Map<QualifiedName, View> out = new java.util.TreeMap<>(Schema.NAME_ORDER);
    views.forEach((name, view) -> out.put(name, new View(name, view.materialized(), Restore.query(view))));
    return out;
  }

  private static <K> Set<K> union(Set<K> a, Set<K> b) {
    Set<K> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
