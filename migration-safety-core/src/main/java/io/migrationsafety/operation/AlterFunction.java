package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER FUNCTION|PROCEDURE|ROUTINE …} attribute changes.
 *
 * @param routineType {@code FUNCTION}, {@code PROCEDURE} or {@code ROUTINE}
 * @param name the routine
 * @param change the change as written
 */
public record AlterFunction(
    ObjectType routineType,
    QualifiedName name,
    String change) implements Operation {

  public AlterFunction {
    Objects.requireNonNull(routineType, "routineType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_FUNCTION;
  }
}
