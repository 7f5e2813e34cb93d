package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TYPE … RENAME VALUE 'a' TO 'b'}.
 *
 * @param type the enum type
 * @param value the current label
 * @param newValue the new label
 */
public record RenameEnumValue(
    QualifiedName type,
    String value,
    String newValue) implements Operation {

  public RenameEnumValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(newValue, "newValue");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.RENAME_ENUM_VALUE;
  }
}
