package io.migrationsafety.alembic.internal;

import io.migrationsafety.alembic.internal.Values.Construct;
import java.util.Map;

/** Constraint clauses as SQLAlchemy writes them for PostgreSQL. */
final class Constraints {

  private Constraints() {}

  /** {@code CONSTRAINT name } when the constraint has a name, else nothing. */
  static String named(Object name) {
    if (name == null || name == Values.NONE) {
      return "";
    }
    return "CONSTRAINT " + Ddl.ident(Ddl.name(name, "the constraint name")) + " ";
  }

  /** {@code FOREIGN KEY(a) REFERENCES t (b) …} with its options from {@code options}. */
  static String foreignKey(Object name, Object localColumns, String referencedTable, Object remoteColumns,
      Map<String, Object> options) {
    StringBuilder b = new StringBuilder(named(name));
    b.append("FOREIGN KEY(").append(Ddl.columnList(localColumns, "the foreign key's columns")).append(") REFERENCES ")
        .append(referencedTable).append(" (").append(Ddl.columnList(remoteColumns, "the referenced columns")).append(')');
    Object match = options.get("match");
    if (match instanceof String m) {
      b.append(" MATCH ").append(m);
    }
    Object ondelete = options.get("ondelete");
    if (ondelete instanceof String d) {
      b.append(" ON DELETE ").append(d);
    }
    Object onupdate = options.get("onupdate");
    if (onupdate instanceof String u) {
      b.append(" ON UPDATE ").append(u);
    }
    Object deferrable = options.get("deferrable");
    if (deferrable instanceof Boolean d) {
      b.append(d ? " DEFERRABLE" : " NOT DEFERRABLE");
    }
    Object initially = options.get("initially");
    if (initially instanceof String i) {
      b.append(" INITIALLY ").append(i);
    }
    for (String key : new String[] {"match", "ondelete", "onupdate", "deferrable", "initially"}) {
      Object v = options.get(key);
      if (v != null && v != Values.NONE && !Values.known(v)) {
        throw new Untranslatable("the foreign key's " + key + " is not known statically");
      }
    }
    return b.toString();
  }

  /** A table constraint given as a construct inside {@code op.create_table}. */
  static String of(Construct c, String table) {
    Object name = c.kwarg("name");
    switch (c.name()) {
      case "PrimaryKeyConstraint":
        return named(name) + "PRIMARY KEY (" + Ddl.columnList(c.args(), "the primary key's columns") + ")";
      case "UniqueConstraint":
        return named(name) + "UNIQUE (" + Ddl.columnList(c.args(), "the unique constraint's columns") + ")";
      case "CheckConstraint":
        return named(name) + "CHECK (" + Ddl.sql(c.arg(0), "the check condition") + ")";
      case "ForeignKeyConstraint": {
        Object refs = c.arg(1) != null ? c.arg(1) : c.kwarg("refcolumns");
        Object locals = c.arg(0) != null ? c.arg(0) : c.kwarg("columns");
        String[] target = reference(Ddl.list(refs, "the referenced columns").get(0), table);
        java.util.List<Object> remote = new java.util.ArrayList<>();
        for (Object r : Ddl.list(refs, "the referenced columns")) {
          remote.add(reference(r, table)[1]);
        }
        return foreignKey(name, locals, target[0], remote, c.kwargs());
      }
      default:
        throw new Untranslatable("sa." + c.name() + " inside create_table is not translated");
    }
  }

  /** {@code "schema.table.column"} split into the (quoted) table and the column. */
  static String[] reference(Object spec, String table) {
    String s = Ddl.name(spec, "the referenced column");
    int dot = s.lastIndexOf('.');
    if (dot < 0) {
      throw new Untranslatable("the reference '" + s + "' names no table");
    }
    String tablePart = s.substring(0, dot);
    int schemaDot = tablePart.lastIndexOf('.');
    String quoted = schemaDot < 0 ? Ddl.ident(tablePart)
        : Ddl.ident(tablePart.substring(0, schemaDot)) + "." + Ddl.ident(tablePart.substring(schemaDot + 1));
    return new String[] {quoted, s.substring(dot + 1)};
  }
}
