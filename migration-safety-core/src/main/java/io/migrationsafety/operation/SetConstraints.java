package io.migrationsafety.operation;

import java.util.List;

/**
 * {@code SET CONSTRAINTS ALL|names DEFERRED|IMMEDIATE}.
 *
 * @param names the constraints; empty for {@code ALL}
 * @param deferred {@code DEFERRED} rather than {@code IMMEDIATE}
 */
public record SetConstraints(
    List<String> names,
    boolean deferred) implements Operation {

  public SetConstraints {
    names = List.copyOf(names);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_CONSTRAINTS;
  }
}
