package io.migrationsafety.database;

import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.operation.ReferentialAction;
import io.migrationsafety.schema.Constraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every table constraint of the user's schemas, in one query over {@code pg_constraint}. */
final class ConstraintQueries {

  private static final String SQL = """
      SELECT k.conrelid, k.conname, k.contype,
             ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
             CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true)
                  WHEN k.contype = 'x' THEN pg_get_constraintdef(k.oid, true) END,
             fn.nspname, f.relname,
             ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord),
             k.confdeltype, k.confupdtype, k.convalidated, k.condeferrable, k.condeferred,
             CASE WHEN k.contype IN ('p', 'u', 'x') THEN ic.relname END
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class f ON f.oid = k.confrelid
      LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
      LEFT JOIN pg_class ic ON ic.oid = k.conindid
      WHERE c.relkind IN ('r', 'p') AND %s AND k.contype IN ('p', 'u', 'c', 'f', 'x', 'n')
      ORDER BY k.conrelid, k.oid""".formatted(Catalog.USER_SCHEMA);

  private ConstraintQueries() {}

  /** The constraints by table oid, in creation order. */
  static Map<Long, List<Constraint>> constraints(Connection connection) throws SQLException {
    Map<Long, List<Constraint>> result = new HashMap<>();
    Catalog.query(connection, SQL, row -> {
      ConstraintKind kind = kind(row.getString(3));
      boolean foreign = kind == ConstraintKind.FOREIGN_KEY;
      Constraint constraint = new Constraint(row.getString(2), kind, strings(row.getArray(4)), row.getString(5),
          foreign ? QualifiedName.of(row.getString(6), row.getString(7)) : null,
          foreign ? strings(row.getArray(8)) : List.of(),
          foreign ? action(row.getString(9)) : null, foreign ? action(row.getString(10)) : null,
          row.getBoolean(11), row.getBoolean(12), row.getBoolean(13), row.getString(14));
      result.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(constraint);
    });
    return result;
  }

  private static ConstraintKind kind(String contype) {
    return switch (contype) {
      case "p" -> ConstraintKind.PRIMARY_KEY;
      case "u" -> ConstraintKind.UNIQUE;
      case "c" -> ConstraintKind.CHECK;
      case "f" -> ConstraintKind.FOREIGN_KEY;
      case "x" -> ConstraintKind.EXCLUDE;
      case "n" -> ConstraintKind.NOT_NULL;
      default -> throw new IllegalStateException("constraint type " + contype);
    };
  }

  private static ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
