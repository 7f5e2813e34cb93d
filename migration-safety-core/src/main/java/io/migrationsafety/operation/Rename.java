package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER <object> … RENAME TO …} for whole objects (tables, indexes, views, sequences, types, schemas, functions, triggers…).
 *
 * @param objectType the kind of object
 * @param name the object
 * @param newName the new name
 * @param ifExists {@code IF EXISTS}
 * @param onTable the table of a renamed trigger, policy or rule ({@code ALTER TRIGGER t ON table
 *     RENAME TO …}), which the rename locks; else {@code null}
 */
public record Rename(
    ObjectType objectType,
    QualifiedName name,
    String newName,
    boolean ifExists,
    QualifiedName onTable) implements Operation {

  public Rename {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(newName, "newName");
  }

  /** A rename of an object that does not belong to a table. */
  public Rename(ObjectType objectType, QualifiedName name, String newName, boolean ifExists) {
    this(objectType, name, newName, ifExists, null);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.RENAME;
  }
}
