package io.migrationsafety.operation;

import java.util.Objects;

/**
 * {@code ALTER TABLE|INDEX|MATERIALIZED VIEW … SET TABLESPACE}: moves the data files.
 *
 * @param objectType the kind of object
 * @param name the object
 * @param tablespace the target tablespace
 */
public record SetTablespace(
    ObjectType objectType,
    QualifiedName name,
    String tablespace) implements Operation {

  public SetTablespace {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tablespace, "tablespace");
  }

  @Override
  public OperationKind kind() {
    return OperationKind.SET_TABLESPACE;
  }
}
