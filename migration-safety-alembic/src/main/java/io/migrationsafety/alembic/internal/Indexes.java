package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code CREATE INDEX} and {@code DROP INDEX} as Alembic writes them for PostgreSQL. */
final class Indexes {

  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private Indexes() {}

  static String create(Map<String, Object> a) {
    String table = Ddl.name(a.get("table_name"), "the table name");
    List<?> columns = Ddl.list(a.get("columns"), "the index's columns");
    Object nameArg = a.get("index_name");
    String name;
    if (nameArg == null || nameArg == Values.NONE) {
      if (columns.isEmpty() || !(columns.get(0) instanceof String first)) {
        throw new Untranslatable("the index has no name, and none can be derived");
      }
      name = "ix_" + table + "_" + first; // SQLAlchemy's default naming convention
    } else {
      name = Ddl.name(nameArg, "the index name");
    }
    Map<?, ?> ops = a.get("postgresql_ops") instanceof Map<?, ?> m ? m : Map.of();
    List<String> elements = new ArrayList<>();
    for (Object c : columns) {
      String element = element(c);
      Object opclass = c instanceof String s ? ops.get(s) : null;
      elements.add(opclass instanceof String o ? element + " " + o : element);
    }
    StringBuilder b = new StringBuilder("CREATE ");
    if (Boolean.TRUE.equals(a.get("unique"))) {
      b.append("UNIQUE ");
    }
    b.append("INDEX ");
    if (Boolean.TRUE.equals(a.get("postgresql_concurrently"))) {
      b.append("CONCURRENTLY ");
    }
    if (Boolean.TRUE.equals(a.get("if_not_exists"))) {
      b.append("IF NOT EXISTS ");
    }
    b.append(Ddl.ident(name)).append(" ON ").append(Ddl.table(a.get("schema"), table));
    Object using = a.get("postgresql_using");
    if (using != null && using != Values.NONE) {
      b.append(" USING ").append(Ddl.name(using, "postgresql_using"));
    }
    b.append(" (").append(String.join(", ", elements)).append(')');
    Object include = a.get("postgresql_include");
    if (include != null && include != Values.NONE && !Ddl.list(include, "postgresql_include").isEmpty()) {
      b.append(" INCLUDE (").append(Ddl.columnList(include, "postgresql_include")).append(')');
    }
    Object with = a.get("postgresql_with");
    if (with instanceof Map<?, ?> params && !params.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      params.forEach((k, v) -> pairs.add(k + " = " + Values.str(v)));
      b.append(" WITH (").append(String.join(", ", pairs)).append(')');
    }
    Object tablespace = a.get("postgresql_tablespace");
    if (tablespace instanceof String t) {
      b.append(" TABLESPACE ").append(Ddl.ident(t));
    }
    Object where = a.get("postgresql_where");
    if (where != null && where != Values.NONE) {
      b.append(" WHERE ").append(Ddl.sql(where, "postgresql_where"));
    }
    for (String key : new String[] {"unique", "postgresql_concurrently", "postgresql_using", "postgresql_with"}) {
      if (a.containsKey(key) && !Values.known(a.get(key))) {
        throw new Untranslatable(key + " is not known statically");
      }
    }
    return b.toString();
  }

  /** One key: a column name, or an expression given as text. */
  private static String element(Object c) {
    if (c instanceof String s) {
      return COLUMN_NAME.matcher(s).matches() ? Ddl.ident(s) : s;
    }
    if (c instanceof Construct k && k.name().equals("text")) {
      return Ddl.sql(k, "the index expression");
    }
    if (c instanceof Construct k && k.name().startsWith("func.")) {
      return Ddl.expression(k);
    }
    throw new Untranslatable("the index key " + Ddl.unknownText(c) + " is not known statically");
  }

  static String drop(Map<String, Object> a) {
    StringBuilder b = new StringBuilder("DROP INDEX ");
    if (Boolean.TRUE.equals(a.get("postgresql_concurrently"))) {
      b.append("CONCURRENTLY ");
    }
    if (Boolean.TRUE.equals(a.get("if_exists"))) {
      b.append("IF EXISTS ");
    }
    return b.append(Ddl.table(a.get("schema"), Ddl.name(a.get("index_name"), "the index name"))).toString();
  }
}
