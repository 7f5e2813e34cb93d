package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Columns.Column;
import io.migrationsafety.alembic.internal.Values.Construct;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code op.create_table} and {@code op.add_column}: the table or column, and what SQLAlchemy
 * emits around it (enum types first; indexes, constraints and comments after).
 */
final class Tables {

  private Tables() {}

  /**
   * @param createdTypes the enum types created so far by the same run: like SQLAlchemy's DDL runner,
   *     which Alembic keeps for the whole run, an enum shared by two tables is created once; updated
   */
  static List<String> create(String name, List<?> items, Map<String, Object> kw, Set<String> createdTypes) {
    Object schema = kw.get("schema");
    String table = Ddl.table(schema, name);
    List<Column> columns = new ArrayList<>();
    List<Construct> constraints = new ArrayList<>();
    List<Construct> indexes = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Values.MetaData) {
        continue; // a MetaData passed along is ignored, as Alembic's Table(name, metadata, …) absorbs it
      }
      if (item instanceof Construct c && c.name().equals("Index")) {
        indexes.add(c);
      } else if (item instanceof Construct c && !c.name().equals("Column")) {
        constraints.add(c);
      } else {
        columns.add(Columns.read(item));
      }
    }
    List<String> keyNames = keyNames(columns, constraints);
    List<String> before = new ArrayList<>();
    Set<String> types = new LinkedHashSet<>(createdTypes);
    List<String> body = new ArrayList<>();
    List<String> tableConstraints = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (Column c : columns) {
      enumType(c, types, before);
      body.add(Columns.definition(c, Columns.serial(c, keyNames), keyNames.contains(c.name())));
      for (Construct fk : c.foreignKeys()) {
        String[] target = Constraints.reference(fk.arg(0), name);
        tableConstraints.add(Constraints.foreignKey(fk.kwarg("name"), List.of(c.name()), target[0], List.of(target[1]),
            fk.kwargs()));
      }
      if (c.flag("unique") && !c.flag("index")) {
        tableConstraints.add("UNIQUE (" + Ddl.ident(c.name()) + ")");
      }
      if (c.flag("index")) {
        after.add("CREATE " + (c.flag("unique") ? "UNIQUE " : "") + "INDEX " + Ddl.ident("ix_" + name + "_" + c.name())
            + " ON " + table + " (" + Ddl.ident(c.name()) + ")");
      }
      comment(table, c, after);
    }
    // SQLAlchemy writes the primary key first, then the other constraints in the order they were made
    boolean explicitKey = false;
    for (Construct c : constraints) {
      if (c.name().equals("PrimaryKeyConstraint")) {
        body.add(Constraints.of(c, name));
        explicitKey = true;
      }
    }
    if (!explicitKey && !keyNames.isEmpty()) {
      List<String> quoted = keyNames.stream().map(Ddl::ident).toList();
      body.add("PRIMARY KEY (" + String.join(", ", quoted) + ")");
    }
    for (Construct c : constraints) {
      if (!c.name().equals("PrimaryKeyConstraint")) {
        body.add(Constraints.of(c, name));
      }
    }
    body.addAll(tableConstraints);
    for (Construct index : indexes) {
      after.add(sqlIndex(index, name, schema));
    }
    Object tableComment = kw.get("comment");
    if (tableComment instanceof String s) {
      after.add("COMMENT ON TABLE " + table + " IS " + Ddl.literal(s));
    }
    List<String> out = new ArrayList<>(before);
    out.add("CREATE TABLE " + table + " (" + String.join(", ", body) + ")");
    out.addAll(after);
    createdTypes.addAll(types);
    return out;
  }

  /** The primary key's columns: a PrimaryKeyConstraint's, else the columns marked primary_key. */
  private static List<String> keyNames(List<Column> columns, List<Construct> constraints) {
    for (Construct c : constraints) {
      if (c.name().equals("PrimaryKeyConstraint")) {
        List<String> names = new ArrayList<>();
        for (Object a : c.args()) {
          names.add(Ddl.name(a, "a primary key column"));
        }
        return names;
      }
    }
    return columns.stream().filter(Column::primaryKey).map(Column::name).toList();
  }

  /** {@code sa.Index(name, *columns, unique=…, postgresql_…=…)} inside create_table. */
  private static String sqlIndex(Construct index, String table, Object schema) {
    Map<String, Object> a = new java.util.LinkedHashMap<>(index.kwargs());
    a.put("index_name", index.arg(0));
    a.put("table_name", table);
    a.put("schema", schema);
    a.put("columns", index.args().subList(Math.min(1, index.args().size()), index.args().size()));
    return Indexes.create(a);
  }

  static List<String> addColumn(String table, Object value) {
    Column c = Columns.read(value);
    List<String> out = new ArrayList<>();
    out.add("ALTER TABLE " + table + " ADD COLUMN " + Columns.definition(c, false, false));
    for (Construct fk : c.foreignKeys()) {
      String[] target = Constraints.reference(fk.arg(0), table);
      out.add("ALTER TABLE " + table + " ADD " + Constraints.foreignKey(fk.kwarg("name"), List.of(c.name()), target[0],
          List.of(target[1]), fk.kwargs()));
    }
    if (c.flag("unique") && !c.flag("index")) {
      out.add("ALTER TABLE " + table + " ADD UNIQUE (" + Ddl.ident(c.name()) + ")");
    }
    if (c.flag("index")) {
      String bare = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
      out.add("CREATE " + (c.flag("unique") ? "UNIQUE " : "") + "INDEX "
          + Ddl.ident("ix_" + bare.replace("\"", "") + "_" + c.name()) + " ON " + table + " (" + Ddl.ident(c.name()) + ")");
    }
    comment(table, c, out);
    return out;
  }

  private static void comment(String table, Column c, List<String> out) {
    Object comment = c.declaration().kwarg("comment");
    if (comment instanceof String s) {
      out.add("COMMENT ON COLUMN " + table + "." + Ddl.ident(c.name()) + " IS " + Ddl.literal(s));
    }
  }

  /** SQLAlchemy creates a named enum type before the table that first uses it. */
  private static void enumType(Column c, Set<String> seen, List<String> before) {
    Object type = c.type();
    if (type instanceof Construct ar && ar.name().equals("ARRAY")) {
      type = ar.arg(0);
    }
    if (!(type instanceof Construct e) || !(e.name().equals("Enum") || e.name().equals("ENUM"))) {
      return;
    }
    if (Boolean.FALSE.equals(e.kwarg("create_type")) || Boolean.FALSE.equals(e.kwarg("native_enum"))) {
      if (Boolean.FALSE.equals(e.kwarg("native_enum"))) {
        throw new Untranslatable("a non-native enum (a VARCHAR with a CHECK) is not translated");
      }
      return;
    }
    String name = Ddl.enumName(e);
    if (seen.add(name)) {
      List<String> labels = new ArrayList<>();
      for (String l : Ddl.enumLabels(e)) {
        labels.add(Ddl.literal(l));
      }
      before.add("CREATE TYPE " + name + " AS ENUM (" + String.join(", ", labels) + ")");
    }
  }
}
