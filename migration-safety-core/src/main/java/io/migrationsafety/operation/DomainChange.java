package io.migrationsafety.operation;

/** What {@link AlterDomain} changes. */
public enum DomainChange {
  SET_DEFAULT,
  DROP_DEFAULT,
  SET_NOT_NULL,
  DROP_NOT_NULL,
  ADD_CONSTRAINT,
  DROP_CONSTRAINT,
  VALIDATE_CONSTRAINT,
  RENAME_CONSTRAINT
}
