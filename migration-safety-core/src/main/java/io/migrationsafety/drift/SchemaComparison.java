package io.migrationsafety.drift;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.DataType;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.ObjectType;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.SqlExpression;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.Table;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Walks two schemas object by object and collects every difference. Row estimates and sizes are
 * statistics, not structure, and are never compared. NOT NULL constraints (PostgreSQL 18 lists
 * them in {@code pg_constraint}) are compared through the columns' nullability, not by name.
 */
final class SchemaComparison {

  private final DriftOptions options;
  private final List<Difference> out = new ArrayList<>();

  private SchemaComparison(DriftOptions options) {
    this.options = options;
  }

  static List<Difference> compare(Schema actual, Schema expected, DriftOptions options) {
    SchemaComparison c = new SchemaComparison(options);
    c.names(ObjectType.SCHEMA, actual.schemas(), expected.schemas());
    c.names(ObjectType.EXTENSION, without(actual.extensions(), options.ignoredExtensions()),
        without(expected.extensions(), options.ignoredExtensions()));
    c.each(ObjectType.TABLE, c.tables(actual), c.tables(expected), c::table);
    c.each(ObjectType.INDEX, c.indexes(actual), c.indexes(expected), c::index);
    c.each(ObjectType.TYPE, byName(actual.types(), UserType::name), byName(expected.types(), UserType::name), c::type);
    c.each(ObjectType.SEQUENCE, c.sequences(actual), c.sequences(expected), c::sequence);
    c.each(ObjectType.VIEW, byName(actual.views(), View::name), byName(expected.views(), View::name), c::view);
    return List.copyOf(c.out);
  }

  // --- tables and what they hold

  private void table(Table a, Table e) {
    String t = e.name().toString();
    changed(ObjectType.TABLE, t, Aspect.PERSISTENCE, a.persistence().name(), e.persistence().name());
    changed(ObjectType.TABLE, t, Aspect.PARTITION_OF, words(a.partitionOf()), words(e.partitionOf()));
    changed(ObjectType.TABLE, t, Aspect.PARTITION_BY, words(a.partitionBy()), words(e.partitionBy()));
    Map<String, Column> actualColumns = byKey(a.columns(), Column::name);
    Map<String, Column> expectedColumns = byKey(e.columns(), Column::name);
    each(ObjectType.COLUMN, t + ".", actualColumns, expectedColumns, (x, y) -> column(t + "." + y.name(), x, y));
    List<String> actualOrder = a.columns().stream().map(Column::name).filter(expectedColumns::containsKey).toList();
    List<String> expectedOrder = e.columns().stream().map(Column::name).filter(actualColumns::containsKey).toList();
    if (options.columnOrder()) {
      changed(ObjectType.TABLE, t, Aspect.COLUMN_ORDER, String.join(", ", actualOrder),
          String.join(", ", expectedOrder));
    }
    each(ObjectType.CONSTRAINT, t + ".", constraints(a), constraints(e),
        (x, y) -> constraint(t + "." + y.name(), x, y));
  }

  private void column(String name, Column a, Column e) {
    changed(ObjectType.COLUMN, name, Aspect.TYPE, type(a.type()), type(e.type()));
    changed(ObjectType.COLUMN, name, Aspect.NULLABILITY, a.notNull() ? "NOT NULL" : "nullable",
        e.notNull() ? "NOT NULL" : "nullable");
    changed(ObjectType.COLUMN, name, Aspect.DEFAULT, expression(a.defaultValue()), expression(e.defaultValue()),
        words(a.defaultValue()), words(e.defaultValue()));
    changed(ObjectType.COLUMN, name, Aspect.IDENTITY, identity(a), identity(e));
    changed(ObjectType.COLUMN, name, Aspect.GENERATED, generated(a, true), generated(e, true),
        generated(a, false), generated(e, false));
    changed(ObjectType.COLUMN, name, Aspect.COLLATION, words(a.collation()), words(e.collation()));
  }

  private void constraint(String name, Constraint a, Constraint e) {
    changed(ObjectType.CONSTRAINT, name, Aspect.CONSTRAINT_KIND, a.kind().name(), e.kind().name());
    changed(ObjectType.CONSTRAINT, name, Aspect.COLUMNS, String.join(", ", a.columns()), String.join(", ", e.columns()));
    changed(ObjectType.CONSTRAINT, name, Aspect.EXPRESSION, expression(a.expression()), expression(e.expression()),
        words(a.expression()), words(e.expression()));
    changed(ObjectType.CONSTRAINT, name, Aspect.REFERENCES, references(a), references(e));
    changed(ObjectType.CONSTRAINT, name, Aspect.ON_DELETE, words(a.onDelete()), words(e.onDelete()));
    changed(ObjectType.CONSTRAINT, name, Aspect.ON_UPDATE, words(a.onUpdate()), words(e.onUpdate()));
    changed(ObjectType.CONSTRAINT, name, Aspect.VALIDITY, a.valid() ? "valid" : "NOT VALID",
        e.valid() ? "valid" : "NOT VALID");
    changed(ObjectType.CONSTRAINT, name, Aspect.DEFERRABLE, deferrable(a), deferrable(e));
    changed(ObjectType.CONSTRAINT, name, Aspect.BACKING_INDEX, words(a.index()), words(e.index()));
  }

  // --- other objects

  private void index(Index a, Index e) {
    String n = e.name().toString();
    changed(ObjectType.INDEX, n, Aspect.INDEXED_TABLE, a.table().toString(), e.table().toString());
    changed(ObjectType.INDEX, n, Aspect.UNIQUE, a.unique() ? "unique" : "not unique", e.unique() ? "unique" : "not unique");
    changed(ObjectType.INDEX, n, Aspect.METHOD, a.method(), e.method());
    changed(ObjectType.INDEX, n, Aspect.KEYS, keys(a, true), keys(e, true), keys(a, false), keys(e, false));
    changed(ObjectType.INDEX, n, Aspect.INCLUDE, String.join(", ", a.include()), String.join(", ", e.include()));
    changed(ObjectType.INDEX, n, Aspect.PREDICATE, expression(a.predicate()), expression(e.predicate()),
        words(a.predicate()), words(e.predicate()));
    changed(ObjectType.INDEX, n, Aspect.VALIDITY, a.valid() ? "valid" : "INVALID", e.valid() ? "valid" : "INVALID");
  }

  private void type(UserType a, UserType e) {
    String n = e.name().toString();
    changed(ObjectType.TYPE, n, Aspect.TYPE_KIND, a.kind().name(), e.kind().name());
    changed(ObjectType.TYPE, n, Aspect.ENUM_LABELS, labels(a), labels(e));
  }

  private void sequence(Sequence a, Sequence e) {
    changed(ObjectType.SEQUENCE, e.name().toString(), Aspect.OWNED_BY, words(a.ownedBy()), words(e.ownedBy()));
  }

  private void view(View a, View e) {
    String n = e.name().toString();
    changed(ObjectType.VIEW, n, Aspect.MATERIALIZED, a.materialized() ? "materialized" : "not materialized",
        e.materialized() ? "materialized" : "not materialized");
    if (options.viewQueries()) {
      changed(ObjectType.VIEW, n, Aspect.QUERY, a.body(), e.body());
    }
  }

  // --- what is compared, per side

  private Map<String, Table> tables(Schema schema) {
    Map<String, Table> tables = new LinkedHashMap<>();
    schema.tables().values().stream().filter(t -> !options.ignoredTables().contains(t.name()))
        .forEach(t -> tables.put(t.name().toString(), t));
    return tables;
  }

  private Map<String, Index> indexes(Schema schema) {
    Map<String, Index> indexes = new LinkedHashMap<>();
    schema.indexes().values().stream().filter(i -> !options.ignoredTables().contains(i.table()))
        .forEach(i -> indexes.put(i.name().toString(), i));
    return indexes;
  }

  private Map<String, Sequence> sequences(Schema schema) {
    Map<String, Sequence> sequences = new LinkedHashMap<>();
    for (Sequence s : schema.sequences().values()) {
      boolean ignored = s.ownedBy() != null && options.ignoredTables().stream()
          .anyMatch(t -> s.ownedBy().startsWith(t.sql() + "."));
      if (!ignored) {
        sequences.put(s.name().toString(), s);
      }
    }
    return sequences;
  }

  private static Map<String, Constraint> constraints(Table table) {
    return byKey(table.constraints().stream().filter(k -> k.kind() != ConstraintKind.NOT_NULL).toList(),
        Constraint::name);
  }

  // --- generic walks

  /** Reports what only one side has, and hands what both have to {@code compare(actual, expected)}. */
  private <T> void each(ObjectType type, Map<String, T> actual, Map<String, T> expected, Pair<T> compare) {
    each(type, "", actual, expected, compare);
  }

  private <T> void each(ObjectType type, String prefix, Map<String, T> actual, Map<String, T> expected,
      Pair<T> compare) {
    for (Map.Entry<String, T> e : expected.entrySet()) {
      T a = actual.get(e.getKey());
      if (a == null) {
        out.add(new Difference.Missing(type, prefix + e.getKey()));
      } else {
        compare.apply(a, e.getValue());
      }
    }
    for (String name : actual.keySet()) {
      if (!expected.containsKey(name)) {
        out.add(new Difference.Unexpected(type, prefix + name));
      }
    }
  }

  private void names(ObjectType type, Set<String> actual, Set<String> expected) {
    Map<String, String> a = new LinkedHashMap<>();
    new TreeSet<>(actual).forEach(n -> a.put(n, n));
    Map<String, String> e = new LinkedHashMap<>();
    new TreeSet<>(expected).forEach(n -> e.put(n, n));
    each(type, a, e, (x, y) -> { });
  }

  private void changed(ObjectType type, String object, Aspect aspect, String actual, String expected) {
    changed(type, object, aspect, actual, expected, actual, expected);
  }

  /** A difference when the compared forms differ, shown in the forms a person reads. */
  private void changed(ObjectType type, String object, Aspect aspect, String actualCompared, String expectedCompared,
      String actualShown, String expectedShown) {
    if (!Objects.equals(actualCompared, expectedCompared)) {
      out.add(new Difference.Changed(type, object, aspect, actualShown, expectedShown));
    }
  }

  @FunctionalInterface
  private interface Pair<T> {
    void apply(T actual, T expected);
  }

  // --- values in words

  private String expression(Object sql) {
    if (sql == null) {
      return "none";
    }
    String text = sql instanceof SqlExpression x ? x.sql() : sql.toString();
    return options.expressions() == DriftOptions.Expressions.EXACT ? text.strip() : ExpressionText.normalized(text);
  }

  private static String words(Object value) {
    return value == null ? "none" : value instanceof SqlExpression x ? x.sql().strip() : value.toString();
  }

  /** Types as PostgreSQL reads them: {@code int} and {@code integer} are one type. */
  private static String type(DataType type) {
    return new DataType(type.name(), type.modifiers(), type.arrayDimensions(), type.name()).sql();
  }

  private static String identity(Column c) {
    return c.identity() == null ? "none" : c.identity().always() ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT";
  }

  private String generated(Column c, boolean compared) {
    if (c.generated() == null) {
      return "none";
    }
    String expression = compared ? expression(c.generated().expression()) : words(c.generated().expression());
    return expression + (c.generated().stored() ? " STORED" : " VIRTUAL");
  }

  private static String references(Constraint k) {
    return k.referencedTable() == null ? "none"
        : k.referencedTable() + (k.referencedColumns().isEmpty() ? "" : " (" + String.join(", ", k.referencedColumns()) + ")");
  }

  private static String deferrable(Constraint k) {
    return !k.deferrable() ? "NOT DEFERRABLE" : k.initiallyDeferred() ? "DEFERRABLE INITIALLY DEFERRED"
        : "DEFERRABLE INITIALLY IMMEDIATE";
  }

  private static String labels(UserType t) {
    return t.labels().stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
  }

  private String keys(Index index, boolean compared) {
    return index.elements().stream().map(k -> key(k, compared)).collect(Collectors.joining(", "));
  }

  private String key(IndexElement k, boolean compared) {
    String key = k.isExpression() ? "(" + (compared ? expression(k.expression()) : words(k.expression())) + ")"
        : k.column();
    return key + (k.collation() == null ? "" : " COLLATE " + k.collation())
        + (k.opclass() == null ? "" : " " + k.opclass()) + (k.descending() ? " DESC" : "")
        + (k.nullsFirst() == null ? "" : k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
  }

  // --- maps

  private static <T> Map<String, T> byName(Map<QualifiedName, T> values, Function<T, QualifiedName> name) {
    Map<String, T> map = new LinkedHashMap<>();
    values.values().forEach(v -> map.put(name.apply(v).toString(), v));
    return map;
  }

  private static <T> Map<String, T> byKey(List<T> values, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    values.forEach(v -> map.putIfAbsent(key.apply(v), v));
    return map;
  }

  private static Set<String> without(Set<String> names, Set<String> ignored) {
    Set<String> kept = new TreeSet<>(names);
    kept.removeAll(ignored);
    return kept;
  }
}
