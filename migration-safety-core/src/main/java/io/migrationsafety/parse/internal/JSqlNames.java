package io.migrationsafety.parse.internal;

import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Names from JSqlParser's tree as PostgreSQL resolves them. JSqlParser keeps identifiers as
 * written, quotes included; PostgreSQL folds unquoted names to lower case and keeps quoted ones.
 */
final class JSqlNames {

  private JSqlNames() {}

  /** One identifier as PostgreSQL resolves it ({@code Users} → {@code users}, {@code "User"} → {@code User}). */
  static String fold(String raw) {
    if (isQuoted(raw)) {
      return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /** Whether the identifier was written in double quotes. */
  static boolean isQuoted(String raw) {
    return raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"';
  }

  /** A table reference; a database part is dropped, as PostgreSQL only accepts the current one. */
  static QualifiedName table(Table table) {
    String schema = table.getSchemaName();
    String name = fold(table.getName());
    return schema == null || schema.isEmpty() ? QualifiedName.of(name) : QualifiedName.of(fold(schema), name);
  }

  /** A column's own name, without its table qualifier. */
  static String column(Column column) {
    return fold(column.getColumnName());
  }

  /** The table qualifier of a column reference ({@code u} in {@code u.id}), or {@code null}. */
  static String qualifier(Column column) {
    Table table = column.getTable();
    if (table == null || table.getName() == null || table.getName().isEmpty()) {
      return null;
    }
    return fold(table.getName());
  }

  /** A dotted function name, each part folded ({@code pg_catalog.now}, {@code "MySchema"."MyFn"} → {@code MySchema.MyFn}). */
  static String function(List<String> parts) {
    StringJoiner joined = new StringJoiner(".");
    for (String p : parts) {
      joined.add(fold(p));
    }
    return joined.toString();
  }
}
