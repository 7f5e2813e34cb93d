package io.migrationsafety.trace;

/**
 * What tracing found out about one statement: what the server showed ({@link ObservedStatement}),
 * or why it was not run ({@link UntracedStatement}) — never a guess.
 */
public sealed interface StatementTrace permits ObservedStatement, UntracedStatement {

  /** The one-based line of the statement in its file. */
  int line();

  /** The statement's SQL, as written. */
  String sql();

  /** Whether it was run and observed. */
  default boolean traced() {
    return this instanceof ObservedStatement;
  }
}
