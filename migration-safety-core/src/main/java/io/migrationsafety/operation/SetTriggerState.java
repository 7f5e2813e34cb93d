package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE … ENABLE|DISABLE [REPLICA|ALWAYS] TRIGGER name|ALL|USER}.
 *
 * @param table the altered table
 * @param trigger the trigger, or {@code ALL} / {@code USER} (upper case) for those sets
 * @param enabled {@code ENABLE} rather than {@code DISABLE}
 * @param mode {@code REPLICA} or {@code ALWAYS}, empty when not written
 */
public record SetTriggerState(
    TableRef table,
    String trigger,
    boolean enabled,
    String mode) implements TableAction {

  public SetTriggerState {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(mode, "mode");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_TRIGGER_STATE;
  }
}
