package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code GRANT} and {@code REVOKE} of privileges or role membership, and {@code ALTER DEFAULT PRIVILEGES}.
 *
 * @param grant {@code GRANT} rather than {@code REVOKE}
 * @param privileges the privileges (upper case), or the granted roles
 * @param objectType the kind of object ({@code ROLE} for role membership)
 * @param objects the objects; the schemas when {@code allInSchema}
 * @param grantees the roles that gain or lose the privileges
 * @param defaultPrivileges an {@code ALTER DEFAULT PRIVILEGES} statement
 * @param allInSchema the objects are schemas, and the privileges are on every object of
 *     {@code objectType} in them ({@code ON ALL TABLES IN SCHEMA s}; {@code ALTER DEFAULT
 *     PRIVILEGES IN SCHEMA s})
 * @param grantOption {@code WITH GRANT OPTION} (or {@code WITH ADMIN OPTION}) on a grant; on a
 *     revoke, {@code GRANT OPTION FOR} (or {@code ADMIN OPTION FOR}): only the right to grant
 *     further is revoked, not the privileges themselves
 * @param cascade {@code CASCADE} on a revoke: privileges the grantees granted on go too
 */
public record ChangePrivileges(
    boolean grant,
    List<String> privileges,
    ObjectType objectType,
    List<QualifiedName> objects,
    List<String> grantees,
    boolean defaultPrivileges,
    boolean allInSchema,
    boolean grantOption,
    boolean cascade) implements Operation {

  public ChangePrivileges {
    Objects.requireNonNull(objectType, "objectType");
    privileges = List.copyOf(privileges);
    objects = List.copyOf(objects);
    grantees = List.copyOf(grantees);
  }

  /** A plain grant or revoke on named objects, without grant option or cascade. */
  public ChangePrivileges(boolean grant, List<String> privileges, ObjectType objectType,
      List<QualifiedName> objects, List<String> grantees, boolean defaultPrivileges) {
    this(grant, privileges, objectType, objects, grantees, defaultPrivileges, false, false, false);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CHANGE_PRIVILEGES;
  }
}
