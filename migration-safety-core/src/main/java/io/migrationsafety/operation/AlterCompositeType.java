package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TYPE … ADD|DROP|ALTER|RENAME ATTRIBUTE …} on a composite type.
 *
 * @param type the composite type
 * @param change the change as written
 */
public record AlterCompositeType(
    QualifiedName type,
    String change) implements Operation {

  public AlterCompositeType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ALTER_COMPOSITE_TYPE;
  }
}
