package io.migrationsafety.execute;

import java.util.List;
import java.util.Objects;

/**
 * Why an execution stopped, and what it left.
 *
 * @param kind what went wrong
 * @param file the migration's file, relative to its directory
 * @param line the one-based line of the statement that failed
 * @param sql the statement that failed
 * @param sqlState PostgreSQL's SQLSTATE ({@code 55P03} for a lock timeout, {@code 40P01} for a deadlock), or
 *     empty when unknown
 * @param message PostgreSQL's error, with its detail and hint
 * @param rolledBack whether the migration ran in a transaction that was rolled back: nothing of it
 *     is applied
 * @param committed the lines of the statements of this migration that had already committed (outside a
 *     transaction) and stay applied
 * @param leftovers what the failed statement itself left behind, with the SQL to clean it up
 */
public record ExecutionFailure(Kind kind, String file, int line, String sql, String sqlState, String message,
    boolean rolledBack, List<Integer> committed, List<Leftover> leftovers) {

  /** What went wrong. */
  public enum Kind {
    /** PostgreSQL refused the statement. */
    STATEMENT_FAILED,
    /** The statement could not get its lock within {@code lock_timeout}, on every attempt. */
    LOCK_TIMEOUT,
    /** PostgreSQL chose the migration's transaction as the victim of a deadlock, on every attempt. */
    DEADLOCK
  }

  public ExecutionFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(sqlState, "sqlState");
    Objects.requireNonNull(message, "message");
    committed = List.copyOf(committed);
    leftovers = List.copyOf(leftovers);
  }

  /** Where it failed, as {@code file:line}. */
  public String location() {
    return file + ":" + line;
  }
}
