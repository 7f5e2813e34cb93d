package io.migrationsafety.execute;

/**
 * Hears the executor's progress, statement by statement, as it happens (the command line prints
 * it). Called on the executing thread; every method does nothing unless overridden.
 */
public interface ExecutionListener {

  /** A listener that ignores everything. */
  ExecutionListener NONE = new ExecutionListener() { };

  /** A migration starts its {@code attempt}-th attempt (from 1). */
  default void migrationStarted(String file, boolean transactional, int attempt) { }

  /** A statement ran. */
  default void statementFinished(StatementRun run) { }

  /** A statement hit {@code lock_timeout}; the executor waits {@link Retry#backoff()}, then tries again. */
  default void retrying(Retry retry) { }

  /** A migration ran to its end and was recorded in the history. */
  default void migrationApplied(MigrationRun run) { }

  /** The execution stopped. */
  default void failed(ExecutionFailure failure) { }
}
