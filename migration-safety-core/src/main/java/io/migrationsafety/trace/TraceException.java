package io.migrationsafety.trace;

import io.migrationsafety.MigrationSafetyException;

/** Tracing could not start or go on: no server binaries, a refused target, a server that failed. */
public final class TraceException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  public TraceException(String message) {
    super(message);
  }

  public TraceException(String message, Throwable cause) {
    super(message, cause);
  }
}
