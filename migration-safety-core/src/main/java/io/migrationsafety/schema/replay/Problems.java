package io.migrationsafety.schema.replay;

import io.migrationsafety.operation.QualifiedName;
import io.migrationsafety.schema.Schema;

/**
 * The sentences replay problems are written in. They name the object as a user reads it
 * ({@code column "email" of table public.users does not exist}), schema-qualified, so that a
 * problem says where to look without the statement beside it.
 */
final class Problems {

  private Problems() {}

  /**
   * Whether {@code problem} says that something the statement needs is missing (as the builders
   * here and the "does not exist" sentences word it), rather than that something already exists
   * or cannot be done. Kept beside the builders so that the two cannot drift apart.
   */
  static boolean isMissing(String problem) {
    return problem.endsWith(" does not exist") || problem.contains(" is not a label of enum type ");
  }

  static String quoted(String identifier) {
    return '"' + identifier + '"';
  }

  static String tableMissing(QualifiedName table) {
    return "table " + table.sql() + " does not exist";
  }

  static String missing(String kind, QualifiedName name) {
    return kind + " " + name.sql() + " does not exist";
  }

  static String exists(String kind, QualifiedName name) {
    return kind + " " + name.sql() + " already exists";
  }

  static String columnMissing(String column, QualifiedName table) {
    return "column " + quoted(column) + " of table " + table.sql() + " does not exist";
  }

  static String columnExists(String column, QualifiedName table) {
    return "column " + quoted(column) + " of table " + table.sql() + " already exists";
  }

  static String constraintMissing(String constraint, QualifiedName table) {
    return "constraint " + quoted(constraint) + " of table " + table.sql() + " does not exist";
  }

  static String constraintExists(String constraint, QualifiedName table) {
    return "constraint " + quoted(constraint) + " of table " + table.sql() + " already exists";
  }

  static String schemaMissing(String schema) {
    return "schema " + quoted(schema) + " does not exist";
  }

  /** "table public.users already exists", naming the kind of relation that holds the name. */
  static String relationExists(Schema schema, QualifiedName name) {
    return exists(relationKind(schema, name), name);
  }

  /** The kind of relation (or composite type, which shares relations' names) called {@code name}. */
  static String relationKind(Schema schema, QualifiedName name) {
    if (schema.tables().containsKey(name)) {
      return "table";
    }
    if (schema.indexes().containsKey(name)) {
      return "index";
    }
    if (schema.sequences().containsKey(name)) {
      return "sequence";
    }
    var view = schema.views().get(name);
    if (view != null) {
      return view.materialized() ? "materialized view" : "view";
    }
    return schema.types().containsKey(name) ? "type" : "relation";
  }
}
