package io.migrationsafety.rollback;

import io.migrationsafety.MigrationSafetyException;

/** The database given as scratch cannot be used as one: it holds objects a round trip would wipe. */
public final class ScratchDatabaseException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  public ScratchDatabaseException(String message) {
    super(message);
  }
}
