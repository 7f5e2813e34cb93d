package io.migrationsafety.operation;

/** Whether a table or sequence is WAL-logged, unlogged, or temporary. */
public enum Persistence {
  PERMANENT,
  UNLOGGED,
  TEMPORARY
}
