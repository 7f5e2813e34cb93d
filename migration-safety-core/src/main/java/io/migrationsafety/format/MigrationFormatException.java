package io.migrationsafety.format;

import io.migrationsafety.MigrationSafetyException;

/**
 * A migration directory cannot be read: missing, empty, ambiguous, or holding a file that breaks
 * the format's rules. The message names the directory or file.
 */
public final class MigrationFormatException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  public MigrationFormatException(String message) {
    super(message);
  }

  public MigrationFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
