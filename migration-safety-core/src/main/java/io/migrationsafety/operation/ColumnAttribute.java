package io.migrationsafety.operation;

/** The column attributes {@link AlterColumnAttribute} changes. */
public enum ColumnAttribute {
  /** {@code SET STATISTICS n}. */
  STATISTICS,
  /** {@code SET STORAGE PLAIN|EXTERNAL|EXTENDED|MAIN|DEFAULT}. */
  STORAGE,
  /** {@code SET COMPRESSION method} (PostgreSQL 14+). */
  COMPRESSION,
  /** {@code SET (attribute_option = value, …)}. */
  OPTIONS,
  /** {@code RESET (attribute_option, …)}. */
  RESET_OPTIONS,
  /** {@code DROP EXPRESSION [IF EXISTS]}: a generated column becomes a plain one. */
  DROP_EXPRESSION,
  /** {@code SET EXPRESSION AS (expr)} (PostgreSQL 17+): rewrites the table for stored columns. */
  SET_EXPRESSION
}
