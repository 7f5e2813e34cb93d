package io.migrationsafety.trace;

import java.util.Objects;

/**
 * A statement the tracer did not run, and why: it cannot run inside a transaction on a scratch
 * database, it is a psql meta-command, an earlier statement failed …
 *
 * @param line its line
 * @param sql its SQL
 * @param reason why it was not traced, in words
 */
public record UntracedStatement(int line, String sql, String reason) implements StatementTrace {

  public UntracedStatement {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(reason, "reason");
  }
}
