package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER EXTENSION name UPDATE|ADD|DROP …}.
 *
 * @param name the extension
 * @param change the change as written
 */
public record AlterExtension(
    String name,
    String change) implements Operation {

  public AlterExtension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_EXTENSION;
  }
}
