package io.migrationsafety.operation;

/** The kinds of table constraint PostgreSQL has. */
public enum ConstraintKind {
  PRIMARY_KEY,
  UNIQUE,
  CHECK,
  FOREIGN_KEY,
  EXCLUDE,
  /** {@code NOT NULL} as a named table constraint (PostgreSQL 18+). */
  NOT_NULL
}
