package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLAlchemy Core statements built in a revision — {@code table.update().values(…).where(…)},
 * {@code sa.select([t.c.id]).select_from(t.join(u, …)).where(…)}, {@code sa.delete(t)},
 * {@code t.insert().values(…)} — for {@code op.execute} and {@code op.get_bind().execute}: written
 * as the SQL SQLAlchemy sends. A value Python computes only at run time (a column of a row the
 * revision fetched) is a bound parameter ({@code $1}), as it is when SQLAlchemy runs it.
 */
final class CoreSql {

  private CoreSql() {}

  private static final Set<String> TABLES = Set.of("table", "Table");
  private static final Set<String> STATEMENTS = Set.of("select", "update", "insert", "delete");

  /** {@code table.c}: the table's columns by attribute or subscript. */
  record Columns(Construct table) {
    Column column(Object name) {
      return name instanceof String s ? new Column(table, s) : null;
    }
  }

  /** {@code table.c.name}. */
  record Column(Construct table, String name) {}

  /**
   * A SQL expression: {@link String} parts are SQL text; the others are columns, expressions and
   * {@link Bound} Python values.
   */
  record Expression(List<Object> parts) {
    Expression {
      parts = List.copyOf(parts);
    }
  }

  /** A Python value in an expression: a literal when known, else a parameter bound at run time. */
  record Bound(Object value) {}

  /** {@code v} as an expression part: SQL stays SQL, a Python value is bound. */
  private static Object operand(Object v) {
    return isSql(v) || v instanceof Construct || v instanceof Bound ? v : new Bound(v);
  }

  /** {@code a.join(b, on)}: a FROM item. */
  record Join(Object left, Object right, Object on, boolean outer) {}

  /** A statement under construction; every builder method gives a new one. */
  record Statement(String kind, Object target, List<Object> columns, Map<String, Object> values, List<Object> where,
      List<Object> from) {
    Statement {
      columns = List.copyOf(columns);
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      where = List.copyOf(where);
      from = List.copyOf(from);
    }

    Statement with(List<Object> newColumns, Map<String, Object> newValues, List<Object> newWhere,
        List<Object> newFrom) {
      return new Statement(kind, target, newColumns, newValues, newWhere, newFrom);
    }
  }

  static boolean isTable(Object v) {
    return v instanceof Construct c && TABLES.contains(c.name()) && c.arg(0) instanceof String;
  }

  /** Whether {@code v} is a piece of a SQL expression rather than a Python value. */
  static boolean isSql(Object v) {
    return v instanceof Column || v instanceof Expression;
  }

  /** {@code sa.select(…)}, {@code sa.update(t)}, {@code sa.and_(…)} …; {@code null} when not one of these. */
  static Object function(String name, List<Object> args) {
    switch (name) {
      case "select": {
        List<Object> columns = args.size() == 1 && args.get(0) instanceof List<?> l ? new ArrayList<>(l) : args;
        return new Statement("select", null, columns, Map.of(), List.of(), List.of());
      }
      case "update", "insert", "delete":
        return isTable(args.isEmpty() ? null : args.get(0))
            ? new Statement(name, args.get(0), List.of(), Map.of(), List.of(), List.of()) : null;
      case "and_", "or_": {
        if (args.isEmpty()) {
          return null;
        }
        List<Object> parts = new ArrayList<>();
        parts.add("(");
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            parts.add(name.equals("and_") ? " AND " : " OR ");
          }
          parts.add(operand(args.get(i)));
        }
        parts.add(")");
        return new Expression(parts);
      }
      case "not_":
        return args.size() == 1 ? new Expression(List.of("NOT (", operand(args.get(0)), ")")) : null;
      default:
        return null;
    }
  }

  /** {@code receiver.name(…)} for tables, columns and statements; {@code null} when not handled. */
  static Object method(Object receiver, String name, List<Object> args, Map<String, Object> kwargs) {
    Object a = args.isEmpty() ? null : args.get(0);
    if (isTable(receiver)) {
      return switch (name) {
        case "select" -> new Statement("select", null, List.of(receiver), Map.of(), List.of(), List.of());
        case "update", "insert", "delete" -> new Statement(name, receiver, List.of(), Map.of(), List.of(), List.of());
        case "join", "outerjoin" -> a == null ? null
            : new Join(receiver, a, args.size() > 1 ? args.get(1) : kwargs.get("onclause"), name.equals("outerjoin"));
        default -> null;
      };
    }
    if (receiver instanceof Join j && (name.equals("join") || name.equals("outerjoin")) && a != null) {
      return new Join(j, a, args.size() > 1 ? args.get(1) : kwargs.get("onclause"), name.equals("outerjoin"));
    }
    if (receiver instanceof Column || receiver instanceof Expression) {
      return switch (name) {
        case "in_" -> a instanceof List<?> l ? in(receiver, l, false) : null;
        case "notin_", "not_in" -> a instanceof List<?> l ? in(receiver, l, true) : null;
        case "is_" -> new Expression(List.of(receiver, " IS ", operand(a == null ? Values.NONE : a)));
        case "isnot", "is_not" -> new Expression(List.of(receiver, " IS NOT ", operand(a == null ? Values.NONE : a)));
        case "like", "ilike" -> a == null ? null : new Expression(List.of(receiver, name.equals("like")
            ? " LIKE " : " ILIKE ", operand(a)));
        default -> null;
      };
    }
    if (receiver instanceof Statement s) {
      return statementMethod(s, name, args, kwargs);
    }
    return null;
  }

  private static Object statementMethod(Statement s, String name, List<Object> args, Map<String, Object> kwargs) {
    switch (name) {
      case "where", "filter": {
        List<Object> where = new ArrayList<>(s.where());
        where.addAll(args);
        return s.with(s.columns(), s.values(), where, s.from());
      }
      case "values": {
        Map<String, Object> values = new LinkedHashMap<>(s.values());
        if (args.size() == 1 && args.get(0) instanceof Map<?, ?> m) {
          for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = e.getKey() instanceof String k ? k : e.getKey() instanceof Column c ? c.name() : null;
            if (key == null) {
              return null;
            }
            values.put(key, e.getValue());
          }
        } else if (!args.isEmpty()) {
          return null;
        }
        values.putAll(kwargs);
        return s.with(s.columns(), values, s.where(), s.from());
      }
      case "select_from": {
        List<Object> from = new ArrayList<>(s.from());
        from.addAll(args);
        return s.with(s.columns(), s.values(), s.where(), from);
      }
      case "execution_options":
        return s;
      default:
        return null;
    }
  }

  private static Expression in(Object column, List<?> items, boolean not) {
    List<Object> parts = new ArrayList<>();
    parts.add(column);
    parts.add(not ? " NOT IN (" : " IN (");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        parts.add(", ");
      }
      parts.add(operand(items.get(i)));
    }
    parts.add(")");
    return new Expression(parts);
  }

  /**
   * A Python comparison with a column on either side: SQLAlchemy overloads {@code ==}, {@code <}
   * … to build SQL; {@code is} stays Python's identity test.
   */
  static Object compare(String op, Object left, Object right) {
    switch (op) {
      case "is":
        return left == right;
      case "is not":
        return left != right;
      case "==":
        return right == Values.NONE ? new Expression(List.of(operand(left), " IS NULL"))
            : new Expression(List.of(operand(left), " = ", operand(right)));
      case "!=":
        return right == Values.NONE ? new Expression(List.of(operand(left), " IS NOT NULL"))
            : new Expression(List.of(operand(left), " != ", operand(right)));
      case "<", "<=", ">", ">=":
        return new Expression(List.of(operand(left), " " + op + " ", operand(right)));
      default:
        return new Unknown("the comparison " + op + " on a column");
    }
  }

  /** The statement as SQL, its run-time values as {@code $n} parameters. */
  static String sql(Statement s) {
    Renderer r = new Renderer();
    StringBuilder out = new StringBuilder();
    switch (s.kind()) {
      case "update" -> {
        if (s.values().isEmpty()) {
          throw new Untranslatable("an update() without values() sets every column from parameters");
        }
        out.append("UPDATE ").append(tableName(s.target())).append(" SET ");
        List<String> sets = new ArrayList<>();
        s.values().forEach((k, v) -> sets.add(Ddl.ident(k) + "=" + r.value(v)));
        out.append(String.join(", ", sets));
      }
      case "delete" -> out.append("DELETE FROM ").append(tableName(s.target()));
      case "insert" -> {
        if (s.values().isEmpty()) {
          throw new Untranslatable("an insert() without values() takes its rows from parameters");
        }
        List<String> values = new ArrayList<>();
        s.values().values().forEach(v -> values.add(r.value(v)));
        out.append("INSERT INTO ").append(tableName(s.target())).append(" (")
            .append(String.join(", ", s.values().keySet().stream().map(Ddl::ident).toList()))
            .append(") VALUES (").append(String.join(", ", values)).append(")");
      }
      default -> {
        if (s.columns().isEmpty()) {
          throw new Untranslatable("a select() of no columns");
        }
        List<String> columns = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Object c : s.columns()) {
          columns.add(isTable(c) ? tableName(c) + ".*" : r.value(c));
          addFrom(from, isTable(c) ? tableName(c) : c instanceof Column col ? tableName(col.table()) : null);
        }
        if (!s.from().isEmpty()) {
          from.clear();
          for (Object f : s.from()) {
            from.add(r.from(f));
          }
        }
        out.append("SELECT ").append(String.join(", ", columns));
        if (!from.isEmpty()) {
          out.append(" FROM ").append(String.join(", ", from));
        }
      }
    }
    if (!s.where().isEmpty()) {
      List<String> conditions = new ArrayList<>();
      for (Object w : s.where()) {
        if (w instanceof String) {
          throw new Untranslatable("a where() of a plain string (SQLAlchemy wants sa.text(…))");
        }
        conditions.add(r.value(w));
      }
      out.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return out.toString();
  }

  private static void addFrom(List<String> from, String table) {
    if (table != null && !from.contains(table)) {
      from.add(table);
    }
  }

  private static String tableName(Object table) {
    Construct t = (Construct) table;
    return Ddl.table(t.kwarg("schema"), Ddl.name(t.arg(0), "the table name"));
  }

  /** Renders values, numbering run-time ones. */
  private static final class Renderer {
    private int parameters;

    String value(Object v) {
      if (v instanceof Bound b) {
        return value(b.value());
      }
      if (v instanceof Column c) {
        return tableName(c.table()) + "." + Ddl.ident(c.name());
      }
      if (v instanceof Expression e) {
        StringBuilder out = new StringBuilder();
        for (Object part : e.parts()) {
          out.append(part instanceof String s ? s : value(part));
        }
        return out.toString();
      }
      if (v instanceof Boolean b) {
        return b ? "true" : "false"; // where(x is not None): SQLAlchemy renders Python's answer
      }
      if (v instanceof Construct c && c.name().startsWith("func.")) {
        List<String> args = new ArrayList<>();
        for (Object a : c.args()) {
          args.add(value(a));
        }
        return c.args().isEmpty() ? Ddl.expression(c) : c.name().substring("func.".length()) + "("
            + String.join(", ", args) + ")";
      }
      if (v instanceof Construct c) {
        return Ddl.expression(c);
      }
      if (!Values.known(v)) {
        return "$" + ++parameters;
      }
      return Ddl.literal(v);
    }

    String from(Object f) {
      if (isTable(f)) {
        return tableName(f);
      }
      if (f instanceof Join j) {
        if (j.on() == null) {
          throw new Untranslatable("a join without its ON clause (SQLAlchemy infers it from foreign keys)");
        }
        return from(j.left()) + (j.outer() ? " LEFT OUTER JOIN " : " JOIN ") + from(j.right()) + " ON " + value(j.on());
      }
      throw new Untranslatable("a FROM item that is not a table or a join");
    }
  }
}
