package io.migrationsafety.operation;

/** The four row-level security switches of {@code ALTER TABLE}. */
public enum RowLevelSecurityChange {
  ENABLE,
  DISABLE,
  FORCE,
  NO_FORCE
}
