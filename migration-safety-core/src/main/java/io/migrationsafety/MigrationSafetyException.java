package io.migrationsafety;

/**
 * The base of every error the library reports. Its message says what went wrong, where, and what
 * the user can do about it.
 */
public class MigrationSafetyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MigrationSafetyException(String message) {
    super(message);
  }

  public MigrationSafetyException(String message, Throwable cause) {
    super(message, cause);
  }
}
