package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code CALL procedure(…)}.
 *
 * @param procedure the procedure
 * @param arguments the arguments as written
 */
public record Call(
    QualifiedName procedure,
    String arguments) implements Operation {

  public Call {
    Objects.requireNonNull(procedure, "procedure");
    Objects.requireNonNull(arguments, "arguments");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CALL;
  }
}
