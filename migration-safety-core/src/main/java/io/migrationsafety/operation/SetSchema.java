package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER <object> … SET SCHEMA …}.
 *
 * @param objectType the kind of object
 * @param name the object
 * @param newSchema the schema it moves to
 */
public record SetSchema(
    ObjectType objectType,
    QualifiedName name,
    String newSchema) implements Operation {

  public SetSchema {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(newSchema, "newSchema");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_SCHEMA;
  }
}
