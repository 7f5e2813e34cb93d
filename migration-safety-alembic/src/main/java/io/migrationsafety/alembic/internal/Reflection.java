package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Unknown;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.IndexElement;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.schema.Column;
import io.migrationsafety.schema.Constraint;
import io.migrationsafety.schema.Index;
import io.migrationsafety.schema.Schema;
import io.migrationsafety.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SQLAlchemy's {@code Inspector} over the schema replayed from the earlier revisions: the same
 * methods, answering with the same shapes of lists and dicts as SQLAlchemy's PostgreSQL dialect
 * ({@code get_foreign_keys} gives {@code name}, {@code constrained_columns}, {@code referred_table},
 * {@code referred_columns}, {@code options}…), so that the revision's own code can walk them.
 * A method it does not offer, or a table it does not know, gives an unknown value.
 */
final class Reflection {

  private Reflection() {}

  /** {@code inspector.<method>(…)} on {@code schema}. */
  static Object call(Schema schema, String method, List<Object> args, Map<String, Object> kwargs) {
    Object schemaArg = kwargs.getOrDefault("schema", args.size() > 1 ? args.get(1) : Values.NONE);
    if (!(schemaArg == Values.NONE || schemaArg instanceof String)) {
      return new Unknown("an inspection of a schema not known statically");
    }
    String namespace = schemaArg instanceof String s ? s : "public";
    if (method.equals("get_table_names")) {
      Object only = args.isEmpty() ? schemaArg : args.get(0);
      String in = only instanceof String s ? s : "public";
      return schema.tables().keySet().stream().filter(n -> n.schema().equals(in)).map(QualifiedName::name)
          .sorted().map(n -> (Object) n).toList();
    }
    if (method.equals("get_schema_names")) {
      return schema.schemas().stream().sorted().map(n -> (Object) n).toList();
    }
    Object tableArg = args.isEmpty() ? kwargs.get("table_name") : args.get(0);
    if (!(tableArg instanceof String tableName)) {
      return new Unknown("an inspection of a table not known statically");
    }
    QualifiedName name = QualifiedName.of(namespace, tableName);
    if (method.equals("has_table")) {
      return schema.table(name).isPresent();
    }
    Optional<Table> table = schema.table(name);
    if (table.isEmpty()) {
      // SQLAlchemy raises NoSuchTableError: the revision would fail here
      return new Unknown("an inspection of the table " + name + ", which the earlier revisions do not create");
    }
    Table t = table.get();
    return switch (method) {
      case "get_columns" -> t.columns().stream().map(Reflection::column).toList();
      case "get_pk_constraint" -> primaryKey(t);
      case "get_foreign_keys" -> constraints(t, ConstraintKind.FOREIGN_KEY).map(c -> foreignKey(c, namespace)).toList();
      case "get_unique_constraints" -> constraints(t, ConstraintKind.UNIQUE).map(Reflection::unique).toList();
      case "get_check_constraints" -> constraints(t, ConstraintKind.CHECK).map(Reflection::check).toList();
      case "get_indexes" -> indexes(schema, t);
      default -> new Unknown("inspector." + method + "()");
    };
  }

  private static java.util.stream.Stream<Constraint> constraints(Table t, ConstraintKind kind) {
    return t.constraints().stream().filter(c -> c.kind() == kind);
  }

  private static Object column(Column c) {
    Map<Object, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("type", new Construct(Ddl.REFLECTED_TYPE, List.of(c.type().sql()), Map.of()));
    out.put("nullable", !c.notNull());
    out.put("default", c.defaultValue() == null ? Values.NONE : c.defaultValue().sql());
    out.put("autoincrement", c.identity() != null || c.type().isSerial());
    out.put("comment", Values.NONE);
    return out;
  }

  private static Object primaryKey(Table t) {
    Map<Object, Object> out = new LinkedHashMap<>();
    Optional<Constraint> pk = constraints(t, ConstraintKind.PRIMARY_KEY).findFirst();
    out.put("constrained_columns", pk.map(c -> strings(c.columns())).orElse(new ArrayList<>()));
    out.put("name", pk.map(c -> (Object) c.name()).orElse(Values.NONE));
    return out;
  }

  private static Object foreignKey(Constraint c, String namespace) {
    Map<Object, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("constrained_columns", strings(c.columns()));
    QualifiedName referred = c.referencedTable();
    out.put("referred_schema", referred.schema() == null || referred.schema().equals(namespace)
        ? Values.NONE : referred.schema());
    out.put("referred_table", referred.name());
    out.put("referred_columns", strings(c.referencedColumns()));
    Map<Object, Object> options = new LinkedHashMap<>();
    action(options, "onupdate", c.onUpdate());
    action(options, "ondelete", c.onDelete());
    if (c.deferrable()) {
      options.put("deferrable", true);
      options.put("initially", c.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
    }
    out.put("options", options);
    return out;
  }

  private static void action(Map<Object, Object> options, String key, ReferentialAction action) {
    if (action != null && action != ReferentialAction.NO_ACTION) {
      options.put(key, action.name().replace('_', ' ').toUpperCase(Locale.ROOT));
    }
  }

  private static Object unique(Constraint c) {
    Map<Object, Object> out = new LinkedHashMap<>();
    out.put("column_names", strings(c.columns()));
    out.put("name", c.name());
    return out;
  }

  private static Object check(Constraint c) {
    Map<Object, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("sqltext", c.expression() == null ? Values.NONE : c.expression());
    return out;
  }

  /**
   * Indexes other than the primary key's, by name, as SQLAlchemy's PostgreSQL dialect lists them:
   * a unique constraint's index too, marked {@code duplicates_constraint}.
   */
  private static Object indexes(Schema schema, Table t) {
    Map<String, String> owners = new java.util.HashMap<>();
    t.constraints().stream().filter(c -> c.index() != null).forEach(c -> owners.put(c.index(), c.name()));
    String primaryKeyIndex = constraints(t, ConstraintKind.PRIMARY_KEY).map(Constraint::index)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    List<Object> out = new ArrayList<>();
    schema.indexesOn(t.name()).stream().filter(i -> !i.name().name().equals(primaryKeyIndex))
        .sorted(java.util.Comparator.comparing(i -> i.name().name())).forEach(index -> {
          Map<Object, Object> entry = new LinkedHashMap<>();
          entry.put("name", index.name().name());
          List<Object> columns = new ArrayList<>();
          for (IndexElement e : index.elements()) {
            columns.add(e.isExpression() ? Values.NONE : e.column());
          }
          entry.put("column_names", columns);
          entry.put("unique", index.unique());
          String owner = owners.get(index.name().name());
          if (owner != null) {
            entry.put("duplicates_constraint", owner);
          }
          out.add(entry);
        });
    return out;
  }

  private static List<Object> strings(List<String> values) {
    return new ArrayList<>(values);
  }
}
