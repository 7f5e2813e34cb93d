package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import io.migrationsafety.alembic.internal.Values.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL text for SQLAlchemy's pieces, as SQLAlchemy's PostgreSQL dialect writes them:
 * identifiers (quoted only when needed), types, literals, server defaults and SQL fragments.
 * Anything it cannot write throws {@link Untranslatable}.
 */
final class Ddl {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
      "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
      "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
      "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
      "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary",
      "references", "returning", "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing",
      "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with", "authorization",
      "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is",
      "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
      "tablesample", "verbose");
  /** SQL functions SQLAlchemy writes without parentheses. */
  private static final Set<String> NILADIC = Set.of("current_timestamp", "current_date", "current_time",
      "localtime", "localtimestamp", "current_user", "session_user", "user");

  private Ddl() {}

  /** An identifier, quoted as SQLAlchemy quotes it. */
  static String ident(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A string argument that must be known: a name, a table. */
  static String name(Object value, String what) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Construct c && c.name().equals("f") && c.arg(0) instanceof String s) {
      return s;
    }
    throw new Untranslatable(what + " is not known statically (" + unknownText(value) + ")");
  }

  /** {@code schema.table}, or {@code table} without a schema. */
  static String table(Object schema, String table) {
    if (schema == null || schema == Values.NONE) {
      return ident(table);
    }
    return ident(name(schema, "the schema")) + "." + ident(table);
  }

  static String columnList(Object columns, String what) {
    List<String> out = new ArrayList<>();
    for (Object c : list(columns, what)) {
      out.add(ident(name(c, what)));
    }
    return String.join(", ", out);
  }

  static List<?> list(Object value, String what) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    throw new Untranslatable(what + " is not a list known statically (" + unknownText(value) + ")");
  }

  static String unknownText(Object value) {
    String what = Values.firstUnknown(value);
    if (what != null) {
      return what;
    }
    if (value instanceof Ref r) {
      return r.path() + ", from outside the project";
    }
    return value instanceof Construct c ? "sa." + c.name() + "(…)" : String.valueOf(value);
  }

  /** A Python value as an SQL literal: {@code 'text'}, {@code 42}, {@code true}, {@code NULL}. */
  static String literal(Object v) {
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof Long || v instanceof Double) {
      return v.toString();
    }
    if (v == Values.NONE) {
      return "NULL";
    }
    if (v instanceof Construct c) {
      return expression(c);
    }
    throw new Untranslatable("the value " + unknownText(v) + " cannot be written as SQL");
  }

  /** A {@code server_default}: a string is a literal; {@code sa.text} and functions are SQL. */
  static String serverDefault(Object v) {
    if (v instanceof String s) {
      return literal(s);
    }
    if (v instanceof Construct c && c.name().equals("DefaultClause")) {
      return serverDefault(c.arg(0));
    }
    if (v instanceof Construct c) {
      return expression(c);
    }
    throw new Untranslatable("the server default " + unknownText(v) + " is not known statically");
  }

  /** SQL given as a string or {@code sa.text(…)} (a CHECK, a WHERE, an index expression). */
  static String sql(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Construct c && (c.name().equals("text") || c.name().equals("literal_column"))
        && c.arg(0) instanceof String s) {
      return s;
    }
    throw new Untranslatable(what + " is not SQL text known statically (" + unknownText(v) + ")");
  }

  /** An SQL expression construct: {@code sa.text}, {@code sa.func.now()}, {@code sa.true()}. */
  static String expression(Construct c) {
    switch (c.name()) {
      case "text", "literal_column":
        return sql(c, "the expression");
      case "true":
        return "true";
      case "false":
        return "false";
      case "null":
        return "NULL";
      case "literal":
        return literal(c.arg(0));
      default:
        break;
    }
    if (c.name().startsWith("func.")) {
      String function = c.name().substring("func.".length());
      if (NILADIC.contains(function.toLowerCase(Locale.ROOT)) && c.args().isEmpty()) {
        return function.toUpperCase(Locale.ROOT);
      }
      List<String> args = new ArrayList<>();
      for (Object a : c.args()) {
        args.add(literal(a));
      }
      return function + "(" + String.join(", ", args) + ")";
    }
    throw new Untranslatable("the expression sa." + c.name() + "(…) is not translated");
  }

  /** Whether {@code v} names a SQLAlchemy type (called or not). */
  static boolean isType(Object v) {
    String name = v instanceof Construct c ? c.name() : v instanceof Ref r && r.path().startsWith("sqlalchemy")
        ? r.last() : null;
    return name != null && (SIMPLE.containsKey(name) || Set.of("String", "VARCHAR", "Unicode", "NVARCHAR", "CHAR",
        "NCHAR", "Numeric", "NUMERIC", "DECIMAL", "Float", "FLOAT", "DateTime", "TIMESTAMP", "Time", "TIME",
        "ARRAY", "Enum", "ENUM", "BIT", "INTERVAL", "Interval").contains(name));
  }

  private static final Map<String, String> SIMPLE = Map.ofEntries(
      Map.entry("Text", "TEXT"), Map.entry("TEXT", "TEXT"), Map.entry("UnicodeText", "TEXT"),
      Map.entry("Integer", "INTEGER"), Map.entry("INTEGER", "INTEGER"), Map.entry("INT", "INTEGER"),
      Map.entry("BigInteger", "BIGINT"), Map.entry("BIGINT", "BIGINT"),
      Map.entry("SmallInteger", "SMALLINT"), Map.entry("SMALLINT", "SMALLINT"),
      Map.entry("Boolean", "BOOLEAN"), Map.entry("BOOLEAN", "BOOLEAN"),
      Map.entry("Date", "DATE"), Map.entry("DATE", "DATE"),
      Map.entry("REAL", "REAL"), Map.entry("DOUBLE_PRECISION", "DOUBLE PRECISION"), Map.entry("Double", "DOUBLE PRECISION"),
      Map.entry("LargeBinary", "BYTEA"), Map.entry("BYTEA", "BYTEA"), Map.entry("BINARY", "BYTEA"),
      Map.entry("BLOB", "BYTEA"), Map.entry("PickleType", "BYTEA"),
      Map.entry("JSON", "JSON"), Map.entry("JSONB", "JSONB"), Map.entry("UUID", "UUID"), Map.entry("Uuid", "UUID"),
      Map.entry("INET", "INET"), Map.entry("CIDR", "CIDR"), Map.entry("MACADDR", "MACADDR"),
      Map.entry("MONEY", "MONEY"), Map.entry("OID", "OID"), Map.entry("TSVECTOR", "TSVECTOR"),
      Map.entry("HSTORE", "HSTORE"), Map.entry("INT4RANGE", "INT4RANGE"), Map.entry("INT8RANGE", "INT8RANGE"),
      Map.entry("NUMRANGE", "NUMRANGE"), Map.entry("DATERANGE", "DATERANGE"), Map.entry("TSRANGE", "TSRANGE"),
      Map.entry("TSTZRANGE", "TSTZRANGE"));

  /** The construct for a type read from the schema model ({@code inspector.get_columns}): its SQL as is. */
  static final String REFLECTED_TYPE = "<reflected type>";

  /** The PostgreSQL type of a SQLAlchemy type, as SQLAlchemy writes it. */
  static String type(Object t) {
    Construct c = t instanceof Construct k ? k : t instanceof Ref r && r.path().startsWith("sqlalchemy")
        ? new Construct(r.last(), List.of(), Map.of()) : null;
    if (c == null) {
      throw new Untranslatable("the column type " + unknownText(t) + " is not known statically");
    }
    String simple = SIMPLE.get(c.name());
    if (simple != null) {
      return simple;
    }
    if (c.name().equals(REFLECTED_TYPE)) {
      return (String) c.arg(0);
    }
    switch (c.name()) {
      case "String", "VARCHAR", "Unicode", "NVARCHAR":
        return "VARCHAR" + size(c, "length");
      case "CHAR", "NCHAR":
        return "CHAR" + size(c, "length");
      case "BIT":
        return "BIT" + size(c, "length");
      case "Numeric", "NUMERIC", "DECIMAL": {
        Object precision = argOrKw(c, 0, "precision");
        Object scale = argOrKw(c, 1, "scale");
        String name = c.name().equals("DECIMAL") ? "DECIMAL" : "NUMERIC";
        if (precision == null) {
          return name;
        }
        return name + "(" + number(precision, "the precision") + (scale == null ? "" : ", " + number(scale, "the scale")) + ")";
      }
      case "Float", "FLOAT":
        return "FLOAT" + size(c, "precision");
      case "DateTime", "TIMESTAMP", "Time", "TIME": {
        boolean timestamp = !c.name().equalsIgnoreCase("time");
        Object tz = argOrKw(c, 0, "timezone");
        Object precision = c.kwarg("precision");
        String zone = Boolean.TRUE.equals(tz) ? " WITH TIME ZONE" : " WITHOUT TIME ZONE";
        return (timestamp ? "TIMESTAMP" : "TIME") + (precision == null ? "" : "(" + number(precision, "the precision") + ")")
            + zone;
      }
      case "Interval", "INTERVAL":
        return "INTERVAL";
      case "ARRAY": {
        String item = type(argOrKw(c, 0, "item_type"));
        Object dimensions = c.kwarg("dimensions");
        long n = dimensions instanceof Long d ? d : 1;
        return item + "[]".repeat((int) Math.max(1, n));
      }
      case "Enum", "ENUM":
        return enumName(c);
      default:
        throw new Untranslatable("the column type sa." + c.name() + " is not translated");
    }
  }

  /** The name of an enum type ({@code sa.Enum(…, name=…)}), schema-qualified when given. */
  static String enumName(Construct c) {
    Object name = c.kwarg("name");
    if (!(name instanceof String n)) {
      throw new Untranslatable("the enum type has no name known statically");
    }
    Object schema = c.kwarg("schema");
    return schema instanceof String s ? ident(s) + "." + ident(n) : ident(n);
  }

  /** The labels of an enum type, or an error when they are not literal strings. */
  static List<String> enumLabels(Construct c) {
    List<String> labels = new ArrayList<>();
    for (Object a : c.args()) {
      if (!(a instanceof String s)) {
        throw new Untranslatable("the labels of the enum type " + c.kwarg("name") + " are not known statically");
      }
      labels.add(s);
    }
    return labels;
  }

  private static Object argOrKw(Construct c, int index, String keyword) {
    Object v = c.kwarg(keyword);
    if (v == null) {
      v = c.arg(index);
    }
    return v == Values.NONE ? null : v;
  }

  private static String size(Construct c, String keyword) {
    Object length = argOrKw(c, 0, keyword);
    return length == null ? "" : "(" + number(length, "the " + keyword + " of sa." + c.name()) + ")";
  }

  private static String number(Object v, String what) {
    if (v instanceof Long l) {
      return l.toString();
    }
    throw new Untranslatable(what + " is not known statically (" + unknownText(v) + ")");
  }
}
