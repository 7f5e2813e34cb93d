package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TYPE … ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']}.
 *
 * @param type the enum type
 * @param value the new label
 * @param ifNotExists {@code IF NOT EXISTS}
 * @param before the label of {@code BEFORE}, or {@code null}
 * @param after the label of {@code AFTER}, or {@code null}
 */
public record AddEnumValue(
    QualifiedName type,
    String value,
    boolean ifNotExists,
    String before,
    String after) implements Operation {

  public AddEnumValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.ADD_ENUM_VALUE;
  }
}
