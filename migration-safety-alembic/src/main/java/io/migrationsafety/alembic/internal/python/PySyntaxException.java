package io.migrationsafety.alembic.internal.python;

import io.migrationsafety.MigrationSafetyException;

/** A Python file cannot be tokenized or parsed; the message names the file, line and column. */
public final class PySyntaxException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final int line;

  public PySyntaxException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.line = line;
  }

  /** The one-based line of the problem. */
  public int line() {
    return line;
  }
}
