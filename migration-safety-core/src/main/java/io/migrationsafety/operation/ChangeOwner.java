package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER <object> … OWNER TO …}.
 *
 * @param objectType the kind of object
 * @param name the object
 * @param owner the new owner
 */
public record ChangeOwner(
    ObjectType objectType,
    QualifiedName name,
    String owner) implements Operation {

  public ChangeOwner {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CHANGE_OWNER;
  }
}
