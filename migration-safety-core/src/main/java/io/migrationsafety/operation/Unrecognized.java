package io.migrationsafety.operation;

import java.util.Objects;

/**
 * A statement this library did not understand: reviewed as a risk, never as safe.
 *
 * @param reason why it was not understood
 */
public record Unrecognized(
    String reason) implements Operation {

  public Unrecognized {
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.UNRECOGNIZED;
  }
}
