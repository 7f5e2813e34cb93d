package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}, {@code END}, {@code ABORT}.
 *
 * @param action what it does
 * @param savepoint the savepoint name, or {@code null}
 * @param options isolation level and access mode as written, empty when none
 */
public record TransactionControl(
    TransactionAction action,
    String savepoint,
    String options) implements Operation {

  public TransactionControl {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.TRANSACTION_CONTROL;
  }
}
