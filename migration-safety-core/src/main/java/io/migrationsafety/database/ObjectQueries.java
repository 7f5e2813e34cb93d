package io.migrationsafety.database;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Sequence;
import io.migrationsafety.schema.UserType;
import io.migrationsafety.schema.View;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Schemas, extensions, user types, sequences and views: one query each. */
final class ObjectQueries {

  private ObjectQueries() {}

  static List<String> schemas(Connection connection) throws SQLException {
    List<String> schemas = new ArrayList<>();
    Catalog.query(connection, "SELECT n.nspname FROM pg_namespace n WHERE " + Catalog.USER_SCHEMA,
        row -> schemas.add(row.getString(1)));
    return schemas;
  }

  static List<String> extensions(Connection connection) throws SQLException {
    List<String> extensions = new ArrayList<>();
    Catalog.query(connection, "SELECT extname FROM pg_extension", row -> extensions.add(row.getString(1)));
    return extensions;
  }

  /**
   * Enums (labels in {@code enumsortorder}), standalone composites, domains, ranges, base and shell
   * types. Left out: array types, table row types, multiranges (made with their range) and the
   * types of an extension (the extension stands for them, as {@code CREATE EXTENSION} does in replay).
   */
  static List<UserType> types(Connection connection) throws SQLException {
    String sql = """
        SELECT n.nspname, t.typname, t.typtype, t.typisdefined,
               ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_class r ON r.oid = t.typrelid
        WHERE %s AND t.typtype IN ('e', 'c', 'd', 'r', 'b', 'p')
          AND (t.typtype <> 'c' OR r.relkind = 'c')
          AND NOT (t.typtype = 'b' AND t.typcategory = 'A')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                          AND d.deptype = 'e')
        ORDER BY t.oid""".formatted(Catalog.USER_SCHEMA);
    List<UserType> types = new ArrayList<>();
    Catalog.query(connection, sql, row -> {
      UserType.Kind kind = !row.getBoolean(4) ? UserType.Kind.SHELL : switch (row.getString(3)) {
        case "e" -> UserType.Kind.ENUM;
        case "c" -> UserType.Kind.COMPOSITE;
        case "d" -> UserType.Kind.DOMAIN;
        case "r" -> UserType.Kind.RANGE;
        case "p" -> UserType.Kind.SHELL;
        default -> UserType.Kind.BASE;
      };
      types.add(new UserType(QualifiedName.of(row.getString(1), row.getString(2)), kind, strings(row.getArray(5))));
    });
    return types;
  }

  /** Sequences, with the column that owns them ({@code OWNED BY}, serial and identity) from {@code pg_depend}. */
  static List<Sequence> sequences(Connection connection) throws SQLException {
    String sql = """
        SELECT n.nspname, c.relname, tn.nspname, t.relname, a.attname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
             AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
        LEFT JOIN pg_class t ON t.oid = d.refobjid
        LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE c.relkind = 'S' AND %s
        ORDER BY c.oid""".formatted(Catalog.USER_SCHEMA);
    List<Sequence> sequences = new ArrayList<>();
    Catalog.query(connection, sql, row -> {
      String column = row.getString(5);
      // The same spelling replay uses for an owner: table.sql() + "." + quoted column.
      String owner = column == null ? null
          : QualifiedName.of(row.getString(3), row.getString(4)).sql() + "." + QualifiedName.quote(column);
      sequences.add(new Sequence(QualifiedName.of(row.getString(1), row.getString(2)), owner));
    });
    return sequences;
  }

  /** Views and materialized views, with the query as PostgreSQL prints it back. */
  static List<View> views(Connection connection) throws SQLException {
    String sql = """
        SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND %s
        ORDER BY c.oid""".formatted(Catalog.USER_SCHEMA);
    List<View> views = new ArrayList<>();
    Catalog.query(connection, sql, row -> views.add(new View(QualifiedName.of(row.getString(1), row.getString(2)),
        row.getBoolean(3), row.getString(4) == null ? "" : row.getString(4).strip())));
    return views;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
