package io.migrationsafety.probe;

import io.migrationsafety.operation.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pieces probe queries are made of. Every identifier is double-quoted (with embedded quotes
 * doubled), whatever it looks like, so no name can change what a query does.
 */
final class ProbeSql {

  private ProbeSql() {}

  /** An identifier, always quoted. */
  static String id(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A schema-qualified name, both parts quoted. */
  static String id(QualifiedName name) {
    return id(name.schema()) + "." + id(name.name());
  }

  /** {@code columns}, quoted, each prefixed with {@code alias.} when an alias is given. */
  static String columns(List<String> columns, String alias) {
    return columns.stream().map(c -> (alias.isEmpty() ? "" : alias + ".") + id(c)).collect(Collectors.joining(", "));
  }


  /** An expression giving a row's key as text: its primary key, or its {@code ctid}. */
  static String keyText(List<String> key, String alias) {
    String prefix = alias.isEmpty() ? "" : alias + ".";
    if (key.isEmpty()) {
      return prefix + "ctid::text";
    }
    return key.size() == 1 ? prefix + id(key.get(0)) + "::text" : "ROW(" + columns(key, alias) + ")::text";
  }

  /** The key columns for a query the user runs: the primary key, or {@code ctid}. */
  static String keyColumns(List<String> key, String alias) {
    return key.isEmpty() ? (alias.isEmpty() ? "" : alias + ".") + "ctid" : columns(key, alias);
  }

  /**
   * The probe query: how many rows (at most {@link DataProbe#LIMIT} + 1) of {@code from} match
   * {@code where}, and the smallest of their keys.
   */
  static String count(String key, String from, String where) {
    return "SELECT count(*), min(k) FROM (SELECT " + key + " AS k FROM " + from + " WHERE " + where
        + " LIMIT " + (DataProbe.LIMIT + 1) + ") offending";
  }
}
