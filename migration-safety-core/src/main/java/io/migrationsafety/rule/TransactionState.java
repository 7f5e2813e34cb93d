package io.migrationsafety.rule;

import java.util.Map;
import java.util.Optional;

/**
 * The transaction a statement runs in, and the session settings in force.
 *
 * @param inTransaction whether the statement runs inside a transaction block (the migration's own,
 *     or one its script opened with BEGIN)
 * @param explicit whether the script itself opened the block with BEGIN
 * @param statementsBefore how many statements of the same transaction ran before this one
 * @param settings session settings set so far in the migration ({@code lock_timeout},
 *     {@code statement_timeout}, {@code search_path} …), lower-case names, values as written
 */
public record TransactionState(boolean inTransaction, boolean explicit, int statementsBefore, Map<String, String> settings) {

  public TransactionState {
    settings = Map.copyOf(settings);
  }

  /** The value of a session setting, if the migration set one. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
