package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code GRANT} and {@code REVOKE} of privileges or role membership, and {@code ALTER DEFAULT PRIVILEGES}.
 *
 * @param grant {@code GRANT} rather than {@code REVOKE}
 * @param privileges the privileges (upper case), or the granted roles
 * @param objectType the kind of object ({@code ROLE} for role membership)
 * @param objects the objects
 * @param grantees the roles that gain or lose the privileges
 * @param defaultPrivileges an {@code ALTER DEFAULT PRIVILEGES} statement
 */
public record ChangePrivileges(
    boolean grant,
    List<String> privileges,
    ObjectType objectType,
    List<QualifiedName> objects,
    List<String> grantees,
    boolean defaultPrivileges) implements Operation {

  public ChangePrivileges {
    Objects.requireNonNull(objectType, "objectType");
    privileges = List.copyOf(privileges);
    objects = List.copyOf(objects);
    grantees = List.copyOf(grantees);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CHANGE_PRIVILEGES;
  }
}
