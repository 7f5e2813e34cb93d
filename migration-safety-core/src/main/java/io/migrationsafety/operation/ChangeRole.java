package io.migrationsafety.operation;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE|ALTER|DROP ROLE|USER|GROUP …}.
 *
 * @param action {@code CREATE}, {@code ALTER} or {@code DROP}
 * @param roles the roles
 * @param detail the rest of the statement as written
 */
public record ChangeRole(
    String action,
    List<String> roles,
    String detail) implements Operation {

  public ChangeRole {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
    roles = List.copyOf(roles);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.CHANGE_ROLE;
  }
}
