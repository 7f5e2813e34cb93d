package io.migrationsafety.cli;

/** The exit codes of the {@code migration-safety} command: the one place they are defined. */
public enum ExitCode {
  /** Nothing blocks. */
  OK(0),
  /** Something blocks (or, with {@code --fail-on}, warns). */
  BLOCKED(1),
  /** Bad input or usage: unreadable file, unsplittable SQL, unknown option. */
  BAD_INPUT(2),
  /** The database is unreachable or refused. */
  DATABASE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
