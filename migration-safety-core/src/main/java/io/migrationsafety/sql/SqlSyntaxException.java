package io.migrationsafety.sql;

import io.migrationsafety.MigrationSafetyException;
import java.util.Objects;

/**
 * A script cannot be split into statements: an unterminated quote, comment or dollar quote, bytes
 * that are not text, or input that is not valid UTF-8. Names the file, line and column.
 */
public final class SqlSyntaxException extends MigrationSafetyException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public SqlSyntaxException(String file, int line, int column, String problem) {
    super(format(file, line, column, problem));
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String file, int line, int column, String problem) {
    return file + ":" + line + ":" + column + ": " + problem;
  }

  /** The file (or other source name) the script came from. */
  public String file() {
    return file;
  }

  /** The one-based line of the problem. */
  public int line() {
    return line;
  }

  /** The one-based column of the problem. */
  public int column() {
    return column;
  }

  /** The problem, without the location. */
  public String problem() {
    return problem;
  }
}
