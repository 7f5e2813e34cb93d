package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER <object> … RENAME TO …} for whole objects (tables, indexes, views, sequences, types, schemas, functions, triggers…).
 *
 * @param objectType the kind of object
 * @param name the object
 * @param newName the new name
 * @param ifExists {@code IF EXISTS}
 */
public record Rename(
    ObjectType objectType,
    QualifiedName name,
    String newName,
    boolean ifExists) implements Operation {

  public Rename {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(newName, "newName");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.RENAME;
  }
}
