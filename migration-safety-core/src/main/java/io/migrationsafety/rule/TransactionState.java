package io.migrationsafety.rule;

import io.migrationsafety.lock.LockEffect;
import io.migrationsafety.operation.Operation;
import java.util.List;
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
 * @param held the locks taken earlier in the same transaction and still held (PostgreSQL releases
 *     table locks only at the end of the transaction), one per relation with the strongest mode so
 *     far, in the order they were first taken; empty outside a transaction block
 * @param earlier the operations run earlier in the same transaction, in order; empty outside a
 *     transaction block
 */
public record TransactionState(boolean inTransaction, boolean explicit, int statementsBefore, Map<String, String> settings,
    List<LockEffect> held, List<Operation> earlier) {

  public TransactionState {
    settings = Map.copyOf(settings);
    held = List.copyOf(held);
    earlier = List.copyOf(earlier);
  }

  /** A state that knows of no earlier locks or operations. */
  public TransactionState(boolean inTransaction, boolean explicit, int statementsBefore, Map<String, String> settings) {
    this(inTransaction, explicit, statementsBefore, settings, List.of(), List.of());
  }

  /** The value of a session setting, if the migration set one. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
