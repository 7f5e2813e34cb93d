package io.migrationsafety.operation;

/** The data-changing statements of {@link DataChange}. */
public enum DmlKind {
  INSERT,
  UPDATE,
  DELETE,
  MERGE,
  /** {@code COPY table FROM …}. */
  COPY
}
