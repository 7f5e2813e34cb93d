package io.migrationsafety.estimate;

import io.migrationsafety.MigrationSafetyException;

/** A rates file that cannot be read; the message names the file. */
public final class RatesException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  public RatesException(String message, Throwable cause) {
    super(message, cause);
  }
}
