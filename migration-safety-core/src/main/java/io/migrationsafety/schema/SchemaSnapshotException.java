package io.migrationsafety.schema;

import io.migrationsafety.MigrationSafetyException;
import java.util.Objects;

/**
 * A schema snapshot cannot be read or written: the file is missing or unreadable, is not JSON,
 * holds a value of the wrong type, misses a required field, or is of a format this version does
 * not read. The message names the file and, where known, the line and column.
 */
public final class SchemaSnapshotException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /**
   * @param file the snapshot file (or other source name)
   * @param line the one-based line of the problem, or 0 when unknown
   * @param column the one-based column of the problem, or 0 when unknown
   * @param problem what is wrong
   * @param cause the underlying error, or {@code null}
   */
  public SchemaSnapshotException(String file, int line, int column, String problem, Throwable cause) {
    super(format(file, line, column, problem), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
  }

  private static String format(String file, int line, int column, String problem) {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return "schema snapshot " + where + ": " + problem;
  }

  /** The snapshot file (or other source name). */
  public String file() {
    return file;
  }

  /** The one-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The one-based column of the problem, or 0 when unknown. */
  public int column() {
    return column;
  }
}
