package io.migrationsafety.database;

import io.migrationsafety.MigrationSafetyException;

/**
 * The database could not be reached or refused the login. The message names the host and
 * database, never the password.
 */
public final class DatabaseUnavailableException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
